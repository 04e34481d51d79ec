/** The cluster's own basic fields (network, subnets, version, stores) and component settings nodeup reads. */
import type { RegistryEntry } from '../registry.js';
import { clusterEffect, data, groupEffect, masterConfig, noEffect, tf } from './dsl.js';

const ETCD_MANAGER = 'pkg/model/components/etcdmanager/model.go';
const NETWORK = 'pkg/model/awsmodel/network.go';
const NTH_GO = 'upup/models/cloudup/resources/addons/node-termination-handler.aws/k8s-1.11.yaml.template';
const NTH_IMDS = [['spec.nodeTerminationHandler', { enabled: true, enableSQSTerminationDraining: false }]] as const;
const nthEnv = (field: string, sample: string, env: string) =>
  clusterEffect(`spec.nodeTerminationHandler.${field}`, sample, [data('addons-node-termination-handler', `- name: ${env}\n value: ${sample}`)], NTH_GO, { settings: NTH_IMDS });

export const AWS_BASIC_FIELDS: readonly RegistryEntry[] = [
  {
    class: 'selector',
    kind: 'Cluster',
    path: 'spec.cloudProvider',
    go: 'pkg/apis/kops/v1alpha2/conversion.go',
    shows: { aws: 'resource "aws_vpc"', gce: 'resource "google_compute_network"' },
  },
  clusterEffect('spec.networkCIDR', '172.20.0.0/15', [tf('cidr_block = "172.20.0.0/15"')], NETWORK),
  clusterEffect('spec.subnets', [
    { name: 'us-test-1a', zone: 'us-test-1a', cidr: '172.20.32.0/19', type: 'Public' },
    { name: 'registry-b', zone: 'us-test-1b', cidr: '172.20.64.0/19', type: 'Utility' },
  ], [
    tf('resource "aws_subnet" "registry-b-minimal-aws-example-com" {\n availability_zone = "us-test-1b"\n cidr_block = "172.20.64.0/19"'),
    tf('"Name" = "registry-b.minimal-aws.example.com"\n "SubnetType" = "Utility"'),
  ], NETWORK, { covers: ['spec.subnets[].name', 'spec.subnets[].zone', 'spec.subnets[].cidr', 'spec.subnets[].type'] }),
  noEffect('Cluster', 'spec.subnets[].region', 'pkg/apis/kops/validation/validation.go', 'read only for clouds whose subnets carry a region (not AWS, where the region is the zones\')'),
  clusterEffect('spec.kubernetesVersion', 'v1.34.1', [masterConfig('image: registry.k8s.io/kube-apiserver:v1.34.1'), masterConfig('@https://dl.k8s.io/release/v1.34.1/bin/linux/amd64/kubelet')], 'pkg/model/components/image.go', { alone: true }),
  clusterEffect('spec.configBase', 'memfs://clusters.example.com/registry-base', [tf('key = "clusters.example.com/registry-base/addons/bootstrap-channel.yaml"'), data('etcdmanager-main', '- --backup-store=memfs://clusters.example.com/registry-base/backups/etcd/main')], 'upup/pkg/fi/cloudup/apply_cluster.go', { alone: true }),
  clusterEffect('spec.secretStore', 'memfs://clusters.example.com/registry-secrets', [data('addons-kops-controller', '"secretStore":"memfs://clusters.example.com/registry-secrets"')], 'upup/pkg/fi/cloudup/template_functions.go'),
  clusterEffect('spec.keyStore', 'memfs://clusters.example.com/registry-pki', [masterConfig('keypairs: memfs://clusters.example.com/registry-pki')], 'pkg/nodemodel/nodeupconfigbuilder.go'),
  clusterEffect('spec.kubeScheduler.qps', '77', [masterConfig('      qps: 77\n    kind: KubeSchedulerConfiguration')], 'nodeup/pkg/model/kube_scheduler.go'),
  clusterEffect('spec.kubeScheduler.burst', 78, [masterConfig('clientConnection:\n      burst: 78')], 'nodeup/pkg/model/kube_scheduler.go'),
  clusterEffect('spec.kubeScheduler.maxPersistentVolumes', 79, [masterConfig('    maxPersistentVolumes: 79')], 'nodeup/pkg/model/kube_scheduler.go'),
  clusterEffect('spec.kubeAPIServer.appendAdmissionPlugins', ['RegistryPlugin'], [masterConfig('    appendAdmissionPlugins:\n    - RegistryPlugin')], 'pkg/model/components/apiserver.go'),
  clusterEffect('spec.kubeAPIServer.additionalServiceAccountIssuers', ['https://issuer.registry.example'], [masterConfig('    additionalServiceAccountIssuers:\n    - https://issuer.registry.example')], 'nodeup/pkg/model/kube_apiserver.go'),
  clusterEffect('spec.kubeAPIServer.env', [
    { name: 'REGISTRY_ENV', value: 'on' },
    { name: 'R_CM', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k', optional: true } } },
    { name: 'R_F', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
    { name: 'R_FK', valueFrom: { fileKeyRef: { key: 'fk', path: 'p.env', volumeName: 'vol', optional: false } } },
    { name: 'R_RF', valueFrom: { resourceFieldRef: { containerName: 'kube-apiserver', resource: 'limits.memory', divisor: '1Mi' } } },
    { name: 'R_S', valueFrom: { secretKeyRef: { name: 'sec', key: 'sk', optional: true } } },
  ], [
    masterConfig('    env:\n    - name: REGISTRY_ENV\n      value: "on"'),
    masterConfig('    - name: R_CM\n      valueFrom:\n        configMapKeyRef:\n          key: k\n          name: cm\n          optional: true'),
    masterConfig('    - name: R_F\n      valueFrom:\n        fieldRef:\n          apiVersion: v1\n          fieldPath: metadata.name'),
    masterConfig('    - name: R_FK\n      valueFrom:\n        fileKeyRef:\n          key: fk\n          optional: false\n          path: p.env\n          volumeName: vol'),
    masterConfig('    - name: R_RF\n      valueFrom:\n        resourceFieldRef:\n          containerName: kube-apiserver\n          divisor: 1Mi\n          resource: limits.memory'),
    masterConfig('    - name: R_S\n      valueFrom:\n        secretKeyRef:\n          key: sk\n          name: sec\n          optional: true'),
  ], 'nodeup/pkg/model/kube_apiserver.go', { covers: ['spec.kubeAPIServer.env.*'] }),
  noEffect('Cluster', 'spec.kubeAPIServer.disableBasicAuth', 'pkg/apis/kops/componentconfig.go', 'basic authentication was removed from kube-apiserver; the field is declared and read nowhere'),
  clusterEffect('spec.etcdClusters[].image', 'registry.example/etcd:v9', [data('etcdmanager-main', '- image:\n pullPolicy: IfNotPresent\n reference: registry.example/etcd:v9\n name: etcd-v3-6-12')], ETCD_MANAGER),
  noEffect('Cluster', 'spec.etcdClusters[].provider', 'pkg/apis/kops/cluster.go', 'etcd-manager is the only provider kops 1.37 builds; the field is read nowhere'),
  noEffect('Cluster', 'spec.etcdClusters[].enableEtcdTLS', ETCD_MANAGER, 'etcd-manager always serves etcd over TLS; the field is read nowhere'),
  noEffect('Cluster', 'spec.etcdClusters[].enableTLSAuth', ETCD_MANAGER, 'etcd-manager always requires client certificates; the field is read nowhere'),
  nthEnv('webhookURL', 'https://hook.registry.example', 'WEBHOOK_URL'),
  nthEnv('webhookTemplate', 'registry-template', 'WEBHOOK_TEMPLATE'),
  clusterEffect('spec.nodeTerminationHandler.memoryLimit', '155Mi', [data('addons-node-termination-handler', 'limits:\n memory: 155Mi')], NTH_GO, { settings: NTH_IMDS }),
  groupEffect('spec.autoscale', false, [{ in: 'addons-cluster-autoscaler', text: '- --nodes=2:2:nodes.minimal-aws.example.com', absent: true }], 'upup/pkg/fi/cloudup/template_functions.go', {
    settings: [['spec.clusterAutoscaler', { enabled: true }]],
  }),
  groupEffect('spec.role', 'Bastion', [tf('resource "aws_iam_role" "bastions-minimal-aws-example-com" {'), data('aws_iam_role_bastions', '"Service": "ec2.amazonaws.com"')], 'pkg/model/iam/iam_builder.go', { alone: true }),
  groupEffect('spec.subnets', ['registry-b'], [tf('vpc_zone_identifier = [aws_subnet.registry-b-minimal-aws-example-com.id]')], 'pkg/model/awsmodel/autoscalinggroup.go', {
    settings: [['spec.subnets', [
      { name: 'us-test-1a', zone: 'us-test-1a', cidr: '172.20.32.0/19', type: 'Public' },
      { name: 'registry-b', zone: 'us-test-1b', cidr: '172.20.64.0/19', type: 'Public' },
    ]]],
  }),
  clusterEffect('spec.subnets[].id', 'subnet-0registry', [tf('vpc_zone_identifier = ["subnet-0registry"]')], NETWORK, { settings: [['spec.networkID', 'vpc-12345678']] }),
  clusterEffect('spec.dnsZone', 'Z2REGISTRYZONE', [data('addons-dns-controller', '- --zone=*/Z2REGISTRYZONE')], 'upup/pkg/fi/cloudup/template_functions.go', { alone: true }),
  clusterEffect('spec.nonMasqueradeCIDR', '100.0.0.0/9', [masterConfig('    clusterCIDR: 100.64.0.0/10')], 'upup/pkg/fi/cloudup/populate_cluster_spec.go', { alone: true }),
];
