import {
  AssociateSubnetCidrBlockCommand,
  CreateSubnetCommand,
  DeleteSubnetCommand,
  DescribeSubnetsCommand,
  ModifySubnetAttributeCommand,
  paginateDescribeSubnets,
  type ModifySubnetAttributeCommandInput,
  type Subnet as Ec2Subnet,
} from '@aws-sdk/client-ec2';
import type { AwsClients } from '../clients.js';
import { ec2Tagging } from '../tagging.js';
import { fromAwsTags, tagSpecifications } from '../tags.js';
import { describeVpc, liveIpv6Block } from './vpc.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, clusterFilter, collect, findOwned, orUndefined, type Resolved } from './common.js';
import { byOwnership, deletedIds, discovery } from './discovery.js';
import { interfaceHolders } from './network-interface.js';

export interface SubnetSpec {
  /** Set for a shared subnet, found by id. */
  id?: string;
  /** The subnet's name in the cluster spec (`us-test-1a`), used for Terraform outputs. */
  shortName: string;
  vpcId: Val<string>;
  availabilityZone: string;
  cidrBlock?: string;
  ipv6CidrBlock?: Val<string>;
  ipv6Native?: boolean;
  assignIpv6AddressOnCreation?: boolean;
  enableDns64?: boolean;
  enableResourceNameDnsARecordOnLaunch?: boolean;
  enableResourceNameDnsAaaaRecordOnLaunch?: boolean;
  privateDnsHostnameTypeOnLaunch?: string;
  tags?: Record<string, string>;
}

export const Subnet = awsResource<SubnetSpec>({
  type: 'aws_subnet',
  kopsKind: 'Subnet',
  tagging: ec2Tagging(),
  fields: {
    assignIpv6AddressOnCreation: { tf: 'assign_ipv6_address_on_creation' },
    availabilityZone: { tf: 'availability_zone', immutable: true },
    cidrBlock: { tf: 'cidr_block', immutable: true },
    enableDns64: { tf: 'enable_dns64' },
    enableResourceNameDnsARecordOnLaunch: { tf: 'enable_resource_name_dns_a_record_on_launch' },
    enableResourceNameDnsAaaaRecordOnLaunch: { tf: 'enable_resource_name_dns_aaaa_record_on_launch' },
    ipv6CidrBlock: { tf: 'ipv6_cidr_block', relativeIpv6: true },
    ipv6Native: { tf: 'ipv6_native', immutable: true },
    privateDnsHostnameTypeOnLaunch: { tf: 'private_dns_hostname_type_on_launch' },
    tags: { tf: 'tags', kind: 'tags' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
  list: (aws, cluster) => collect(paginateDescribeSubnets({ client: aws.ec2 }, { Filters: clusterFilter(cluster) }), (p) => p.Subnets),
  async find(aws, spec, ctx) {
    const subnet = spec.id
      ? (await orUndefined(aws.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [spec.id] }))))?.Subnets?.[0]
      : await findOwned<Ec2Subnet>(ctx, spec.tags, 'subnet', async (filters) => (await aws.ec2.send(new DescribeSubnetsCommand({ Filters: filters }))).Subnets);
    if (!subnet?.SubnetId) return undefined;
    const options = subnet.PrivateDnsNameOptionsOnLaunch;
    const ipv6 = liveIpv6Block(subnet.Ipv6CidrBlockAssociationSet);
    return {
      id: subnet.SubnetId,
      attrs: { availability_zone: subnet.AvailabilityZone, cidr_block: subnet.CidrBlock, ipv6_cidr_block: ipv6 },
      fields: {
        vpcId: subnet.VpcId,
        availabilityZone: subnet.AvailabilityZone,
        cidrBlock: subnet.CidrBlock,
        ipv6CidrBlock: spec.ipv6CidrBlock === undefined ? undefined : ipv6 === (await desiredIpv6(aws, spec)) ? spec.ipv6CidrBlock : (ipv6 ?? ''),
        ipv6Native: subnet.Ipv6Native,
        assignIpv6AddressOnCreation: subnet.AssignIpv6AddressOnCreation,
        enableDns64: subnet.EnableDns64,
        enableResourceNameDnsARecordOnLaunch: options?.EnableResourceNameDnsARecord,
        enableResourceNameDnsAaaaRecordOnLaunch: options?.EnableResourceNameDnsAAAARecord,
        privateDnsHostnameTypeOnLaunch: options?.HostnameType,
        tags: fromAwsTags(subnet.Tags),
      },
    };
  },
  async create(aws, spec) {
    const ipv6 = await desiredIpv6(aws, spec);
    const out = await aws.ec2.send(
      new CreateSubnetCommand({
        VpcId: spec.vpcId,
        AvailabilityZone: spec.availabilityZone,
        CidrBlock: spec.cidrBlock,
        Ipv6CidrBlock: ipv6,
        Ipv6Native: spec.ipv6Native,
        TagSpecifications: tagSpecifications('subnet', spec.tags),
      }),
    );
    const subnet = out.Subnet!;
    await modify(aws, subnet.SubnetId!, spec, Object.keys(MODIFIABLE));
    return { id: subnet.SubnetId!, attrs: { availability_zone: subnet.AvailabilityZone, cidr_block: subnet.CidrBlock, ipv6_cidr_block: ipv6 } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('ipv6CidrBlock') && !actual.fields.ipv6CidrBlock) {
      await aws.ec2.send(new AssociateSubnetCidrBlockCommand({ SubnetId: actual.id, Ipv6CidrBlock: await desiredIpv6(aws, spec) }));
    } else if (changed.includes('ipv6CidrBlock')) {
      throw new Error(`cannot change in place: ipv6CidrBlock (the subnet already has ${String(actual.fields.ipv6CidrBlock)})`);
    }
    await modify(aws, actual.id, spec, changed);
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteSubnetCommand({ SubnetId: actual.id }));
  },
  discover: discovery({
    kind: 'subnet',
    by: 'tags',
    after: ['instance', 'autoscaling-group', 'load-balancer', 'nat-gateway', 'network-interface'],
    list: (aws) => collect(paginateDescribeSubnets({ client: aws.ec2 }, {}), (p) => p.Subnets),
    async claim(subnets, ctx) {
      const found = byOwnership(subnets, ctx, (s) => ({ id: s.SubnetId, tags: fromAwsTags(s.Tags), actual: { id: s.SubnetId!, attrs: { vpcId: s.VpcId }, fields: {} } }), { untag: true });
      const owned = new Set(found.filter((f) => f.action === 'delete').map((f) => f.id));
      const ownedVpcs = await deletedIds(ctx, 'vpc');
      for (const s of subnets) {
        if (!ownedVpcs.has(s.VpcId!) || owned.has(s.SubnetId!)) continue;
        ctx.block({ blockedId: s.VpcId!, by: ctx.rules.foreign('subnet', s.SubnetId!, fromAwsTags(s.Tags)), hint: ctx.rules.hint(`delete ${s.SubnetId} (and what runs in it)`) });
      }
      return found;
    },
    holders: interfaceHolders('subnet-id'),
  }),
});

