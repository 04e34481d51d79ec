/** Add-on fields with their kops effect on AWS: Karpenter, kube-dns, the EBS CSI driver, storage classes, DNS publishers. */
import type { RegistryEntry, Setting } from '../registry.js';
import { clusterEffect, data, masterConfig, noEffect, nodesConfig, notIn, tf } from './dsl.js';

const CHANNEL = 'upup/pkg/fi/cloudup/bootstrapchannelbuilder/bootstrapchannelbuilder.go';
const ADDONS = 'upup/models/cloudup/resources/addons';
const addon = (name: string, text: string) => data(`addons-${name}`, text);
const inChannel = (name: string) => data('addons-bootstrap', `name: ${name}`);
const notInChannel = (name: string) => ({ ...inChannel(name), absent: true });

/** Service accounts with IAM roles (IRSA): what Karpenter requires and cert-manager's hosted zones need. */
export const IRSA: readonly Setting[] = [
  ['spec.serviceAccountIssuerDiscovery', { discoveryStore: 'memfs://discovery.example.com/minimal', enableAWSOIDCProvider: true }],
  ['spec.iam', { useServiceAccountExternalPermissions: true }],
];

const KARPENTER_GO = `${ADDONS}/karpenter.sh/k8s-1.19.yaml.template`;
const KARPENTER: readonly Setting[] = [...IRSA, ['spec.karpenter.enabled', true]];
const karpenterEffect = (field: string, sample: unknown, text: string) =>
  clusterEffect(`spec.karpenter.${field}`, sample, [addon('karpenter.sh', text)], KARPENTER_GO, { settings: KARPENTER });

const KUBE_DNS_GO = `${ADDONS}/kube-dns.addons.k8s.io/k8s-1.12.yaml.template`;
const KUBE_DNS: readonly Setting[] = [['spec.kubeDNS.provider', 'KubeDNS']];
const NODE_LOCAL_DNS_GO = `${ADDONS}/nodelocaldns.addons.k8s.io/k8s-1.12.yaml.template`;
const NODE_LOCAL_DNS: readonly Setting[] = [['spec.kubeDNS.nodeLocalDNS.enabled', true]];

const EBS_CSI_GO = `${ADDONS}/aws-ebs-csi-driver.addons.k8s.io/k8s-1.17.yaml.template`;
const ebsEffect = (field: string, sample: unknown, text: string) =>
  clusterEffect(`spec.cloudConfig.awsEBSCSIDriver.${field}`, sample, [addon('aws-ebs-csi-driver', text)], EBS_CSI_GO);

const CERT_MANAGER: readonly Setting[] = [['spec.certManager.enabled', true]];
const CERT_MANAGER_GO = `${ADDONS}/certmanager.io/k8s-1.16.yaml.template`;
const CLUSTER_AUTOSCALER_PRIORITY: readonly Setting[] = [['spec.clusterAutoscaler', { enabled: true, expander: 'priority' }]];

