/** Cilium settings the Go template (networking.cilium.io k8s-1.16-v1.15) reads, each with the manifest line it writes. */
import type { RegistryEntry, Setting } from '../registry.js';
import { clusterEffect, data, noEffect, nodesConfig, tf } from './dsl.js';
import { UNCONVERTED_CILIUM_FIELDS } from '../../unconverted.js';

const CILIUM_GO = 'upup/models/cloudup/resources/addons/networking.cilium.io/k8s-1.16-v1.15.yaml.template';
const CILIUM_API = 'pkg/apis/kops/v1alpha2/networking.go';
const CILIUM_DEFAULTS = 'pkg/model/components/cilium.go';
const CILIUM_TYPES = 'pkg/apis/kops/networking.go';
const CILIUM = [['spec.networking', { cilium: {} }]] as const satisfies readonly Setting[];
const VALIDATION = 'pkg/apis/kops/validation/validation.go';
const cilium = (text: string) => data('addons-networking.cilium.io', text);
const ciliumIn = (settings: readonly Setting[], field: string, sample: unknown, text: string) =>
  clusterEffect(`spec.networking.cilium.${field}`, sample, [cilium(text)], CILIUM_GO, { settings });
const ciliumEffect = (field: string, sample: unknown, text: string) => ciliumIn(CILIUM, field, sample, text);
const PROMETHEUS = [['spec.networking', { cilium: { enablePrometheusMetrics: true } }]] as const satisfies readonly Setting[];
// kops validation has Hubble require cert-manager.
const HUBBLE = [['spec.networking', { cilium: { hubble: { enabled: true } } }], ['spec.certManager', { enabled: true }]] as const satisfies readonly Setting[];
const INGRESS = [['spec.networking', { cilium: { ingress: { enabled: true } } }]] as const satisfies readonly Setting[];
const ENCRYPTION = [['spec.networking', { cilium: { enableEncryption: true } }]] as const satisfies readonly Setting[];
const member = { instanceGroup: 'master-us-test-1a', name: 'us-test-1a' };
/** Cilium's own etcd cluster beside main and events (kops validation requires it with etcdManaged). */
const CILIUM_ETCD_CLUSTER = [
  ['spec.etcdClusters', ['main', 'events', 'cilium'].map((name) => ({ name, etcdMembers: [member] }))],
  ...CILIUM,
] as const satisfies readonly Setting[];
/** A golden case with a keystore holding the CA of Cilium's etcd cluster. */
const CILIUM_ETCD_KEYSTORE = 'update_cluster/privateciliumadvanced';


/** Settings the Cilium options builder defaults and nothing reads: the template writes fixed values (or none) instead. */
const DEFAULTED_ONLY = [
  'bpfCTGlobalAnyMax',
  'bpfCTGlobalTCPMax',
  'bpfLBMaglevTableSize',
  'bpfLBMapMax',
  'bpfNATGlobalMax',
  'bpfNeighGlobalMax',
  'bpfPolicyMapMax',
  'disableCNPStatusUpdates',
  'enableRemoteNodeIdentity',
  'enableUnreachableRoutes',
  'sidecarIstioProxyImage',
];

