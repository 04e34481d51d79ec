/**
 * What the Go kops's PerformAssignments fills into a new cluster's user spec: the network CIDR (the shared VPC's,
 * or 172.20.0.0/16), nonMasqueradeCIDR, the public API name, and the CIDR of every subnet that has none.
 */
import type { Cluster, ClusterSubnetSpec } from '../../apis/types.js';
import type { AwsLookup } from '../../cloud/aws/lookup.js';
import type { GceLookup } from '../../cloud/gce/lookup.js';
import { UserError } from '../../errors.js';
import { performGceAssignments } from './gce-assignments.js';
import { contains, formatIpv4Cidr, overlaps, parseIpv4Cidr, splitInto, type Ipv4Cidr } from './ipv4.js';

const DEFAULT_NETWORK_CIDR = '172.20.0.0/16';
/** AWS accepts VPC and subnet blocks between /16 and /28. */
const AWS_LARGEST_PREFIX = 16;
const AWS_SMALLEST_PREFIX = 28;

export async function performAssignments(cluster: Cluster, lookup: AwsLookup, gceLookup?: GceLookup): Promise<void> {
  const spec = cluster.spec;
  if (!spec.topology) spec.topology = {};
  if (spec.cloudProvider === 'gce') {
    if (!gceLookup) throw new Error('GCE network assignments need a GCE look-up');
    await performGceAssignments(cluster, gceLookup);
    if (!spec.nonMasqueradeCIDR) spec.nonMasqueradeCIDR = '100.64.0.0/10';
    assignPublicName(cluster);
    return;
  }
  if (!spec.networkCIDR) {
    if (spec.networkID) {
      const vpc = await lookup.vpc(spec.networkID);
      if (!vpc) throw new UserError(`--network-id: VPC ${spec.networkID} not found in region ${lookup.region}`, 'check the VPC id and the zones');
      if (!vpc.cidr) throw new UserError(`cannot tell the CIDR of VPC ${spec.networkID}`, 'give it with --network-cidr');
      spec.networkCIDR = vpc.cidr;
    } else {
      spec.networkCIDR = DEFAULT_NETWORK_CIDR;
    }
  }
  if (!spec.nonMasqueradeCIDR) spec.nonMasqueradeCIDR = '100.64.0.0/10';
  assignPublicName(cluster);
  checkNetworkCidrs([spec.networkCIDR, ...(spec.additionalNetworkCIDRs ?? [])], !!spec.networkID);
  await assignSubnetCidrs(cluster, lookup);
}

function assignPublicName(cluster: Cluster): void {
  const spec = cluster.spec;
  const dns = spec.topology?.dns?.type;
  if ((!dns || dns === 'Public') && !spec.masterPublicName && cluster.metadata.name) spec.masterPublicName = `api.${cluster.metadata.name}`;
}

/** Network CIDRs parse, fit an AWS VPC (unless the VPC exists already) and do not overlap each other. */
export function checkNetworkCidrs(cidrs: string[], shared: boolean): void {
  const flag = '--network-cidr';
  const parsed: [string, Ipv4Cidr][] = [];
  for (const text of cidrs) {
    const cidr = parseIpv4Cidr(text);
    if (!cidr) throw new UserError(`${flag}: "${text}" is not an IPv4 CIDR`, 'write it like 10.0.0.0/16');
    if (!shared && (cidr.prefix < AWS_LARGEST_PREFIX || cidr.prefix > AWS_SMALLEST_PREFIX)) {
      throw new UserError(`${flag}: ${text} must be between /${AWS_LARGEST_PREFIX} and /${AWS_SMALLEST_PREFIX} for an AWS VPC`);
    }
    const clash = parsed.find(([, other]) => overlaps(other, cidr));
    if (clash) throw new UserError(`${flag}: ${text} overlaps ${clash[0]}`, 'give network CIDRs that do not overlap');
    parsed.push([text, cidr]);
  }
}

/** Subnets of an IPv6-only cluster's private type get no IPv4 block. */
function needsIpv4(subnet: ClusterSubnetSpec, ipv6Only: boolean): boolean {
  return !(ipv6Only && subnet.type === 'Private');
}

