/**
 * Settings whose AWS registry fragment names an AWS thing (the aws-cloud-controller, storage-aws, the AWS baseline's
 * state store or Kubernetes version), with the fragment kops writes for them on the GCE baseline.
 */
import { clusterEffect, data, groupEffect, noEffect, tf } from '../aws/dsl.js';
import type { RegistryEntry } from '../registry.js';

const ADDONS = 'upup/models/cloudup/resources/addons';
const CHANNEL = 'upup/pkg/fi/cloudup/bootstrapchannelbuilder/bootstrapchannelbuilder.go';
const CCM = `${ADDONS}/gcp-cloud-controller.addons.k8s.io/k8s-1.23.yaml.template`;
const KUBELET = 'pkg/model/components/kubelet.go';

const PD_CSI = [['spec.cloudConfig.gcpPDCSIDriver.enabled', true]] as const;

export const GCE_ADDON_FIELDS: readonly RegistryEntry[] = [
  clusterEffect('spec.cloudConfig.gcpPDCSIDriver.version', 'v9.9.9', [data('addons-gcp-pd-csi-driver', 'image: registry.k8s.io/cloud-provider-gcp/gcp-compute-persistent-disk-csi-driver:v9.9.9')], `${ADDONS}/gcp-pd-csi-driver.addons.k8s.io/k8s-1.23.yaml.template`, { settings: PD_CSI }),
  clusterEffect('spec.externalDns.watchNamespace', 'kube-system', [data('addons-external-dns', '- --namespace=kube-system')], 'upup/pkg/fi/cloudup/template_functions.go', { settings: [['spec.externalDns', { provider: 'external-dns' }]] }),
  clusterEffect('spec.assets.containerRegistry', 'registry.example.com/mirror', [data('manifests-channels-kops-channels', 'image: registry.example.com/mirror/kops-channels:1.34.0-beta.1')], 'pkg/assets/builder.go', { alone: true }),
  clusterEffect('spec.assets.containerProxy', 'proxy.registry.example', [data('manifests-channels-kops-channels', 'image: proxy.registry.example/kops/channels:1.34.0-beta.1')], 'pkg/assets/builder.go', { alone: true }),
  clusterEffect('spec.configBase', 'memfs://tests/registry-base', [tf('key = "tests/registry-base/kops-version.txt"')], 'upup/pkg/fi/cloudup/apply_cluster.go', { alone: true }),
  clusterEffect('spec.encryptionConfig', true, [data('kube-apiserver.manifest-master', '- --encryption-provider-config=/srv/kubernetes/kube-apiserver/encryptionconfig.yaml')], 'pkg/model/components/apiserver.go'),
  clusterEffect('spec.assets.fileRepository', 'https://files.registry.example/kops', [data('nodeupconfig-nodes', '@https://files.registry.example/kops/release/v1.32.0/bin/linux/amd64/kubelet')], 'pkg/assets/builder.go', { alone: true }),
  clusterEffect('spec.subnets[].type', 'Private', [tf('resource "google_compute_router_nat" "nat-minimal-gce-example-com"')], 'pkg/model/gcemodel/network.go', { alone: true }),
  clusterEffect('spec.topology.dns.type', 'None', [data('nodeupconfig-nodes', 'usesNoneDNS: true')], 'pkg/nodemodel/nodeupconfigbuilder.go'),
  clusterEffect('spec.subnets[].cidr', '10.77.0.0/20', [tf('ip_cidr_range = "10.77.0.0/20"')], 'pkg/model/gcemodel/network.go'),
  clusterEffect('spec.cloudControllerManager.image', 'registry.example/ccm:v9', [data('addons-gcp-cloud-controller', 'image: registry.example/ccm:v9')], CCM),
  clusterEffect('spec.cloudControllerManager.cpuRequest', '77m', [data('addons-gcp-cloud-controller', 'cpu: 77m')], CCM),
  clusterEffect('spec.cloudConfig.manageStorageClasses', false, [{ in: 'addons-bootstrap', text: 'name: storage-gce.addons.k8s.io', absent: true }], CHANNEL),
  clusterEffect('spec.addons', [{ manifest: 's3://registry-bucket/channel.yaml' }], [data('manifests-channels-kops-channels', '- memfs://tests/minimal-gce.example.com/addons/bootstrap-channel.yaml\n - s3://registry-bucket/channel.yaml')], 'pkg/model/components/channels/model.go', {
    covers: ['spec.addons[].manifest'],
  }),
  clusterEffect('spec.etcdClusters[].image', 'registry.example/etcd:v9', [data('etcdmanager-main', 'reference: registry.example/etcd:v9')], 'pkg/model/components/etcdmanager/model.go'),
  noEffect('Cluster', 'spec.kubelet.hairpinMode', KUBELET, "kops sets the cluster kubelet's hairpinMode to promiscuous-bridge on every GCE cluster, over any value given"),
  clusterEffect('spec.masterKubelet.hairpinMode', 'hairpin-veth', [data('kubelet.conf-master-us-test1-a', 'hairpinMode: hairpin-veth')], KUBELET),
  groupEffect('spec.kubelet.hairpinMode', 'hairpin-veth', [data('kubelet.conf-nodes', 'hairpinMode: hairpin-veth')], KUBELET),
];
