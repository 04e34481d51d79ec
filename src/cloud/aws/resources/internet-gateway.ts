import {
  AttachInternetGatewayCommand,
  CreateEgressOnlyInternetGatewayCommand,
  CreateInternetGatewayCommand,
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteInternetGatewayCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInternetGatewaysCommand,
  DetachInternetGatewayCommand,
  paginateDescribeEgressOnlyInternetGateways,
  paginateDescribeInternetGateways,
  type EgressOnlyInternetGateway as Ec2EgressOnlyInternetGateway,
  type InternetGateway as Ec2InternetGateway,
} from '@aws-sdk/client-ec2';
import { ec2Tagging } from '../tagging.js';
import { fromAwsTags, tagSpecifications } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, clusterFilter, collect, findOwned, orUndefined } from './common.js';
import { deletedIds, discovery, ignoreGone, type DiscoverContext, type Found } from './discovery.js';
import type { Tags } from '../tags.js';

export interface InternetGatewaySpec {
  id?: string;
  vpcId: Val<string>;
  tags?: Record<string, string>;
}

export const InternetGateway = awsResource<InternetGatewaySpec>({
  type: 'aws_internet_gateway',
  kopsKind: 'InternetGateway',
  tagging: ec2Tagging(),
  fields: {
    tags: { tf: 'tags', kind: 'tags' },
    vpcId: { tf: 'vpc_id' },
  },
  list: (aws, cluster) => collect(paginateDescribeInternetGateways({ client: aws.ec2 }, { Filters: clusterFilter(cluster) }), (p) => p.InternetGateways),
  async find(aws, spec, ctx) {
    const igw = spec.id
      ? (await orUndefined(aws.ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [spec.id] }))))?.InternetGateways?.[0]
      : await findOwned<Ec2InternetGateway>(ctx, spec.tags, 'internet gateway', async (filters) => (await aws.ec2.send(new DescribeInternetGatewaysCommand({ Filters: filters }))).InternetGateways);
    if (!igw?.InternetGatewayId) return undefined;
    // AWS reports an attached internet gateway as "available", outside its own enum.
    const attached = igw.Attachments?.find((a) => ['available', 'attached', 'attaching'].includes(String(a.State)));
    return {
      id: igw.InternetGatewayId,
      attrs: { vpcId: attached?.VpcId },
      fields: { id: spec.id === undefined ? undefined : igw.InternetGatewayId, vpcId: attached?.VpcId ?? '', tags: fromAwsTags(igw.Tags) },
    };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(new CreateInternetGatewayCommand({ TagSpecifications: tagSpecifications('internet-gateway', spec.tags) }));
    const id = out.InternetGateway!.InternetGatewayId!;
    await aws.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: spec.vpcId }));
    return { id, attrs: { vpcId: spec.vpcId } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('vpcId')) {
      const was = actual.fields.vpcId as string;
      if (was) await aws.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: actual.id, VpcId: was }));
      await aws.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: actual.id, VpcId: spec.vpcId }));
    }
  },
  async delete(aws, actual) {
    const vpcIds = (actual.attrs?.vpcIds as string[] | undefined) ?? [(actual.attrs?.vpcId ?? actual.fields.vpcId) as string | undefined];
    for (const VpcId of vpcIds) if (VpcId) await ignoreGone(() => aws.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: actual.id, VpcId })));
    await aws.ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: actual.id }));
  },
  discover: discovery({
    kind: 'internet-gateway',
    by: 'tags',
    // A VPC with mapped public addresses keeps its internet gateway attached.
    after: ['instance', 'autoscaling-group', 'load-balancer', 'nat-gateway', 'elastic-ip', 'network-interface'],
    list: (aws) => collect(paginateDescribeInternetGateways({ client: aws.ec2 }, {}), (p) => p.InternetGateways),
    claim: (gateways, ctx) => claimGateways('internet gateway', gateways.map((g) => ({ id: g.InternetGatewayId!, tags: fromAwsTags(g.Tags), attachments: g.Attachments })), ctx),
  }),
});

export const EgressOnlyInternetGateway = awsResource<InternetGatewaySpec>({
  type: 'aws_egress_only_internet_gateway',
  kopsKind: 'EgressOnlyInternetGateway',
  tagging: ec2Tagging(),
  fields: {
    tags: { tf: 'tags', kind: 'tags' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
  list: async (aws, cluster) =>
    attachedOnly(await collect(paginateDescribeEgressOnlyInternetGateways({ client: aws.ec2 }, { Filters: clusterFilter(cluster) }), (p) => p.EgressOnlyInternetGateways)),
  async find(aws, spec, ctx) {
    const eigw = await findOwned<Ec2EgressOnlyInternetGateway>(ctx, spec.tags, 'egress-only internet gateway', async (filters) =>
      attachedOnly((await aws.ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: filters }))).EgressOnlyInternetGateways),
    );
    if (!eigw?.EgressOnlyInternetGatewayId) return undefined;
    return { id: eigw.EgressOnlyInternetGatewayId, fields: { vpcId: eigw.Attachments?.[0]?.VpcId, tags: fromAwsTags(eigw.Tags) } };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new CreateEgressOnlyInternetGatewayCommand({ VpcId: spec.vpcId, TagSpecifications: tagSpecifications('egress-only-internet-gateway', spec.tags) }),
    );
    return { id: out.EgressOnlyInternetGateway!.EgressOnlyInternetGatewayId! };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: actual.id }));
  },
  discover: discovery({
    kind: 'egress-only-internet-gateway',
    by: 'tags',
    after: ['instance', 'autoscaling-group', 'load-balancer', 'network-interface'],
    list: (aws) => collect(paginateDescribeEgressOnlyInternetGateways({ client: aws.ec2 }, {}), (p) => p.EgressOnlyInternetGateways),
    claim: (gateways, ctx) =>
      claimGateways('egress only internet gateway', gateways.map((g) => ({ id: g.EgressOnlyInternetGatewayId!, tags: fromAwsTags(g.Tags), attachments: g.Attachments })), ctx),
  }),
});

/** Gateways were not always tagged: an untagged one attached to a VPC the cluster deletes goes with it. */
async function claimGateways(what: string, gateways: { id: string; tags: Tags; attachments?: { VpcId?: string }[] }[], ctx: DiscoverContext): Promise<Found[]> {
  const ownedVpcs = await deletedIds(ctx, 'vpc');
  const found: Found[] = [];
  for (const { id, tags, attachments } of gateways) {
    const vpcIds = (attachments ?? []).map((a) => a.VpcId).filter((v): v is string => !!v);
    let owner = ctx.rules.ownership(tags);
    const inOwnedVpc = vpcIds.find((v) => ownedVpcs.has(v));
    if (!owner && inOwnedVpc) {
      if (ctx.rules.taggedForOther(tags)) {
        ctx.block({ blockedId: inOwnedVpc, by: ctx.rules.foreign(what, id, tags), hint: ctx.rules.hint(`detach ${id} from ${inOwnedVpc}`) });
        continue;
      }
      owner = 'owned';
    }
    if (owner) found.push({ id, name: tags.Name ?? '', action: owner === 'owned' ? 'delete' : 'untag', actual: { id, attrs: { vpcIds }, fields: {} }, tags });
  }
  return found;
}

function attachedOnly(gateways: readonly Ec2EgressOnlyInternetGateway[] | undefined): Ec2EgressOnlyInternetGateway[] {
  return (gateways ?? []).filter((g) => g.Attachments?.some((a) => a.State !== 'detached'));
}
