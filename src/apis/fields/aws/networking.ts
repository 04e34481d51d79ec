/** Networking and cluster DNS fields with their kops effect on AWS (the add-on manifests kops builds for them). */
import type { RegistryEntry, Setting } from '../registry.js';
import { clusterEffect, data, masterConfig, noEffect, nodesConfig } from './dsl.js';

const ADDONS = 'upup/models/cloudup/resources/addons';
const CALICO = [['spec.networking', { calico: {} }]] as const satisfies readonly Setting[];
const CALICO_TYPHA = [['spec.networking', { calico: { typhaReplicas: 2 } }]] as const satisfies readonly Setting[];
const CALICO_GO = `${ADDONS}/networking.projectcalico.org/k8s-1.25.yaml.template`;
const calico = (text: string) => data('addons-networking.projectcalico.org', text);
const felix = (name: string, value: string) => calico(`- name: ${name}\n value: ${value}`);
const calicoEffect = (field: string, sample: unknown, text: string) => clusterEffect(`spec.networking.calico.${field}`, sample, [calico(text)], CALICO_GO, { settings: CALICO });

const NO_CNI = [['spec.networking', {}]] as const satisfies readonly Setting[];
const KINDNET = [['spec.networking', { kindnet: {} }]] as const satisfies readonly Setting[];
const kindnetEffect = (field: string, sample: unknown, text: string, alone = false) =>
  clusterEffect(`spec.networking.kindnet.${field}`, sample, [data('addons-networking.kindnet', text)], `${ADDONS}/networking.kindnet/k8s-1.32.yaml.template`, { settings: KINDNET, alone });

const NODE_LOCAL_DNS = [['spec.kubeDNS.nodeLocalDNS.enabled', true]] as const satisfies readonly Setting[];
const NODE_LOCAL_DNS_GO = `${ADDONS}/nodelocaldns.addons.k8s.io/k8s-1.12.yaml.template`;
const nodeLocal = (field: string, sample: unknown, text: string) =>
  clusterEffect(`spec.kubeDNS.nodeLocalDNS.${field}`, sample, [data('addons-nodelocaldns', text)], NODE_LOCAL_DNS_GO, { settings: NODE_LOCAL_DNS });
const COREDNS_GO = `${ADDONS}/coredns.addons.k8s.io/k8s-1.12.yaml.template`;

