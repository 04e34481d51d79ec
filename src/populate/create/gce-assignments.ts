/**
 * What the Go kops's PerformAssignments fills in on GCE: subnet CIDRs from 10.0.0.0/8 that no subnetwork of the
 * cluster's network uses yet (/20 per subnet), or, with IP aliases (`networking.gce`, `kindnet`), the node, pod and
 * service ranges of the one subnet.
 */
import type { Cluster } from '../../apis/types.js';
import { parseNetworkId, safeClusterName, type GceLookup } from '../../cloud/gce/lookup.js';
import { UserError } from '../../errors.js';
import { formatIpv4Cidr, overlaps, parseIpv4Cidr, type Ipv4Cidr } from './ipv4.js';

/** RFC 1918 space the ranges are drawn from. */
const GCE_RANGE_SOURCE = '10.0.0.0/8';

export function usesIpAliases(cluster: Cluster): boolean {
  return !!cluster.spec.networking?.gce || !!cluster.spec.networking?.kindnet;
}

export async function performGceAssignments(cluster: Cluster, lookup: GceLookup): Promise<void> {
  const spec = cluster.spec;
  const subnets = spec.subnets ?? [];
  if (usesIpAliases(cluster)) {
    if (subnets.length !== 1) throw new UserError('spec.subnets: a GCE cluster using IP aliases has exactly one subnet', 'keep one regional subnet');
    const node = subnets[0];
    if (spec.podCIDR && spec.serviceClusterIPRange && node.cidr) return;
    const used = new RangeAllocator(await usedRanges(cluster, lookup));
    spec.podCIDR = used.allocate(GCE_RANGE_SOURCE, 14);
    spec.serviceClusterIPRange = used.allocate(GCE_RANGE_SOURCE, 16);
    node.cidr = used.allocate(GCE_RANGE_SOURCE, 19);
    spec.nonMasqueradeCIDR = GCE_RANGE_SOURCE;
    return;
  }
  const needing = subnets.filter((s) => !s.id && !s.cidr);
  if (!needing.length) return;
  const used = new RangeAllocator(await usedRanges(cluster, lookup));
  for (const subnet of needing) subnet.cidr = used.allocate(GCE_RANGE_SOURCE, 20);
}

async function usedRanges(cluster: Cluster, lookup: GceLookup): Promise<string[]> {
  let network: { name: string; project?: string };
  try {
    network = parseNetworkId(cluster.spec.networkID || safeClusterName(cluster.metadata.name!));
  } catch (err) {
    throw new UserError(`spec.networkID: ${(err as Error).message}`, 'write it as NETWORK or PROJECT/NETWORK');
  }
  return lookup.usedRanges(network.project || cluster.spec.project || '', network.name);
}

/** Hands out blocks of a given size that overlap nothing already used; never the first block of the source. */
class RangeAllocator {
  private readonly used: Ipv4Cidr[];

  constructor(ranges: string[]) {
    this.used = ranges.map((r) => {
      const cidr = parseIpv4Cidr(r);
      if (!cidr) throw new UserError(`subnetwork range "${r}" is not an IPv4 CIDR`);
      return cidr;
    });
  }

  allocate(from: string, prefix: number): string {
    const source = parseIpv4Cidr(from)!;
    const step = 2 ** (32 - prefix);
    for (let base = source.base + step; base < source.base + 2 ** (32 - source.prefix); base += step) {
      const candidate = { base, prefix };
      if (this.used.some((u) => overlaps(u, candidate))) continue;
      this.used.push(candidate);
      return formatIpv4Cidr(candidate);
    }
    throw new UserError(`no free /${prefix} block is left in ${from}`, 'free some subnetwork ranges of the network, or set the subnet CIDRs yourself');
  }
}
