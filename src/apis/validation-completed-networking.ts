/**
 * The networking rules of Go's validateNetworking / validateSubnets / validateSubnet (pkg/apis/kops/validation/
 * validation.go) with strict=true that the user-input rules (validation.ts, validation-gce.ts, the GCE refusals of the
 * field registry) leave out: the ranges populate fills must be there and must not collide.
 */
import { cidrContains, cidrsOverlap, parseCidr, type Cidr } from './cidr.js';
import type { Cluster } from './types.js';
import type { Add } from './validation-completed.js';

/** What each cloud requires of, or forbids in, the network settings (Go's cloudProviderConstraints). */
interface CloudConstraints {
  requiresNetworkCIDR: boolean;
  prohibitsNetworkCIDR: boolean;
  requiresNonMasqueradeCIDR: boolean;
  requiresSubnetCIDR: boolean;
}

const CONSTRAINTS: Record<string, CloudConstraints> = {
  aws: { requiresNetworkCIDR: true, prohibitsNetworkCIDR: false, requiresNonMasqueradeCIDR: true, requiresSubnetCIDR: true },
  gce: { requiresNetworkCIDR: false, prohibitsNetworkCIDR: true, requiresNonMasqueradeCIDR: false, requiresSubnetCIDR: false },
};

export function validateCompletedNetworking(cluster: Cluster, add: Add): void {
  const spec = cluster.spec;
  const provider = spec.cloudProvider ?? '';
  const constraints = CONSTRAINTS[provider];
  if (!constraints) return;
  const ipv6 = (spec.nonMasqueradeCIDR ?? '').includes(':');

  const networkCidrs: Cidr[] = [];
  if (!spec.networkCIDR) {
    if (constraints.requiresNetworkCIDR) add('spec.networkCIDR', 'Required value: Cluster does not have networkCIDR set', 'set spec.networkCIDR to the VPC range, e.g. 172.20.0.0/16');
  } else if (constraints.prohibitsNetworkCIDR) {
    add('spec.networkCIDR', `Forbidden: ${provider} doesn't support networkCIDR`, 'remove spec.networkCIDR: the subnets carry the ranges');
  } else {
    const cidr = parseCidr(spec.networkCIDR);
    if (cidr) networkCidrs.push(cidr);
  }
  for (const c of spec.additionalNetworkCIDRs ?? []) {
    const cidr = parseCidr(c);
    if (cidr) networkCidrs.push(cidr);
  }

  const nonMasquerade = nonMasqueradeRange(cluster, constraints, networkCidrs, add);
  let podCidr: Cidr | undefined;
  if (!spec.podCIDR) {
    if (!ipv6) add('spec.podCIDR', 'Required value: Cluster did not have podCIDR set', 'set spec.podCIDR inside spec.nonMasqueradeCIDR');
  } else {
    podCidr = parseCidr(spec.podCIDR);
    if (podCidr && nonMasquerade && !cidrContains(nonMasquerade, podCidr)) {
      add('spec.podCIDR', `Forbidden: podCIDR ${JSON.stringify(spec.podCIDR)} must be a subnet of nonMasqueradeCIDR ${JSON.stringify(spec.nonMasqueradeCIDR)}`, `set spec.podCIDR inside ${spec.nonMasqueradeCIDR}`);
    }
  }
  let serviceRange: Cidr | undefined;
  if (!spec.serviceClusterIPRange) add('spec.serviceClusterIPRange', 'Required value: Cluster did not have serviceClusterIPRange set', 'set spec.serviceClusterIPRange, e.g. 100.64.0.0/13');
  else serviceRange = parseCidr(spec.serviceClusterIPRange);

  validateCompletedSubnets(cluster, constraints, { networkCidrs, podCidr, serviceRange, ipv6 }, add);
}