export const AWS_ADDON_FIELDS: readonly RegistryEntry[] = [
  clusterEffect('spec.karpenter.enabled', true, [inChannel('karpenter.sh'), addon('karpenter.sh', 'kind: NodePool'), tf('resource "aws_iam_role" "karpenter-kube-system-sa-minimal-aws-example-com"')], CHANNEL, { settings: IRSA }),
  karpenterEffect('featureGates', 'RegistryGate=true', '- name: FEATURE_GATES\n value: RegistryGate=true'),
  karpenterEffect('image', 'registry.example/karpenter:v9', 'image: registry.example/karpenter:v9'),
  karpenterEffect('logLevel', 'info', '- name: LOG_LEVEL\n value: info'),
  karpenterEffect('cpuRequest', '311m', 'requests:\n cpu: 311m'),
  karpenterEffect('memoryRequest', '312Mi', 'memory: 312Mi'),
  karpenterEffect('memoryLimit', '313Mi', 'limits:\n memory: 313Mi'),
  noEffect('Cluster', 'spec.karpenter.logEncoding', 'pkg/model/components/karpenter.go', 'defaulted to console there, and read by no template or model code (the controller logs as its image does)'),

  clusterEffect('spec.kubeDNS.provider', 'KubeDNS', [inChannel('kube-dns.addons.k8s.io'), notIn('addons-bootstrap', 'name: coredns.addons.k8s.io')], CHANNEL, { alone: true }),
  clusterEffect('spec.kubeDNS.cacheMaxSize', 2001, [addon('kube-dns', '- --cache-size=2001')], KUBE_DNS_GO, { settings: KUBE_DNS }),
  clusterEffect('spec.kubeDNS.cacheMaxConcurrent', 301, [addon('kube-dns', '- --dns-forward-max=301')], KUBE_DNS_GO, { settings: KUBE_DNS }),
  clusterEffect('spec.kubeDNS.stubDomains', { 'registry.example': ['10.9.9.9'] }, [addon('kube-dns', 'stubDomains: |\n {"registry.example":["10.9.9.9"]}')], KUBE_DNS_GO, { settings: KUBE_DNS }),
  noEffect('Cluster', 'spec.kubeDNS.image', KUBE_DNS_GO, 'the kube-dns and CoreDNS templates carry fixed images (only cpaImage and coreDNSImage are read); no code reads kubeDNS.image'),
  clusterEffect('spec.kubeDNS.nodeLocalDNS.externalCoreFile', '.:53 {\n    registry-local-plugin\n}\n', [addon('nodelocaldns', 'Corefile: |\n .:53 {\n registry-local-plugin\n }')], NODE_LOCAL_DNS_GO, { settings: NODE_LOCAL_DNS, alone: true }),
  clusterEffect('spec.kubeDNS.nodeLocalDNS.forwardToKubeDNS', true, [{ ...addon('nodelocaldns', 'in-addr.arpa:53 {'), absent: true }, addon('nodelocaldns', 'health 169.254.20.10:3989\n }\n .:53 {\n errors\n cache 30')], NODE_LOCAL_DNS_GO, { settings: NODE_LOCAL_DNS }),

  noEffect('Cluster', 'spec.cloudConfig.awsEBSCSIDriver.enabled', 'pkg/apis/kops/validation/aws.go', 'true is the default (pkg/model/components/awsebscsidriver.go) and false is refused ("must not be disabled"); whether kops installs the driver is managed'),
  clusterEffect('spec.cloudConfig.awsEBSCSIDriver.managed', false, [notInChannel('aws-ebs-csi-driver.addons.k8s.io')], CHANNEL),
  ebsEffect('version', 'v9.9.9', 'image: registry.k8s.io/provider-aws/aws-ebs-csi-driver:v9.9.9'),
  ebsEffect('hostNetwork', true, 'hostNetwork: true\n nodeSelector:\n kubernetes.io/os: linux\n priorityClassName: system-node-critical'),
  ebsEffect('kubeAPIQPS', '33', '- --kube-api-qps=33'),
  ebsEffect('kubeAPIBurst', 77, '- --kube-api-burst=77'),
  ebsEffect('podAnnotations', { 'registry-anno': 'v' }, 'annotations:\n registry-anno: v'),
  ebsEffect('volumeAttachLimit', 25, '- --volume-attach-limit=25'),
  clusterEffect('spec.cloudConfig.manageStorageClasses', false, [notInChannel('storage-aws.addons.k8s.io')], CHANNEL),

  noEffect('Cluster', 'spec.clusterAutoscaler.createPriorityExpanderConfig', 'pkg/model/components/clusterautoscaler.go', 'set to true there whenever the expander is priority, and the template reads it only with the priority expander'),
  clusterEffect('spec.clusterAutoscaler.customPriorityExpanderConfig', { 10: ['registry-.*'] }, [addon('cluster-autoscaler', 'priorities: |-\n 10:\n - registry-.*')], 'upup/pkg/fi/cloudup/template_functions.go', {
    settings: CLUSTER_AUTOSCALER_PRIORITY,
  }),

  noEffect('Cluster', 'spec.certManager.image', CERT_MANAGER_GO, 'the cert-manager template carries fixed images; no code reads certManager.image'),
  clusterEffect('spec.certManager.defaultIssuer', 'registry-issuer', [addon('certmanager.io', '- --default-issuer-name=registry-issuer\n - --default-issuer-kind=ClusterIssuer\n - --default-issuer-group=cert-manager.io')], CERT_MANAGER_GO, { settings: CERT_MANAGER }),
  clusterEffect('spec.certManager.nameservers', ['10.9.8.7'], [addon('certmanager.io', 'dnsConfig:\n nameservers:\n - 10.9.8.7\n dnsPolicy: None')], CERT_MANAGER_GO, { settings: CERT_MANAGER }),
  clusterEffect('spec.certManager.managed', false, [notInChannel('certmanager.io')], CHANNEL, { settings: CERT_MANAGER }),
  clusterEffect('spec.certManager.hostedZoneIDs', ['ZREGISTRY'], [
    tf('resource "aws_iam_role" "cert-manager-kube-system-sa-minimal-aws-example-com"'),
    data('aws_iam_role_policy_cert-manager', '"Resource": [\n "arn:aws-test:route53:::hostedzone/ZREGISTRY"\n ]'),
    addon('certmanager.io', '- name: AWS_ROLE_ARN\n value: arn:aws-test:iam::123456789012:role/cert-manager.kube-system.sa.minimal-aws.example.com'),
  ], 'pkg/model/components/addonmanifests/certmanager/iam.go', { settings: [...CERT_MANAGER, ...IRSA] }),

  clusterEffect('spec.addons', [{ manifest: 's3://registry-bucket/channel.yaml' }], [
    data('manifests-channels-kops-channels', '- memfs://clusters.example.com/minimal-aws.example.com/addons/bootstrap-channel.yaml\n - s3://registry-bucket/channel.yaml'),
  ], 'pkg/model/components/channels/model.go', { covers: ['spec.addons[].manifest'] }),
  clusterEffect('spec.externalDns.priorityClassName', 'registry-priority', [addon('dns-controller', 'priorityClassName: registry-priority')], `${ADDONS}/dns-controller.addons.k8s.io/k8s-1.12.yaml.template`),
  clusterEffect('spec.externalDns.disable', true, [{ ...addon('dns-controller', 'kind: Deployment'), absent: true }], 'pkg/apis/kops/v1alpha2/conversion.go'),
  clusterEffect('spec.serviceAccountIssuerDiscovery.discoveryService.url', 'https://discovery.registry.example/u1', [
    nodesConfig('discoveryServiceWithUniverse:\n  url: https://discovery.registry.example/u1'),
    masterConfig('serviceAccountIssuer: https://discovery.registry.example/u1\n    serviceAccountJWKSURI: https://discovery.registry.example/u1/openid/v1/jwks'),
    masterConfig('  discovery-ca: "1000000000000000000000000"'),
  ], 'pkg/apis/nodeup/config.go', { alone: true }),
];
