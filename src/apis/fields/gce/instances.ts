/** The GCE effect of the instance group's settings and the GCE blocks: the instance templates and their groups. */
import { clusterEffect, data, groupEffect, noEffect, tf } from '../aws/dsl.js';
import type { RegistryEntry } from '../registry.js';

const GROUP = 'pkg/model/gcemodel/autoscalinggroup.go';
const ETCD_DISKS = 'pkg/model/master_volumes.go';
const TEMPLATE_FUNCTIONS = 'upup/pkg/fi/cloudup/template_functions.go';
const AUTOSCALER = [['spec.clusterAutoscaler', { enabled: true }]] as const;
const NODES_MIG_A = 'https://www.googleapis.com/compute/v1/projects/testproject/zones/us-test1-a/instanceGroups/a-nodes-minimal-gce-example-com';
const NODES_USER_DATA = 'google_compute_instance_template_nodes';

export const GCE_INSTANCE_FIELDS: readonly RegistryEntry[] = [
  groupEffect('spec.machineType', 'n2-standard-4', [tf('machine_type = "n2-standard-4"')], GROUP),
  groupEffect('spec.minSize', 4, [tf('name = "a-nodes-minimal-gce-example-com"\n target_size = 2')], GROUP, { settings: [['ig:spec.maxSize', 5]] }),
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
  clusterEffect('spec.etcdClusters[].etcdMembers[].name', 'reg-a', [tf('resource "google_compute_disk" "reg-a-etcd-main-minimal-gce-example-com"'), tf('"k8s-io-etcd-events" = "reg-2da-2freg-2da"')], ETCD_DISKS),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeSize', 33, [tf('size = 33')], ETCD_DISKS),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeType', 'pd-balanced', [tf('type = "pd-balanced"')], ETCD_DISKS),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeIops', 3300, [tf('provisioned_iops = 3300')], ETCD_DISKS),
  clusterEffect('spec.etcdClusters[].etcdMembers[].volumeThroughput', 150, [tf('provisioned_throughput = 150')], ETCD_DISKS),
  groupEffect('spec.nodeLabels', { team: 'registry' }, [tf(';node_labels=team=registry'), data('nodeupconfig-nodes', 'team: registry')], GROUP),
  groupEffect('spec.taints', ['dedicated=registry:NoSchedule'], [tf('"k8s.io/cluster-autoscaler/node-template/taint/dedicated" = "registry:NoSchedule"'), data('nodeupconfig-nodes', '- dedicated=registry:NoSchedule')], GROUP),
  groupEffect('spec.maxSize', 5, [data('addons-cluster-autoscaler', `- --nodes=1:3:${NODES_MIG_A}`)], TEMPLATE_FUNCTIONS, { settings: AUTOSCALER }),
  groupEffect('spec.autoscale', false, [{ in: 'addons-cluster-autoscaler', text: `- --nodes=1:1:${NODES_MIG_A}`, absent: true }], TEMPLATE_FUNCTIONS, { settings: AUTOSCALER }),
  groupEffect('spec.compressUserData', true, [data(NODES_USER_DATA, 'echo "H4sIAAAAAAAA/')], 'pkg/model/resources/nodeup.go'),
  groupEffect(
    'spec.additionalUserData',
    [{ name: 'registry.sh', type: 'text/x-shellscript', content: 'echo registry' }],
    [data(NODES_USER_DATA, 'Content-Disposition: attachment; filename="registry.sh"'), data(NODES_USER_DATA, 'echo registry')],
    'pkg/model/resources/nodeup.go',
    { covers: ['spec.additionalUserData[].name', 'spec.additionalUserData[].type', 'spec.additionalUserData[].content'] },
  ),
  // The project is in every link and the provider block: shown on its own so that other samples' fragments keep theirs.
  clusterEffect('spec.project', 'registry-project', [tf('project = "registry-project"')], 'pkg/model/gcemodel/context.go', { alone: true }),
  clusterEffect('spec.networkID', 'registry-net', [tf('network = "registry-net"')], 'pkg/model/gcemodel/network.go', { alone: true }),
  clusterEffect('spec.networking.gce', {}, [tf('can_ip_forward = false'), tf('alias_ip_range {\n ip_cidr_range = "/24"')], GROUP, { settings: [['spec.networking', {}]] }),
  clusterEffect('spec.networking.kubenet', {}, [tf('resource "google_compute_firewall" "pod-cidrs-to-node-minimal-gce-example-com"')], 'pkg/model/gcemodel/firewall.go', { settings: [['spec.networking', {}]] }),
  clusterEffect(
    'spec.api.loadBalancer.type',
    'Internal',
    [{ ...tf('resource "google_compute_forwarding_rule" "api-minimal-gce-example-com" {\n ip_address = google_compute_address.api-minimal-gce-example-com.address'), absent: true }],
    'pkg/model/gcemodel/api_loadbalancer.go',
    // An internal load balancer needs a private subnet; there a load balancer is public unless said otherwise.
    { settings: [['spec.subnets', [{ name: 'us-test1', region: 'us-test1', type: 'Private' }]], ['spec.api', {}]] },
  ),
  clusterEffect('spec.podCIDR', '100.96.0.0/12', [data('addons-gcp-cloud-controller', '- --cluster-cidr=100.96.0.0/12')], 'pkg/model/components/kubecontrollermanager.go'),
  clusterEffect('spec.kubernetesApiAccess', ['10.1.0.0/16'], [tf('source_ranges = ["10.1.0.0/16"]')], 'pkg/model/gcemodel/firewall.go'),
  clusterEffect('spec.sshAccess', ['10.2.0.0/16'], [tf('source_ranges = ["10.2.0.0/16"]')], 'pkg/model/gcemodel/firewall.go'),
  clusterEffect('spec.nodePortAccess', ['10.3.0.0/16'], [tf('source_ranges = ["10.3.0.0/16"]')], 'pkg/model/gcemodel/firewall.go'),
  clusterEffect(
    'spec.egressProxy',
    { httpProxy: { host: 'proxy.registry', port: 3128 }, excludes: 'registry.local' },
    [data('nodeupconfig-master-us-test1-a', 'excludes: registry.local,127.0.0.1,localhost'), data('google_compute_instance_template_master', 'echo "http_proxy=http://proxy.registry:3128"')],
    'pkg/model/bootstrapscript.go',
    { covers: ['spec.egressProxy.httpProxy.host', 'spec.egressProxy.httpProxy.port', 'spec.egressProxy.excludes'] },
  ),
  clusterEffect('spec.cloudConfig.nodeInstancePrefix', 'registry-prefix', [data('nodeupconfig-nodes', 'nodeInstancePrefix: registry-prefix')], 'pkg/apis/nodeup/config.go'),
  clusterEffect('spec.cloudConfig.gcpPDCSIDriver.enabled', true, [data('addons-bootstrap', 'name: gcp-pd-csi-driver.addons.k8s.io')], 'upup/pkg/fi/cloudup/bootstrapchannelbuilder/bootstrapchannelbuilder.go'),
  noEffect('Cluster', 'spec.cloudConfig.multizone', 'pkg/model/components/kubelet.go', 'kops sets multizone to true on every GCE cluster, over any value given'),
  noEffect('Cluster', 'spec.cloudConfig.nodeTags', 'pkg/model/components/kubelet.go', "kops sets the nodes' network tag on every GCE cluster, over any value given"),
  clusterEffect('spec.cloudLabels', { owner: 'registry' }, [tf('"owner" = "registry"')], GROUP),
  clusterEffect('spec.cloudConfig.gceServiceAccount', 'sa@testproject.iam.gserviceaccount.com', [tf('email = "sa@testproject.iam.gserviceaccount.com"')], 'pkg/model/gcemodel/service_accounts.go'),
  clusterEffect('spec.cloudConfig.gceUseStartupScript', true, [tf('"startup-script" = file("${path.module}/data/google_compute_instance_template_nodes-minimal-gce-example-com_metadata_startup-script")')], GROUP),
];