function nonMasqueradeRange(cluster: Cluster, constraints: CloudConstraints, networkCidrs: Cidr[], add: Add): Cidr | undefined {
  const spec = cluster.spec;
  const text = spec.nonMasqueradeCIDR ?? '';
  if (!text) {
    if (constraints.requiresNonMasqueradeCIDR) add('spec.nonMasqueradeCIDR', 'Required value: Cluster does not have nonMasqueradeCIDR set', 'set spec.nonMasqueradeCIDR, e.g. 100.64.0.0/10');
    return undefined;
  }
  const range = parseCidr(text);
  if (text.includes(':') && text !== '::/0') add('spec.nonMasqueradeCIDR', 'Forbidden: IPv6 clusters must have a nonMasqueradeCIDR of "::/0"', 'set spec.nonMasqueradeCIDR: ::/0');
  const cniUsesVpc = spec.networking?.amazonvpc !== undefined || spec.networking?.cilium?.ipam === 'eni';
  if (range && networkCidrs.length && !cniUsesVpc) {
    const hint = 'choose a nonMasqueradeCIDR outside the VPC ranges (the default is 100.64.0.0/10)';
    if (cidrsOverlap(range, networkCidrs[0])) add('spec.nonMasqueradeCIDR', `Forbidden: nonMasqueradeCIDR ${JSON.stringify(text)} cannot overlap with networkCIDR ${JSON.stringify(spec.networkCIDR)}`, hint);
    networkCidrs.slice(1).forEach((cidr, i) => {
      if (cidrsOverlap(range, cidr)) add('spec.nonMasqueradeCIDR', `Forbidden: nonMasqueradeCIDR ${JSON.stringify(text)} cannot overlap with additionalNetworkCIDRs[${i}] ${JSON.stringify(spec.additionalNetworkCIDRs?.[i])}`, hint);
    });
  }
  return range;
}

interface Ranges {
  networkCidrs: Cidr[];
  podCidr?: Cidr;
  serviceRange?: Cidr;
  ipv6: boolean;
}

function validateCompletedSubnets(cluster: Cluster, constraints: CloudConstraints, ranges: Ranges, add: Add): void {
  const spec = cluster.spec;
  const subnets = spec.subnets ?? [];
  if (!subnets.length) add('spec.subnets', 'Required value: must configure at least one subnet (use --zones)', 'add a subnet, e.g. with kops create cluster --zones');
  subnets.forEach((subnet, i) => {
    const path = `spec.subnets[${i}]`;
    const name = JSON.stringify(subnet.name ?? '');
    if (!subnet.cidr) {
      if (constraints.requiresSubnetCIDR && (!ranges.ipv6 || !subnet.ipv6CIDR)) add(`${path}.cidr`, 'Required value: subnet does not have a cidr set', 'set a CIDR inside spec.networkCIDR');
    } else {
      const cidr = parseCidr(subnet.cidr);
      if (cidr && ranges.podCidr && cidrsOverlap(cidr, ranges.podCidr) && spec.networking?.amazonvpc === undefined) {
        add(`${path}.cidr`, `Forbidden: subnet ${name} cidr ${JSON.stringify(subnet.cidr)} must not overlap podCIDR ${JSON.stringify(spec.podCIDR)}`, 'move the subnet, or choose a spec.podCIDR outside the VPC');
      }
      if (cidr && ranges.serviceRange && cidrsOverlap(cidr, ranges.serviceRange)) {
        add(`${path}.cidr`, `Forbidden: subnet ${name} cidr ${JSON.stringify(subnet.cidr)} must not overlap serviceClusterIPRange ${JSON.stringify(spec.serviceClusterIPRange)}`, 'move the subnet, or choose a spec.serviceClusterIPRange outside the VPC');
      }
    }
    if (subnet.ipv6CIDR && !subnet.ipv6CIDR.startsWith('/')) {
      const cidr = parseCidr(subnet.ipv6CIDR);
      if (cidr && ranges.serviceRange && cidrsOverlap(cidr, ranges.serviceRange)) {
        add(`${path}.ipv6CIDR`, `Forbidden: ipv6CIDR ${JSON.stringify(subnet.ipv6CIDR)} must not overlap serviceClusterIPRange ${JSON.stringify(spec.serviceClusterIPRange)}`, 'choose another IPv6 range for the subnet');
      }
    }
    if (subnet.type === 'DualStack' && !ranges.ipv6) add(`${path}.type`, 'Forbidden: subnet type DualStack may only be used in IPv6 clusters', 'use Private or Public');
  });
}