export const AWS_CILIUM_FIELDS: readonly RegistryEntry[] = [
  ciliumEffect('agentPodAnnotations', { 'registry-agent': 'v' }, 'registry-agent: v'),
  ciliumEffect('operatorPodAnnotations', { 'registry-operator': 'v' }, 'registry-operator: v'),
  ciliumEffect('autoDirectNodeRoutes', true, 'auto-direct-node-routes: "true"'),
  ciliumEffect('bpfLBSock', true, 'bpf-lb-sock: "true"'),
  ciliumEffect('extraConfig', { 'registry-extra': 'v' }, 'registry-extra: v'),
  // Settings kops validation requires alongside: the BPF socket load balancer, kube-proxy off, cert-manager.
  ciliumIn([['spec.networking', { cilium: { bpfLBSock: true } }]], 'bpfLBSockHostNSOnly', true, 'bpf-lb-sock-hostns-only: "true"'),
  ciliumEffect('clusterID', 4321, 'cluster-id: "4321"'),
  ciliumEffect('clusterName', 'registry-mesh', 'cluster-name: registry-mesh'),
  ciliumEffect('cniExclusive', false, 'cni-exclusive: "false"'),
  ciliumEffect('disableEndpointCRD', true, 'disable-endpoint-crd: "true"'),
  ciliumEffect('disableMasquerade', true, 'enable-ipv4-masquerade: "false"'),
  ciliumEffect('enableBPFMasquerade', true, 'enable-bpf-masquerade: "true"'),
  ciliumEffect('enableEndpointHealthChecking', false, 'enable-endpoint-health-checking: "false"'),
  ciliumEffect('enableHostFirewall', true, 'enable-host-firewall: "true"'),
  ciliumEffect('enableL7Proxy', false, 'enable-l7-proxy: "false"'),
  ciliumEffect('enableLocalRedirectPolicy', true, 'enable-local-redirect-policy: "true"'),
  ciliumEffect('enableServiceTopology', true, 'enable-service-topology: "true"'),
  ciliumEffect('identityChangeGracePeriod', '7s', 'identity-change-grace-period: 7s'),
  ciliumEffect('toFqdnsDnsRejectResponseCode', 'nameError', 'tofqdns-dns-reject-response-code: nameError'),
  ciliumEffect('preallocateBPFMaps', true, 'preallocate-bpf-maps: "true"'),
  ciliumEffect('tunnel', 'geneve', 'tunnel-protocol: geneve'),
  ciliumEffect('monitorAggregation', 'low', 'monitor-aggregation: low'),
  ciliumEffect('debug', true, 'debug: "true"'),
  ciliumIn([...CILIUM, ['spec.kubeProxy', { enabled: false }]], 'enableNodePort', true, 'enable-node-port: "true"'),
  ciliumEffect('enablePrometheusMetrics', true, 'enable-metrics: "true"'),
  ciliumIn([...CILIUM, ['spec.certManager', { enabled: true }]], 'hubble.enabled', true, 'enable-hubble: "true"'),
  ciliumEffect('gatewayAPI.enabled', true, 'enable-gateway-api: "true"'),
  ciliumEffect('ingress.enabled', true, 'enable-ingress-controller: "true"'),
  ciliumEffect('registry', 'registry.example', 'image: registry.example/cilium/cilium:v1.18.12'),
  ciliumEffect('cpuRequest', '121m', 'cpu: 121m'),
  ciliumEffect('memoryRequest', '122Mi', 'memory: 122Mi'),
  ...UNCONVERTED_CILIUM_FIELDS.map((field) => noEffect('Cluster', `spec.networking.cilium.${field}`, CILIUM_API, 'unused: the v1alpha2 to kops conversion drops it, so no builder, template or nodeup code can read it')),
  ...DEFAULTED_ONLY.map((field) => noEffect('Cluster', `spec.networking.cilium.${field}`, CILIUM_DEFAULTS, 'only given a default in the completed spec; the Cilium template and every builder ignore it')),
  noEffect('Cluster', 'spec.networking.cilium.enableHostReachableServices', CILIUM_TYPES, 'declared and converted, then read by no builder, template or nodeup code'),
  noEffect('Cluster', 'spec.networking.cilium.toFqdnsEnablePoller', CILIUM_TYPES, 'declared and converted, then read by no builder, template or nodeup code'),
  ciliumIn(PROMETHEUS, 'agentPrometheusPort', 9999, 'prometheus-serve-addr: :9999'),
  ciliumIn(PROMETHEUS, 'metrics', ['+registry_a', '-registry_b'], 'metrics: +registry_a -registry_b'),
  clusterEffect('spec.networking.cilium.chainingMode', 'portmap', [cilium('cni-chaining-mode: portmap'), nodesConfig('InstallCNIAssets: true')], CILIUM_GO, { settings: CILIUM }),
  clusterEffect('spec.networking.cilium.version', 'v1.18.3', [cilium('image: quay.io/cilium/cilium:v1.18.3')], CILIUM_GO, { settings: CILIUM, alone: true }),
  ciliumEffect('ipam', 'crd', 'ipam: crd'),
  ciliumIn(HUBBLE, 'hubble.metrics', ['dns', 'drop'], 'hubble-metrics: dns drop'),
  ciliumIn(INGRESS, 'ingress.enforceHttps', true, 'enforce-ingress-https: "true"'),
  ciliumIn(INGRESS, 'ingress.enableSecretsSync', true, 'enable-ingress-secrets-sync: "true"'),
  ciliumIn(INGRESS, 'ingress.loadBalancerAnnotationPrefixes', 'service.registry.example/', 'ingress-lb-annotation-prefixes: service.registry.example/'),
  ciliumIn(INGRESS, 'ingress.defaultLoadBalancerMode', 'dedicated', 'ingress-default-lb-mode: dedicated'),
  ciliumIn(INGRESS, 'ingress.sharedLoadBalancerServiceName', 'registry-shared', 'ingress-shared-lb-service-name: registry-shared'),
  ciliumIn([['spec.networking', { cilium: { gatewayAPI: { enabled: true } } }]], 'gatewayAPI.enableSecretsSync', true, 'enable-gateway-api-secrets-sync: "true"'),
  ciliumEffect('enableEncryption', true, 'enable-ipsec: "true"'),
  ciliumIn(ENCRYPTION, 'encryptionType', 'wireguard', 'enable-wireguard: "true"'),
  ciliumIn(ENCRYPTION, 'nodeEncryption', true, 'encrypt-node: "true"'),
  clusterEffect('spec.networking.cilium.etcdManaged', true, [cilium('kvstore: etcd'), tf('resource "aws_security_group_rule" "from-nodes-minimal-aws-example-com-ingress-tcp-2383to4000-masters-minimal-aws-example-com"')], CILIUM_GO, {
    settings: CILIUM_ETCD_CLUSTER,
    keystore: CILIUM_ETCD_KEYSTORE,
  }),
  clusterEffect('spec.networking.cilium.identityAllocationMode', 'kvstore', [cilium('identity-allocation-mode: kvstore')], CILIUM_GO, { settings: [...CILIUM_ETCD_CLUSTER, ['spec.networking.cilium.etcdManaged', true]], keystore: CILIUM_ETCD_KEYSTORE }),
  noEffect('Cluster', 'spec.networking.cilium.enablePolicy', VALIDATION, 'only checked to be default, always or never; the template always writes enable-policy: "default"'),
  noEffect('Cluster', 'spec.networking.cilium.bpfLBAlgorithm', VALIDATION, 'only checked to be random or maglev and given a default; the template never writes it'),
  noEffect('Cluster', 'spec.networking.cilium.IPTablesRulesNoinstall', VALIDATION, 'only checked against enableL7Proxy (the L7 proxy needs the iptables rules); nothing else reads it'),
];
