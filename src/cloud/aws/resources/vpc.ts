import {
  AssociateVpcCidrBlockCommand,
  CreateVpcCommand,
  DeleteVpcCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  DisassociateVpcCidrBlockCommand,
  ModifyVpcAttributeCommand,
  paginateDescribeVpcPeeringConnections,
  paginateDescribeVpcs,
  type Vpc as Ec2Vpc,
} from '@aws-sdk/client-ec2';
import type { AwsClients } from '../clients.js';
import { ec2Tagging } from '../tagging.js';
import { fromAwsTags, tagSpecifications } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, clusterFilter, collect, findOwned, orUndefined, type FindContext } from './common.js';
import { byOwnership, deletedIds, discoverOnly, discovery } from './discovery.js';
import { interfaceHolders } from './network-interface.js';

export interface VpcSpec {
  /** Set for a shared VPC, found by id. */
  id?: string;
  cidrBlock?: string;
  enableDnsHostnames?: boolean;
  enableDnsSupport?: boolean;
  assignGeneratedIpv6CidrBlock?: boolean;
  tags?: Record<string, string>;
}

export const Vpc = awsResource<VpcSpec>({
  type: 'aws_vpc',
  kopsKind: 'VPC',
  tagging: ec2Tagging(),
  fields: {
    assignGeneratedIpv6CidrBlock: { tf: 'assign_generated_ipv6_cidr_block' },
    cidrBlock: { tf: 'cidr_block', immutable: true },
    enableDnsHostnames: { tf: 'enable_dns_hostnames' },
    enableDnsSupport: { tf: 'enable_dns_support' },
    tags: { tf: 'tags', kind: 'tags' },
  },
  list: (aws, cluster) => collect(paginateDescribeVpcs({ client: aws.ec2 }, { Filters: clusterFilter(cluster) }), (p) => p.Vpcs),
  async find(aws, spec, ctx) {
    const vpc = spec.id
      ? await describeVpc(aws, spec.id)
      : await findOwned<Ec2Vpc>(ctx, spec.tags, 'VPC', async (filters) => (await aws.ec2.send(new DescribeVpcsCommand({ Filters: filters }))).Vpcs);
    if (!vpc?.VpcId) return undefined;
    const id = vpc.VpcId;
    const ipv6 = vpcIpv6Block(vpc);
    return {
      id,
      attrs: { cidr_block: vpc.CidrBlock, ipv6_cidr_block: ipv6 ?? '' },
      fields: {
        id: spec.id === undefined ? undefined : id,
        cidrBlock: vpc.CidrBlock,
        enableDnsHostnames: spec.enableDnsHostnames === undefined ? undefined : await vpcAttribute(aws, id, 'enableDnsHostnames'),
        enableDnsSupport: spec.enableDnsSupport === undefined ? undefined : await vpcAttribute(aws, id, 'enableDnsSupport'),
        assignGeneratedIpv6CidrBlock: ipv6 !== undefined,
        tags: fromAwsTags(vpc.Tags),
      },
    };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new CreateVpcCommand({ CidrBlock: spec.cidrBlock, AmazonProvidedIpv6CidrBlock: spec.assignGeneratedIpv6CidrBlock, TagSpecifications: tagSpecifications('vpc', spec.tags) }),
    );
    const vpc = out.Vpc!;
    if (spec.enableDnsSupport !== undefined) await setVpcAttribute(aws, vpc.VpcId!, 'enableDnsSupport', spec.enableDnsSupport);
    if (spec.enableDnsHostnames !== undefined) await setVpcAttribute(aws, vpc.VpcId!, 'enableDnsHostnames', spec.enableDnsHostnames);
    const ipv6 = spec.assignGeneratedIpv6CidrBlock ? vpcIpv6Block((await describeVpc(aws, vpc.VpcId!)) ?? vpc) : undefined;
    return { id: vpc.VpcId!, attrs: { cidr_block: vpc.CidrBlock, ipv6_cidr_block: ipv6 ?? '' } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('enableDnsSupport')) await setVpcAttribute(aws, actual.id, 'enableDnsSupport', spec.enableDnsSupport!);
    if (changed.includes('enableDnsHostnames')) await setVpcAttribute(aws, actual.id, 'enableDnsHostnames', spec.enableDnsHostnames!);
    if (changed.includes('assignGeneratedIpv6CidrBlock') && spec.assignGeneratedIpv6CidrBlock) {
      await aws.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: actual.id, AmazonProvidedIpv6CidrBlock: true }));
    }
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteVpcCommand({ VpcId: actual.id }));
  },
  discover: discovery({
    kind: 'vpc',
    by: 'tags',
    after: ['subnet', 'route-table', 'security-group', 'internet-gateway', 'egress-only-internet-gateway', 'network-interface', 'target-group'],
    list: (aws) => collect(paginateDescribeVpcs({ client: aws.ec2 }, {}), (p) => p.Vpcs),
    claim: (vpcs, ctx) => byOwnership(vpcs, ctx, (v) => ({ id: v.VpcId, tags: fromAwsTags(v.Tags) }), { untag: true }),
    holders: interfaceHolders('vpc-id'),
  }),
});

