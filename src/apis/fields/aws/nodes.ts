/**
 * What nodes get from the cluster spec: containerd and the files nodeup installs, OS packages, NTP, encryption at
 * rest, and the spec's legacy fields.
 */
import type { RegistryEntry, Setting } from '../registry.js';
import { ADDED_OBJECTS, clusterEffect, data, masterConfig, noEffect, nodesConfig, tf } from './dsl.js';

const NODEUP_CONFIG = 'pkg/apis/nodeup/config.go';
const FILE_ASSETS = 'pkg/nodemodel/fileassets.go';
const ASSET_BUILDER = 'pkg/assets/builder.go';
const CONTAINERD_OPTIONS = 'pkg/model/components/containerd.go';
const NVIDIA_TEMPLATE = 'upup/models/cloudup/resources/addons/nvidia.addons.k8s.io/k8s-1.16.yaml.template';
const V1ALPHA2 = 'pkg/apis/kops/v1alpha2/cluster.go';
/** A containerd setting of the cluster: in every group's containerdConfig (nodeup writes containerd's config from it). */
const containerdConfig = (field: string, sample: unknown, text: string) =>
  clusterEffect(`spec.containerd.${field}`, sample, [nodesConfig(text), masterConfig(text)], NODEUP_CONFIG);
/** A file nodeup downloads on the nodes, as `sha256@url` in the group's Assets. */
const asset = (sha256: string, url: string) => nodesConfig(`- ${sha256}@${url}`);
const NVIDIA = [['spec.containerd.nvidiaGPU.enabled', true]] as const;
const GIVEN_CONTAINERD = [['spec.containerd.version', '2.3.4'], ['spec.containerd.runc.version', '1.4.3']] as const;
/**
 * Three control-plane groups, one per zone, each running a member of both etcd clusters: kops wants every control-plane
 * group in every etcd cluster, so moving members between groups is a permutation (a member's volume follows its group's zone).
 */
const controlPlaneIn = (zone: string) => ({
  apiVersion: 'kops.k8s.io/v1alpha2',
  kind: 'InstanceGroup',
  metadata: { name: `control-plane-reg-${zone.slice(-1)}`, labels: { 'kops.k8s.io/cluster': 'minimal-aws.example.com' } },
  spec: { image: 'ubuntu/images/hvm-ssd-gp3/ubuntu-resolute-26.04-amd64-server-20220404', machineType: 'm3.medium', maxSize: 1, minSize: 1, role: 'Master', subnets: [zone] },
});
const etcdOn = (groups: readonly string[]) =>
  ['main', 'events'].map((name) => ({ name, etcdMembers: groups.map((instanceGroup, i) => ({ name: 'abc'[i], instanceGroup })) }));
const THREE_ZONES: readonly Setting[] = [
  ['spec.subnets', ['a', 'b', 'c'].map((z, i) => ({ name: `us-test-1${z}`, zone: `us-test-1${z}`, cidr: `172.20.${32 * (i + 1)}.0/19`, type: 'Public' }))],
  [ADDED_OBJECTS, [controlPlaneIn('us-test-1b'), controlPlaneIn('us-test-1c')]],
  ['spec.etcdClusters', etcdOn(['master-us-test-1a', 'control-plane-reg-b', 'control-plane-reg-c'])],
];
const OIDC_PROVIDER = [['spec.serviceAccountIssuerDiscovery', { discoveryStore: 'memfs://discovery.example.com/minimal', enableAWSOIDCProvider: true }]] as const;
const DEFAULT_CONTAINERD_AMD64 = 'https://github.com/containerd/containerd/releases/download/v2.3.4/containerd-2.3.4-linux-amd64.tar.gz';