export const AWS_NETWORKING_FIELDS: readonly RegistryEntry[] = [
  calicoEffect('mtu', 1234, 'veth_mtu: "1234"'),
  calicoEffect('encapsulationMode', 'vxlan', 'calico_backend: vxlan'),
  calicoEffect('cpuRequest', '131m', 'cpu: 131m'),
  calicoEffect('registry', 'registry.example', 'image: registry.example/calico/node:'),
  calicoEffect('version', 'v9.9.9', '/calico/node:v9.9.9'),
  clusterEffect('spec.networking.calico.prometheusMetricsPort', 9191, [felix('FELIX_PROMETHEUSMETRICSPORT', '"9191"')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.iptablesBackend', 'NFT', [felix('FELIX_IPTABLESBACKEND', 'NFT')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.ipv4AutoDetectionMethod', 'can-reach=8.8.8.8', [felix('IP_AUTODETECTION_METHOD', 'can-reach=8.8.8.8')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.ipv6AutoDetectionMethod', 'can-reach=2001:4860:4860::8888', [felix('IP6_AUTODETECTION_METHOD', 'can-reach=2001:4860:4860::8888')], CALICO_GO, { settings: CALICO }),
  calicoEffect('allowIPForwarding', true, '"allow_ip_forwarding": true'),
  clusterEffect('spec.networking.calico.awsSrcDstCheck', 'Enable', [felix('FELIX_AWSSRCDSTCHECK', 'Enable')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.logSeverityScreen', 'debug', [felix('FELIX_LOGSEVERITYSCREEN', 'debug')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.prometheusMetricsEnabled', true, [felix('FELIX_PROMETHEUSMETRICSENABLED', '"true"')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.prometheusGoMetricsEnabled', true, [felix('FELIX_PROMETHEUSGOMETRICSENABLED', '"true"')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.prometheusProcessMetricsEnabled', true, [felix('FELIX_PROMETHEUSPROCESSMETRICSENABLED', '"true"')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.chainInsertMode', 'append', [felix('FELIX_CHAININSERTMODE', 'append')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.bpfEnabled', true, [felix('FELIX_BPFENABLED', '"true"')], CALICO_GO, { settings: CALICO, alone: true }),
  clusterEffect('spec.networking.calico.bpfExternalServiceMode', 'DSR', [felix('FELIX_BPFEXTERNALSERVICEMODE', 'DSR')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.bpfLogLevel', 'Debug', [felix('FELIX_BPFLOGLEVEL', 'Debug')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.bpfKubeProxyIptablesCleanupEnabled', true, [felix('FELIX_BPFKUBEPROXYIPTABLESCLEANUPENABLED', '"true"')], CALICO_GO, { settings: CALICO }),
  clusterEffect('spec.networking.calico.typhaPrometheusMetricsEnabled', true, [calico('- name: TYPHA_PROMETHEUSMETRICSENABLED\n value: "true"')], CALICO_GO, { settings: CALICO_TYPHA }),
  clusterEffect('spec.networking.calico.typhaPrometheusMetricsPort', 9393, [calico('- name: TYPHA_PROMETHEUSMETRICSPORT\n value: "9393"')], CALICO_GO, { settings: CALICO_TYPHA }),
  clusterEffect('spec.networking.calico.wireguardEnabled', true, [nodesConfig('  calico:\n    wireguardEnabled: true')], 'pkg/apis/nodeup/config.go', { settings: CALICO }),
  clusterEffect('spec.networking.flannel.backend', 'host-gw', [data('addons-networking.flannel', '"Type": "host-gw"')], `${ADDONS}/networking.flannel/k8s-1.25.yaml.template`, {
    settings: [['spec.networking', { flannel: {} }]],
  }),
  kindnetEffect('version', 'v9.9.9', 'image: registry.k8s.io/networking/kindnet:v9.9.9'),
  kindnetEffect('logLevel', 7, '- --v=7'),
  kindnetEffect('dnsCaching', true, '- --dns-caching=true'),
  kindnetEffect('nat64', true, '- --nat64=true'),
  kindnetEffect('fastPathThreshold', 33, '- --fastpath-threshold=33'),
  kindnetEffect('masquerade.enabled', false, '- --masquerading=false'),
  kindnetEffect('masquerade.nonMasqueradeCIDRs', ['10.99.0.0/16'], '- --no-masquerade-cidr=10.99.0.0/16', true),
  clusterEffect('spec.networking.amazonvpc.imageName', 'registry.example/vpc:v9', [data('addons-networking.amazon-vpc-routed-eni', 'image: registry.example/vpc:v9')], `${ADDONS}/networking.amazon-vpc-routed-eni/k8s-1.16.yaml.template`, {
    settings: [['spec.networking', { amazonvpc: {} }]],
  }),
  clusterEffect('spec.networking.amazonvpc.initImageName', 'registry.example/vpc-init:v9', [data('addons-networking.amazon-vpc-routed-eni', 'image: registry.example/vpc-init:v9')], `${ADDONS}/networking.amazon-vpc-routed-eni/k8s-1.16.yaml.template`, {
    settings: [['spec.networking', { amazonvpc: {} }]],
  }),
  clusterEffect('spec.kubeDNS.cpuRequest', '111m', [data('addons-coredns', 'requests:\n cpu: 111m')], COREDNS_GO),
  clusterEffect('spec.kubeDNS.memoryRequest', '112Mi', [data('addons-coredns', 'memory: 112Mi')], COREDNS_GO),
  clusterEffect('spec.kubeDNS.memoryLimit', '113Mi', [data('addons-coredns', 'limits:\n memory: 113Mi')], COREDNS_GO),
  clusterEffect('spec.kubeDNS.nodeLocalDNS.enabled', true, [data('addons-bootstrap', 'name: nodelocaldns.addons.k8s.io'), nodesConfig('  clusterDNS: 169.254.20.10')], 'upup/pkg/fi/cloudup/bootstrapchannelbuilder/bootstrapchannelbuilder.go'),
  nodeLocal('image', 'registry.example/nld:v9', 'image: registry.example/nld:v9'),
  nodeLocal('localIP', '169.254.20.11', '- -localip=169.254.20.11'),
  nodeLocal('cpuRequest', '121m', 'cpu: 121m'),
  nodeLocal('memoryRequest', '122Mi', 'memory: 122Mi'),
  nodeLocal('podAnnotations', { 'nld-anno': 'v' }, 'nld-anno: v'),
  nodeLocal('additionalConfig', 'registry-extra', 'registry-extra'),
  calicoEffect('ipipMode', 'Never', '- name: CALICO_IPV4POOL_IPIP\n value: Never'),
  calicoEffect('nftablesMode', 'Enabled', '- name: FELIX_NFTABLESMODE\n value: Enabled'),
  calicoEffect('typhaReplicas', 3, 'typha_service_name: calico-typha'),
  clusterEffect('spec.networking.kuberouter.useNFTablesForNetpol', true, [data('addons-networking.kuberouter', '- --use-nftables-for-netpol=true')], `${ADDONS}/networking.kuberouter/k8s-1.12.yaml.template`, {
    settings: [['spec.networking', { kuberouter: {} }]],
  }),
  clusterEffect('spec.networking.amazonvpc.networkPolicyAgentImage', 'registry.example/npa:v9', [data('addons-networking.amazon-vpc-routed-eni', 'image: registry.example/npa:v9')], `${ADDONS}/networking.amazon-vpc-routed-eni/k8s-1.16.yaml.template`, {
    settings: [['spec.networking', { amazonvpc: {} }]],
  }),
  clusterEffect('spec.kubeDNS.domain', 'registry.local', [data('addons-coredns', 'kubernetes registry.local. in-addr.arpa ip6.arpa {')], COREDNS_GO),
  clusterEffect('spec.kubeDNS.serverIP', '100.64.0.11', [data('addons-coredns', 'clusterIP: 100.64.0.11')], COREDNS_GO),
  clusterEffect('spec.kubeDNS.coreDNSImage', 'registry.example/coredns:v9', [data('addons-coredns', 'image: registry.example/coredns:v9')], COREDNS_GO),
  clusterEffect('spec.kubeDNS.cpaImage', 'registry.example/cpa:v9', [data('addons-coredns', 'image: registry.example/cpa:v9')], COREDNS_GO),
  clusterEffect('spec.kubeDNS.upstreamNameservers', ['10.9.9.9'], [data('addons-coredns', 'forward . 10.9.9.9 {')], COREDNS_GO),
  clusterEffect('spec.kubeDNS.podAnnotations', { 'registry-anno': 'v' }, [data('addons-coredns', 'annotations:\n registry-anno: v')], COREDNS_GO),
  clusterEffect('spec.kubeDNS.tolerations', [{ key: 'registry-taint', operator: 'Exists', effect: 'NoSchedule' }], [data('addons-coredns', 'tolerations:\n - effect: NoSchedule\n key: registry-taint\n operator: Exists')], COREDNS_GO, {
    covers: ['spec.kubeDNS.tolerations.*'],
  }),
  clusterEffect('spec.kubeDNS.affinity', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'registry-aff', operator: 'In', values: ['yes'] }] }] } } }, [
    data('addons-coredns', 'affinity:\n nodeAffinity:\n requiredDuringSchedulingIgnoredDuringExecution:\n nodeSelectorTerms:\n - matchExpressions:\n - key: registry-aff\n operator: In\n values:\n - "yes"'),
  ], COREDNS_GO, { covers: ['spec.kubeDNS.affinity.*'] }),
  clusterEffect('spec.kubeDNS.externalCoreFile', '.:53 {\n    registry-plugin\n}\n', [data('addons-coredns', 'Corefile: |\n .:53 {\n registry-plugin\n }')], COREDNS_GO, { alone: true }),
  clusterEffect('spec.networking.calico.vxlanMode', 'Always', [calico('- name: CALICO_IPV4POOL_VXLAN\n value: Always')], `${ADDONS}/networking.projectcalico.org/k8s-1.25.yaml.template`, {
    settings: [['spec.networking', { calico: { encapsulationMode: 'vxlan' } }]],
  }),
  clusterEffect('spec.networking.amazonvpc.env', [{ name: 'REGISTRY_ENV', value: 'on' }], [data('addons-networking.amazon-vpc-routed-eni', '- name: REGISTRY_ENV\n value: "on"')], 'upup/pkg/fi/cloudup/template_functions.go', {
    settings: [['spec.networking', { amazonvpc: {} }]],
    covers: ['spec.networking.amazonvpc.env[].name', 'spec.networking.amazonvpc.env[].value'],
  }),
  clusterEffect('spec.networking.cni.usesSecondaryIP', true, [nodesConfig('  cni:\n    usesSecondaryIP: true')], 'pkg/apis/nodeup/config.go'),
  clusterEffect('spec.networking.flannel.iptablesResyncSeconds', 17, [data('addons-networking.flannel', '- --iptables-resync=17')], `${ADDONS}/networking.flannel/k8s-1.25.yaml.template`, {
    settings: [['spec.networking', { flannel: {} }]],
  }),
  kindnetEffect('networkPolicies', true, '- --network-policy=true'),
  kindnetEffect('adminNetworkPolicies', true, 'name: adminnetworkpolicies.policy.networking.k8s.io'),
  kindnetEffect('baselineAdminNetworkPolicies', true, 'name: baselineadminnetworkpolicies.policy.networking.k8s.io'),
  clusterEffect('spec.networking.kopeio', {}, [data('addons-bootstrap', 'name: networking.kope.io'), nodesConfig('UsesKubenet: true')], 'upup/pkg/fi/cloudup/bootstrapchannelbuilder/bootstrapchannelbuilder.go', { settings: NO_CNI }),
  clusterEffect('spec.networking.kubenet', {}, [data('iam_role_policy_masters', '"ec2:CreateRoute",'), nodesConfig('UsesKubenet: true'), masterConfig('configureCloudRoutes: true')], 'pkg/model/iam/iam_builder.go', { settings: NO_CNI }),
  noEffect('Cluster', 'spec.networking.calico.crossSubnet', 'pkg/apis/kops/networking.go', 'deprecated since kOps 1.22: converted, then read by no builder, template or validation (ipipMode and vxlanMode say where to encapsulate)'),
  noEffect('Cluster', 'spec.networking.calico.majorVersion', 'pkg/apis/kops/v1alpha2/networking.go', 'unused: the v1alpha2 to kops conversion drops it'),
  noEffect('Cluster', 'spec.networking.flannel.disableTxChecksumOffloading', 'pkg/apis/kops/v1alpha2/networking.go', 'unused: the v1alpha2 to kops conversion drops it'),
  noEffect('Cluster', 'spec.kubeDNS.replicas', 'pkg/apis/kops/cluster.go', 'the cluster-proportional autoscaler sizes CoreDNS; the field is read nowhere'),
];