type Spec = Resolved<SubnetSpec>;

/** Attributes set with ModifySubnetAttribute, one per call, after the subnet exists. */
const MODIFIABLE: Record<string, (on: boolean | string) => Omit<ModifySubnetAttributeCommandInput, 'SubnetId'>> = {
  assignIpv6AddressOnCreation: (v) => ({ AssignIpv6AddressOnCreation: { Value: v as boolean } }),
  enableDns64: (v) => ({ EnableDns64: { Value: v as boolean } }),
  enableResourceNameDnsARecordOnLaunch: (v) => ({ EnableResourceNameDnsARecordOnLaunch: { Value: v as boolean } }),
  enableResourceNameDnsAaaaRecordOnLaunch: (v) => ({ EnableResourceNameDnsAAAARecordOnLaunch: { Value: v as boolean } }),
  privateDnsHostnameTypeOnLaunch: (v) => ({ PrivateDnsHostnameTypeOnLaunch: v as 'ip-name' | 'resource-name' }),
};

async function modify(aws: AwsClients, id: string, spec: Spec, fields: readonly string[]): Promise<void> {
  for (const field of fields) {
    const value = spec[field as keyof Spec] as boolean | string | undefined;
    const input = MODIFIABLE[field];
    if (input && value !== undefined) await aws.ec2.send(new ModifySubnetAttributeCommand({ SubnetId: id, ...input(value) }));
  }
}

/** The subnet's IPv6 block; `/64#3` means the 3rd /64 of its VPC's IPv6 range. */
async function desiredIpv6(aws: AwsClients, spec: Spec): Promise<string | undefined> {
  const want = spec.ipv6CidrBlock;
  if (!want || !want.startsWith('/')) return want || undefined;
  const vpc = await describeVpc(aws, spec.vpcId);
  const block = liveIpv6Block(vpc?.Ipv6CidrBlockAssociationSet);
  if (!block) throw new Error(`subnet IPv6 block ${want} is relative to its VPC's IPv6 range, but VPC ${spec.vpcId} has none`);
  return ipv6Subnet(block, want);
}

/** `2001:db8:1200::/56` + `/64#3` -> `2001:db8:1200:3::/64`. */
export function ipv6Subnet(parent: string, relative: string): string {
  const m = /^\/(\d+)#(\d+)$/.exec(relative);
  if (!m) throw new Error(`invalid relative IPv6 block ${relative}: expected /<prefix>#<index>`);
  const [address, parentLength] = parent.split('/');
  const prefix = Number(m[1]);
  const index = BigInt(m[2]);
  const base = parseIpv6(address);
  const value = base + (index << BigInt(128 - prefix));
  if (prefix < Number(parentLength)) throw new Error(`IPv6 block ${relative} is larger than its VPC range ${parent}`);
  return `${formatIpv6(value)}/${prefix}`;
}

function parseIpv6(text: string): bigint {
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n);
}

function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(16 * (7 - i))) & 0xffffn).toString(16));
  // Compress the longest run of zero groups (of two or more), as the usual textual form does.
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i };
    i = j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}`;
}