export const AWS_NODE_FIELDS: readonly RegistryEntry[] = [
  containerdConfig('address', '/run/registry/containerd.sock', '  address: /run/registry/containerd.sock'),
  containerdConfig('configOverride', 'version = 2 # registry', "  configOverride: 'version = 2 # registry'"),
  containerdConfig('root', '/var/lib/registry-containerd', '  root: /var/lib/registry-containerd'),
  containerdConfig('state', '/run/registry-containerd', '  state: /run/registry-containerd'),
  clusterEffect('spec.containerd.nri', { enabled: true, pluginRegistrationTimeout: '7s', pluginRequestTimeout: '8s' }, [nodesConfig('  nri:\n    enabled: true\n    pluginRegistrationTimeout: 7s\n    pluginRequestTimeout: 8s')], NODEUP_CONFIG, {
    covers: ['spec.containerd.nri.enabled', 'spec.containerd.nri.pluginRegistrationTimeout', 'spec.containerd.nri.pluginRequestTimeout'],
  }),
  clusterEffect('spec.containerd.selinuxEnabled', true, [nodesConfig('  selinuxEnabled: true'), data('addons-coredns', 'seLinuxOptions:\n level: s0\n type: spc_t')], 'upup/pkg/fi/cloudup/template_functions.go'),
  clusterEffect('spec.containerd.useECRCredentialsForMirrors', true, [nodesConfig('  useECRCredentialsForMirrors: true'), data('aws_iam_role_policy_nodes', '"ecr:BatchImportUpstreamImage",\n "ecr:CreateRepository",\n "ecr:ReplicateImage",\n "ecr:TagResource"')], 'pkg/model/iam/iam_builder.go'),
  clusterEffect('spec.containerd.installCriCtl', true, [
    asset('d16a1ffb3938f5a19d5c8f45d363bd091ef89c0bc4d44ad16b933eede32fdcbb', 'https://github.com/kubernetes-sigs/cri-tools/releases/download/v1.29.0/crictl-v1.29.0-linux-amd64.tar.gz'),
    asset('0b615cfa00c331fb9c4524f3d4058a61cc487b33a3436d1269e7832cf283f925', 'https://github.com/kubernetes-sigs/cri-tools/releases/download/v1.29.0/crictl-v1.29.0-linux-arm64.tar.gz'),
  ], FILE_ASSETS),
  clusterEffect('spec.containerd.installNerdCtl', true, [
    asset('71aee9d987b7fad0ff2ade50b038ad7e2356324edc02c54045960a3521b3e6a7', 'https://github.com/containerd/nerdctl/releases/download/v1.7.4/nerdctl-1.7.4-linux-amd64.tar.gz'),
    asset('d8df47708ca57b9cd7f498055126ba7dcfc811d9ba43aae1830c93a09e70e22d', 'https://github.com/containerd/nerdctl/releases/download/v1.7.4/nerdctl-1.7.4-linux-arm64.tar.gz'),
  ], FILE_ASSETS),
  clusterEffect('spec.containerd.skipInstall', true, [{ in: 'nodeupconfig-nodes', text: `@${DEFAULT_CONTAINERD_AMD64}`, absent: true }], FILE_ASSETS),
  clusterEffect('spec.containerd.version', '2.1.4', [
    asset('316d510a0428276d931023f72c09fdff1a6ba81d6cc36f31805fea6a3c88f515', 'https://github.com/containerd/containerd/releases/download/v2.1.4/containerd-2.1.4-linux-amd64.tar.gz'),
    nodesConfig('  version: 2.1.4'),
  ], 'pkg/nodemodel/wellknownassets/containerd.go', { settings: [['spec.containerd.runc', { version: '1.4.3' }]] }),
  clusterEffect('spec.containerd.runc.version', '1.3.5', [asset('66fa8390be8fb3b23dfbb60c767368bb5b51f1acfa88692bbff1a82953d4d9e9', 'https://github.com/opencontainers/runc/releases/download/v1.3.5/runc.amd64')], 'pkg/nodemodel/wellknownassets/runc.go', {
    settings: GIVEN_CONTAINERD,
    alone: true,
  }),
  clusterEffect('spec.containerd.runc.packages', {
    urlAmd64: 'https://pkg.registry.example/runc.amd64',
    hashAmd64: 'cccc000000000000000000000000000000000000000000000000000000000000',
    urlArm64: 'https://pkg.registry.example/runc.arm64',
    hashArm64: 'dddd000000000000000000000000000000000000000000000000000000000000',
  }, [
    asset('cccc000000000000000000000000000000000000000000000000000000000000', 'https://pkg.registry.example/runc.amd64'),
    asset('dddd000000000000000000000000000000000000000000000000000000000000', 'https://pkg.registry.example/runc.arm64'),
  ], 'pkg/nodemodel/wellknownassets/runc.go', {
    covers: ['spec.containerd.runc.packages.urlAmd64', 'spec.containerd.runc.packages.hashAmd64', 'spec.containerd.runc.packages.urlArm64', 'spec.containerd.runc.packages.hashArm64'],
    settings: GIVEN_CONTAINERD,
  }),
  clusterEffect('spec.containerd.nvidiaGPU.image', 'registry.example/nvidia-plugin:v9', [data('addons-nvidia', 'image: registry.example/nvidia-plugin:v9')], NVIDIA_TEMPLATE, { settings: NVIDIA }),
  clusterEffect('spec.containerd.nvidiaGPU.package', 'nvidia-driver-registry', [nodesConfig('  package: nvidia-driver-registry')], NODEUP_CONFIG, { settings: NVIDIA }),
  clusterEffect('spec.containerd.nvidiaGPU.dcgmExporter.enabled', true, [data('addons-nvidia', 'kind: DaemonSet\nmetadata:\n labels:\n addon.kops.k8s.io/name: nvidia.addons.k8s.io\n app.kubernetes.io/component: dcgm-exporter')], NVIDIA_TEMPLATE, { settings: NVIDIA }),
  noEffect('Cluster', 'spec.containerd.logLevel', CONTAINERD_OPTIONS, "kops sets the cluster's containerd log level to info whatever the spec says; only an instance group's containerd.logLevel reaches its nodes"),
  clusterEffect('spec.packages', ['registry-package'], [nodesConfig('packages:\n- registry-package'), masterConfig('packages:\n- registry-package')], 'pkg/nodemodel/nodeupconfigbuilder.go'),
  clusterEffect('spec.ntp.managed', false, [nodesConfig('NTPUnmanaged: true'), masterConfig('NTPUnmanaged: true')], NODEUP_CONFIG),
  clusterEffect('spec.encryptionConfig', true, [
    masterConfig('  EncryptionConfigSecretHash: VPWgbkibNldaqQascVHqHqED339X4mBG7pcAsEhbZJw='),
    data('kube-apiserver.manifest-master', '- --encryption-provider-config=/srv/kubernetes/kube-apiserver/encryptionconfig.yaml'),
    data('aws_iam_role_policy_masters', '"iam:CreateServiceLinkedRole",\n "kms:Decrypt",\n "kms:DescribeKey",\n "kms:Encrypt",\n "kms:GenerateDataKey*",\n "kms:ReEncrypt*",'),
  ], 'upup/pkg/fi/cloudup/apply_cluster.go'),
  clusterEffect('spec.iam.useServiceAccountExternalPermissions', true, [
    tf('resource "aws_iam_role" "dns-controller-kube-system-sa-minimal-aws-example-com" {'),
    data('addons-aws-cloud-controller', '- name: AWS_ROLE_ARN\n value: arn:aws-test:iam::123456789012:role/aws-cloud-controller-manager.kube-system.sa.minimal-aws.e-6pf2p1'),
  ], 'pkg/model/awsmodel/iam.go', { settings: OIDC_PROVIDER }),
  clusterEffect('spec.iam.serviceAccountExternalPermissions', [{ name: 'reg-sa', namespace: 'reg-ns', aws: { policyARNs: ['arn:aws-test:iam::123456789012:policy/reg'], inlinePolicy: '[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]' } }], [
    tf('resource "aws_iam_role" "reg-sa-reg-ns-sa-minimal-aws-example-com" {'),
    tf('"service-account.kops.k8s.io/name" = "reg-sa"\n "service-account.kops.k8s.io/namespace" = "reg-ns"'),
    tf('policy_arn = "arn:aws-test:iam::123456789012:policy/reg"'),
    data('aws_iam_role_policy_reg-sa.reg-ns.sa', '"Action": "s3:Get*"'),
  ], 'pkg/model/awsmodel/iam.go', {
    covers: ['spec.iam.serviceAccountExternalPermissions[].name', 'spec.iam.serviceAccountExternalPermissions[].namespace', 'spec.iam.serviceAccountExternalPermissions[].aws.policyARNs', 'spec.iam.serviceAccountExternalPermissions[].aws.inlinePolicy'],
    settings: OIDC_PROVIDER,
  }),
  clusterEffect('spec.assets.containerRegistry', 'registry.example.com/mirror', [
    masterConfig('    image: registry.example.com/mirror/kube-apiserver:v1.34.0'),
    nodesConfig('  sandboxImage: registry.example.com/mirror/pause:3.10.1'),
    data('addons-coredns', 'image: registry.example.com/mirror/coredns-coredns:v1.14.2'),
    data('manifests-etcdmanager-main', 'reference: registry.example.com/mirror/etcd:v3.6.12'),
    data('manifests-static-kube-apiserver-healthcheck', 'image: registry.example.com/mirror/kops-kube-apiserver-healthcheck:'),
  ], ASSET_BUILDER, { alone: true }),
  clusterEffect('spec.assets.containerProxy', 'proxy.registry.example', [
    masterConfig('    image: proxy.registry.example/kube-apiserver:v1.34.0'),
    data('addons-coredns', 'image: proxy.registry.example/coredns/coredns:v1.14.2'),
    data('manifests-etcdmanager-main', 'image: proxy.registry.example/etcd-manager/etcd-manager-slim:'),
    data('manifests-channels-kops-channels', 'image: proxy.registry.example/kops/channels:'),
  ], ASSET_BUILDER, { alone: true }),
  clusterEffect('spec.assets.fileRepository', 'https://files.registry.example/kops', [
    asset('5c0d28cea2a3a5c91861dda088a29d56c1b027e184dae1d792686f0710750076', 'https://files.registry.example/kops/release/v1.34.0/bin/linux/amd64/kubelet'),
    data('aws_launch_template_nodes', 'NODEUP_URL_AMD64=https://files.registry.example/kops/binaries/kops/1.34.0-beta.1/linux/amd64/nodeup\n'),
  ], ASSET_BUILDER, { alone: true }),
  noEffect('Cluster', 'spec.configStore', V1ALPHA2, 'a legacy string kops 1.37 neither converts nor reads (the stores are configBase, keyStore and secretStore)'),
  noEffect('Cluster', 'spec.containerRuntime', 'pkg/apis/kops/cluster.go', 'containerd is the only runtime: the field is dropped in the internal API; validation accepts containerd and refuses docker or anything else'),
  clusterEffect('spec.isolateMasters', true, [masterConfig('KubeProxy: null'), data('kubelet.conf-master', 'enableDebuggingHandlers: false'), data('kubelet.conf-master', 'hairpinMode: none')], 'pkg/model/components/kubelet.go', { alone: true }),
  noEffect('Cluster', 'spec.kubeAPIServer.authorizationMode', 'pkg/model/components/apiserver.go', 'kops sets the mode from spec.authorization (Node,RBAC or AlwaysAllow) over any value given here'),
  clusterEffect('spec.authorization', { rbac: {} }, [masterConfig('    authorizationMode: Node,RBAC')], 'pkg/model/components/apiserver.go', {
    covers: ['spec.authorization.rbac'],
    settings: [['spec.authorization', { alwaysAllow: {} }]],
  }),
  clusterEffect('spec.etcdClusters', [{ name: 'main', etcdMembers: [{ name: 'us-test-1a', instanceGroup: 'master-us-test-1a' }] }], [
    { ...tf('resource "aws_ebs_volume" "us-test-1a-etcd-events-minimal-aws-example-com"'), absent: true },
    { ...masterConfig('- /events#https://127.0.0.1:4002'), absent: true },
  ], 'pkg/model/components/apiserver.go', { covers: ['spec.etcdClusters[].name'], alone: true }),
  clusterEffect('spec.etcdClusters[].etcdMembers[].name', 'reg-a', [tf('resource "aws_ebs_volume" "reg-a-etcd-main-minimal-aws-example-com"'), tf('"k8s.io/etcd/events" = "reg-a/reg-a"')], 'pkg/model/master_volumes.go'),
  clusterEffect('spec.etcdClusters', etcdOn(['control-plane-reg-b', 'master-us-test-1a', 'control-plane-reg-c']), [
    tf('resource "aws_ebs_volume" "a-etcd-main-minimal-aws-example-com" {\n availability_zone = "us-test-1b"'),
    tf('resource "aws_ebs_volume" "b-etcd-events-minimal-aws-example-com" {\n availability_zone = "us-test-1a"'),
  ], 'pkg/model/master_volumes.go', { covers: ['spec.etcdClusters[].etcdMembers[].instanceGroup'], settings: THREE_ZONES }),
];