async function assignSubnetCidrs(cluster: Cluster, lookup: AwsLookup): Promise<void> {
  const spec = cluster.spec;
  const subnets = spec.subnets ?? [];
  const ipv6Only = spec.nonMasqueradeCIDR === '::/0';
  const complete = () => subnets.every((s) => s.cidr || !needsIpv4(s, ipv6Only));
  if (complete()) return;

  if (spec.networkID) {
    const shared = subnets.filter((s) => s.id);
    const found = new Map((await lookup.subnetsOfVpc(spec.networkID)).map((s) => [s.id, s]));
    for (const subnet of shared) {
      const actual = found.get(subnet.id!);
      if (!actual) throw new UserError(`spec.subnets[${subnet.name}]: subnet ${subnet.id} not found in VPC ${spec.networkID}`);
      if (!subnet.cidr) subnet.cidr = actual.cidr;
      else if (subnet.cidr !== actual.cidr) throw new UserError(`spec.subnets[${subnet.name}]: CIDR ${subnet.cidr} differs from the CIDR ${actual.cidr} of subnet ${subnet.id}`);
      if (subnet.zone !== actual.zone) throw new UserError(`spec.subnets[${subnet.name}]: zone ${subnet.zone} differs from the zone ${actual.zone} of subnet ${subnet.id}`);
    }
    if (complete()) return;
  }

  const network = parseIpv4Cidr(spec.networkCIDR!)!;
  const big = subnets.filter((s) => !s.cidr && ['Public', 'Private', 'DualStack'].includes(s.type ?? ''));
  const little = subnets.filter((s) => !s.cidr && s.type === 'Utility');
  const unknown = subnets.find((s) => !['Public', 'Private', 'DualStack', 'Utility'].includes(s.type ?? ''));
  if (unknown) throw new UserError(`spec.subnets[${unknown.name}]: unknown subnet type "${unknown.type ?? ''}"`);
  const reserved = subnets.filter((s) => s.cidr).map((s) => {
    const cidr = parseIpv4Cidr(s.cidr!);
    if (!cidr) throw new UserError(`spec.subnets[${s.name}]: "${s.cidr}" is not an IPv4 CIDR`);
    return cidr;
  });

  // One block per subnet needing one, plus one (split again into 8) shared by the utility subnets.
  let blocks = splitInto(network, big.length + (little.length ? 1 : 0));
  if (!blocks) throw tooSmall(spec.networkCIDR!, subnets.length);
  blocks = blocks.filter((b) => !reserved.some((r) => overlaps(r, b)));
  let littleBlocks: Ipv4Cidr[] = [];
  if (little.length) {
    const first = blocks.shift();
    littleBlocks = (first && splitInto(first, 8)) ?? [];
  }
  const byZone = (a: ClusterSubnetSpec, b: ClusterSubnetSpec) => ((a.zone ?? '') < (b.zone ?? '') ? -1 : (a.zone ?? '') > (b.zone ?? '') ? 1 : 0);
  for (const subnet of [...big].sort(byZone)) {
    if (!needsIpv4(subnet, ipv6Only)) continue;
    const block = blocks.shift();
    if (!block) throw new UserError(`spec.subnets[${subnet.name}]: no free block of ${spec.networkCIDR} is left for it`, 'give a larger --network-cidr or set the subnet CIDRs yourself');
    subnet.cidr = checkSize(block, spec.networkCIDR!, subnets.length);
  }
  for (const subnet of [...little].sort(byZone)) {
    const block = littleBlocks.shift();
    if (!block) throw new UserError(`spec.subnets[${subnet.name}]: no free block of ${spec.networkCIDR} is left for it`, 'give a larger --network-cidr or set the subnet CIDRs yourself');
    subnet.cidr = checkSize(block, spec.networkCIDR!, subnets.length);
  }
  for (const subnet of subnets) {
    const cidr = subnet.cidr && parseIpv4Cidr(subnet.cidr);
    if (cidr && subnet.id === undefined) {
      const within = [spec.networkCIDR!, ...(spec.additionalNetworkCIDRs ?? [])].map((c) => parseIpv4Cidr(c)!).some((n) => contains(n, cidr));
      if (!within) throw new UserError(`spec.subnets[${subnet.name}]: ${subnet.cidr} is not inside the network CIDRs`, `set a CIDR inside ${spec.networkCIDR}, or widen --network-cidr`);
    }
  }
}

function checkSize(block: Ipv4Cidr, network: string, count: number): string {
  if (block.prefix > AWS_SMALLEST_PREFIX) throw tooSmall(network, count);
  return formatIpv4Cidr(block);
}

function tooSmall(network: string, count: number): UserError {
  return new UserError(`--network-cidr: ${network} is too small to carve ${count} subnets of at least /${AWS_SMALLEST_PREFIX}`, 'give a larger --network-cidr');
}