const LIVE_PEERING_STATES = new Set(['initiating-request', 'pending-acceptance', 'provisioning', 'active']);

/** Peering connections are not the cluster's to delete; one to a VPC the cluster owns stops its deletion. */
export const VpcPeering = discoverOnly({
  kind: 'vpc-peering-connection',
  by: 'relation',
  after: [],
  list: (aws) => collect(paginateDescribeVpcPeeringConnections({ client: aws.ec2 }, {}), (p) => p.VpcPeeringConnections),
  async claim(peerings, ctx) {
    const owned = await deletedIds(ctx, 'vpc');
    for (const peering of peerings) {
      if (!LIVE_PEERING_STATES.has(peering.Status?.Code ?? '')) continue;
      for (const vpcId of [peering.RequesterVpcInfo?.VpcId, peering.AccepterVpcInfo?.VpcId]) {
        if (!vpcId || !owned.has(vpcId)) continue;
        const by = ctx.rules.foreign('VPC peering connection', peering.VpcPeeringConnectionId!, fromAwsTags(peering.Tags));
        ctx.block({ blockedId: vpcId, by, hint: ctx.rules.hint('delete the peering connection') });
      }
    }
    return [];
  },
});

export interface VpcIpv4CidrBlockAssociationSpec {
  vpcId: Val<string>;
  cidrBlock: string;
}

export const VpcIpv4CidrBlockAssociation = awsResource<VpcIpv4CidrBlockAssociationSpec>({
  type: 'aws_vpc_ipv4_cidr_block_association',
  kopsKind: 'VPCCIDRBlock',
  fields: {
    cidrBlock: { tf: 'cidr_block', immutable: true },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
  async find(aws, spec, ctx) {
    const vpc = await listedOrDescribedVpc(aws, spec.vpcId, ctx);
    const assoc = vpc?.CidrBlockAssociationSet?.find(
      (a) => a.CidrBlock === spec.cidrBlock && ['associated', 'associating'].includes(a.CidrBlockState?.State ?? ''),
    );
    if (!assoc?.AssociationId) return undefined;
    return { id: assoc.AssociationId, fields: { vpcId: spec.vpcId, cidrBlock: assoc.CidrBlock } };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: spec.vpcId, CidrBlock: spec.cidrBlock }));
    return { id: out.CidrBlockAssociation!.AssociationId! };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DisassociateVpcCidrBlockCommand({ AssociationId: actual.id }));
  },
});

/** A VPC as this run's VPC listing has it, else described. */
export async function listedOrDescribedVpc(aws: AwsClients, id: string, ctx: FindContext): Promise<Ec2Vpc | undefined> {
  const listed = (await ctx.listingOf(Vpc.type)) as readonly Ec2Vpc[] | undefined;
  return listed?.find((v) => v.VpcId === id) ?? describeVpc(aws, id);
}

export async function describeVpc(aws: AwsClients, id: string): Promise<Ec2Vpc | undefined> {
  const out = await orUndefined(aws.ec2.send(new DescribeVpcsCommand({ VpcIds: [id] })));
  return out?.Vpcs?.[0];
}

/** The IPv6 block in use: any association not on its way out (states are not reported uniformly). */
export function liveIpv6Block(set: readonly { Ipv6CidrBlock?: string; Ipv6CidrBlockState?: { State?: string } }[] | undefined): string | undefined {
  const dead = ['disassociating', 'disassociated', 'failing', 'failed'];
  return set?.find((a) => a.Ipv6CidrBlock && !dead.includes(String(a.Ipv6CidrBlockState?.State)))?.Ipv6CidrBlock;
}

function vpcIpv6Block(vpc: Ec2Vpc): string | undefined {
  return liveIpv6Block(vpc.Ipv6CidrBlockAssociationSet);
}

async function vpcAttribute(aws: AwsClients, id: string, attribute: 'enableDnsHostnames' | 'enableDnsSupport'): Promise<boolean | undefined> {
  const out = await aws.ec2.send(new DescribeVpcAttributeCommand({ VpcId: id, Attribute: attribute }));
  return attribute === 'enableDnsHostnames' ? out.EnableDnsHostnames?.Value : out.EnableDnsSupport?.Value;
}

async function setVpcAttribute(aws: AwsClients, id: string, attribute: 'enableDnsHostnames' | 'enableDnsSupport', on: boolean): Promise<void> {
  const value = { Value: on };
  await aws.ec2.send(new ModifyVpcAttributeCommand(attribute === 'enableDnsHostnames' ? { VpcId: id, EnableDnsHostnames: value } : { VpcId: id, EnableDnsSupport: value }));
}
