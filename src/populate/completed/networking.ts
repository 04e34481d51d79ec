import { UserError } from '../../errors.js';
import { byDefault, inferred } from '../origin.js';
import { formatCidr, parseCidr, overlaps, subnet } from './cidr.js';
import type { SpecFiller } from './filler.js';
import type { PopulateState } from './state.js';
import { PINNED } from './versions.js';

const IPV6_SERVICE_RANGE = 'fd00:5e4f:ce::/108';
const IPV4_SERVICE_RANGE = '100.64.0.0/13';

export function isIPv6Cluster(spec: SpecFiller): boolean {
  return (spec.get<string>('nonMasqueradeCIDR') ?? '').includes(':');
}

/** The pod range is the upper half of nonMasqueradeCIDR; the service range has a fixed default. */
export function fillClusterCidrs(s: PopulateState): void {
  const { spec } = s;
  if (s.ipv6) {
    spec.default('serviceClusterIPRange', IPV6_SERVICE_RANGE, byDefault('service range for IPv6 clusters'));
    return;
  }
  const text = spec.get<string>('nonMasqueradeCIDR');
  if (!text) return;
  const nonMasquerade = parseCidr(text);
  if (!nonMasquerade) throw new UserError(`spec.nonMasqueradeCIDR: ${JSON.stringify(text)} is not a CIDR`, 'use a CIDR such as 100.64.0.0/10');
  spec.default('podCIDR', formatCidr(subnet(nonMasquerade, 1, 1)), inferred('upper half of nonMasqueradeCIDR'));
  spec.default('serviceClusterIPRange', IPV4_SERVICE_RANGE, byDefault('service range for IPv4 clusters, whatever nonMasqueradeCIDR is'));
}

/** Defaults of the chosen CNI. */
export function fillNetworkingDefaults(s: PopulateState): void {
  const { spec } = s;
  if (spec.has('networking.cilium')) fillCilium(s, spec.at('networking.cilium'));
  if (spec.has('networking.calico')) {
    spec.default('networking.calico.encapsulationMode', s.ipv6 ? 'none' : 'ipip', byDefault('calico encapsulation'));
  }
  if (spec.has('networking.kindnet')) fillKindnet(s, spec.at('networking.kindnet'));
}

function fillCilium(s: PopulateState, c: SpecFiller): void {
  const d = (field: string, value: unknown) => c.default(field, value, byDefault(`cilium ${field}`));
  const ipam = c.default<string>('ipam', 'kubernetes', byDefault('cilium IPAM by Kubernetes'));
  d('version', PINNED.cilium);
  d('agentPrometheusPort', 9090);
  d('bpfCTGlobalAnyMax', 262144);
  d('bpfCTGlobalTCPMax', 524288);
  d('bpfLBAlgorithm', 'random');
  d('bpfLBMaglevTableSize', '16381');
  d('bpfLBMapMax', 65536);
  d('bpfNATGlobalMax', 524288);
  d('bpfNeighGlobalMax', 524288);
  d('bpfPolicyMapMax', 16384);
  d('clusterName', 'default');
  d('cniExclusive', true);
  d('cpuRequest', '25m');
  d('disableCNPStatusUpdates', true);
  c.default('disableMasquerade', s.ipv6, inferred(s.ipv6 ? 'no masquerading on IPv6' : 'masquerading on IPv4'));
  c.default('enableBPFMasquerade', ipam === 'eni', inferred(ipam === 'eni' ? 'BPF masquerading with ENI IPAM' : 'no BPF masquerading without ENI IPAM'));
  d('enableEndpointHealthChecking', true);
  d('enableHostFirewall', false);
  d('enableL7Proxy', true);
  d('enableLocalRedirectPolicy', false);
  d('enableRemoteNodeIdentity', true);
  d('enableUnreachableRoutes', false);
  d('identityAllocationMode', 'crd');
  d('identityChangeGracePeriod', '5s');
  d('memoryRequest', '128Mi');
  d('monitorAggregation', 'medium');
  d('sidecarIstioProxyImage', 'cilium/istio_proxy');
  d('toFqdnsDnsRejectResponseCode', 'refused');
  // A Hubble, ingress or Gateway API block given without `enabled` turns the feature on; no block leaves it off.
  for (const block of ['hubble', 'ingress', 'gatewayAPI']) {
    const given = c.has(block);
    c.default(`${block}.enabled`, given, given ? inferred(`cilium ${block} block given`) : byDefault(`cilium ${block} off`));
  }
  if (c.get('enableEncryption') === true) d('encryptionType', 'ipsec');
  const native = ipam === 'eni' || s.ipv6;
  c.default('tunnel', native ? 'disabled' : 'vxlan', inferred(native ? 'native routing with ENI IPAM or IPv6' : 'VXLAN tunnel'));
}

function fillKindnet(s: PopulateState, k: SpecFiller): void {
  const { spec } = s;
  k.default('version', PINNED.kindnet, byDefault('kindnet version'));
  k.default('fastPathThreshold', 0, byDefault('kindnet fastPathThreshold'));
  k.default('logLevel', 2, byDefault('kindnet logLevel'));
  if (s.ipv6) {
    k.default('masquerade.enabled', false, inferred('no masquerading on IPv6'));
    return;
  }
  k.default('masquerade.enabled', true, inferred('masquerading on IPv4'));
  if (!k.has('masquerade.nonMasqueradeCIDRs')) {
    const cidrs = [spec.get('networkCIDR'), spec.get('podCIDR'), spec.get('serviceClusterIPRange')].filter((c) => typeof c === 'string');
    k.set('masquerade.nonMasqueradeCIDRs', cidrs, inferred('network, pod and service ranges are not masqueraded'));
  }
}
