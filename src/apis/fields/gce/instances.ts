/** The GCE effect of the instance group's settings and the GCE blocks: the instance templates and their groups. */
import { clusterEffect, groupEffect, tf } from '../aws/dsl.js';
import type { RegistryEntry } from '../registry.js';

const GROUP = 'pkg/model/gcemodel/autoscalinggroup.go';
const ETCD_DISKS = 'pkg/model/master_volumes.go';

export const GCE_INSTANCE_FIELDS: readonly RegistryEntry[] = [
  groupEffect('spec.machineType', 'n2-standard-4', [tf('machine_type = "n2-standard-4"')], GROUP),
  groupEffect('spec.minSize', 4, [tf('name = "a-nodes-minimal-gce-example-com"\n target_size = 2')], GROUP),
  groupEffect('spec.image', 'cos-cloud/cos-stable-101', [tf('source_image = "https://www.googleapis.com/compute/v1/projects/cos-cloud/global/images/cos-stable-101"')], GROUP),
  groupEffect('spec.rootVolumeSize', 77, [tf('disk_size_gb = 77')], GROUP),
  groupEffect('spec.rootVolumeType', 'pd-ssd', [tf('disk_type = "pd-ssd"')], GROUP),
  groupEffect('spec.rootVolumeIops', 3100, [tf('provisioned_iops = 3100')], GROUP),
  groupEffect('spec.rootVolumeThroughput', 170, [tf('provisioned_throughput = 170')], GROUP),
  groupEffect('spec.associatePublicIp', false, [tf('network_interface {\n network = google_compute_network.minimal-gce-example-com.name\n stack_type = "IPV4_ONLY"')], GROUP),
  groupEffect('spec.cloudLabels', { team: 'registry' }, [tf('"team" = "registry"')], GROUP),
  groupEffect('spec.gcpProvisioningModel', 'SPOT', [tf('provisioning_model = "SPOT"')], GROUP),
  groupEffect(
    'spec.guestAccelerators',
    [{ acceleratorType: 'nvidia-tesla-t4', acceleratorCount: 1 }],
    [tf('guest_accelerator {\n count = 1\n type = "nvidia-tesla-t4"\n }')],
    GROUP,
    { covers: ['spec.guestAccelerators[].acceleratorType', 'spec.guestAccelerators[].acceleratorCount'] },
  ),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeSize', 33, [tf('size = 33')], ETCD_DISKS),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeType', 'pd-balanced', [tf('type = "pd-balanced"')], ETCD_DISKS),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeIops', 3300, [tf('provisioned_iops = 3300')], ETCD_DISKS),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeThroughput', 150, [tf('provisioned_throughput = 150')], ETCD_DISKS),
  clusterEffect('spec.cloudLabels', { owner: 'registry' }, [tf('"owner" = "registry"')], GROUP),
  clusterEffect('spec.cloudConfig.gceServiceAccount', 'sa@testproject.iam.gserviceaccount.com', [tf('email = "sa@testproject.iam.gserviceaccount.com"')], 'pkg/model/gcemodel/service_accounts.go'),
  clusterEffect('spec.cloudConfig.gceUseStartupScript', true, [tf('"startup-script" = file("${path.module}/data/google_compute_instance_template_nodes-minimal-gce-example-com_metadata_startup-script")')], GROUP),
];
