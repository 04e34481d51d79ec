import { DeleteNetworkInterfaceCommand, DescribeInstancesCommand, paginateDescribeNetworkInterfaces, type Filter, type NatGateway as Ec2NatGateway, type NetworkInterface } from '@aws-sdk/client-ec2';
import type { Blocker } from '../../types.js';
import type { AwsClients } from '../clients.js';
import { fromAwsTags } from '../tags.js';
import { collect } from './common.js';
import { deletedIds, discoverOnly, type DiscoverContext, type Found, type Holding } from './discovery.js';
import { NatGateway } from './nat-gateway.js';

/**
 * Network interfaces no model declares: detached ones tagged for the cluster (left by CNI plugins and controllers)
 * are deleted; those of objects outside the cluster in its subnets, security groups or VPCs stop the deletion.
 */
export const LeftoverNetworkInterface = discoverOnly({
  kind: 'network-interface',
  by: 'tags',
  after: ['instance', 'load-balancer', 'nat-gateway'],
  async claim(_listed, ctx) {
    const subnets = await ctx.found('subnet');
    const vpcIds = [...new Set([...(await deletedIds(ctx, 'vpc')), ...subnets.map((s) => s.actual.attrs?.vpcId as string).filter(Boolean)])].sort();
    const enis = await describeInterfaces(ctx.client, { Name: 'vpc-id', Values: vpcIds });
    for (const h of await interfaceHoldings(enis, ctx)) ctx.block(h);
    return enis
      .filter((eni) => ctx.rules.ownership(fromAwsTags(eni.TagSet)) === 'owned' && eni.Status === 'available')
      .map((eni): Found => {
        const id = eni.NetworkInterfaceId!;
        return { id, name: fromAwsTags(eni.TagSet).Name ?? '', action: 'delete', actual: { id, fields: {} } };
      });
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: actual.id }));
  },
});

/** For subnets, security groups and VPCs AWS keeps refusing to delete: the foreign interfaces in them right now. */
export function interfaceHolders(filterName: 'subnet-id' | 'group-id' | 'vpc-id') {
  return async (found: Found, ctx: DiscoverContext): Promise<Blocker[]> => {
    if (found.action !== 'delete') return [];
    const enis = await describeInterfaces(ctx.client, { Name: filterName, Values: [found.id] });
    return (await interfaceHoldings(enis, ctx)).map((h) => ({ blocked: ctx.label(h.blockedId), by: h.by, hint: h.hint }));
  };
}

async function describeInterfaces(aws: AwsClients, filter: Filter): Promise<NetworkInterface[]> {
  if (!filter.Values?.length) return [];
  return collect(paginateDescribeNetworkInterfaces({ client: aws.ec2 }, { Filters: [filter] }), (p) => p.NetworkInterfaces);
}

/** What the cluster owns, as far as network interfaces can point at it. */
async function inventory(ctx: DiscoverContext) {
  const [instanceIds, vpcIds, subnetIds, securityGroupIds, nats] = await Promise.all([
    deletedIds(ctx, 'instance'),
    deletedIds(ctx, 'vpc'),
    deletedIds(ctx, 'subnet'),
    deletedIds(ctx, 'security-group'),
    ctx.listing<Ec2NatGateway>(NatGateway.discover!),
  ]);
  const natInterfaceIds = new Set(nats.flatMap((n) => (n.NatGatewayAddresses ?? []).map((a) => a.NetworkInterfaceId ?? '')));
  return { instanceIds, vpcIds, subnetIds, securityGroupIds, natInterfaceIds };
}

/**
 * Interfaces in the cluster's subnets, VPCs or security groups that belong to nothing the cluster owns: an instance
 * launched by hand, a service of someone else.
 */
async function interfaceHoldings(enis: readonly NetworkInterface[], ctx: DiscoverContext): Promise<Holding[]> {
  const inv = await inventory(ctx);
  const strangers = enis.filter((eni) => !belongsToCluster(eni, inv, ctx));
  const instanceIds = [...new Set(strangers.map((e) => e.Attachment?.InstanceId).filter((id): id is string => !!id))];
  const instanceTags = new Map<string, Record<string, string>>();
  const goingAway = new Set<string>();
  if (instanceIds.length > 0) {
    // A filter, unlike InstanceIds, does not fail for an instance that has just disappeared.
    const { Reservations } = await ctx.client.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: instanceIds }] }));
    for (const i of (Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      instanceTags.set(i.InstanceId!, fromAwsTags(i.Tags));
      if (['shutting-down', 'terminated'].includes(i.State?.Name ?? '')) goingAway.add(i.InstanceId!);
    }
  }
  const holdings: Holding[] = [];
  for (const eni of strangers) {
    const instanceId = eni.Attachment?.InstanceId;
    if (instanceId && goingAway.has(instanceId)) continue;
    const blockedId = [eni.SubnetId, ...(eni.Groups ?? []).map((g) => g.GroupId), eni.VpcId].find(
      (id) => !!id && (inv.subnetIds.has(id) || inv.securityGroupIds.has(id) || inv.vpcIds.has(id)),
    );
    if (!blockedId) continue;
    const { rules } = ctx;
    holdings.push(
      instanceId
        ? { blockedId, by: rules.foreign('instance', instanceId, instanceTags.get(instanceId) ?? {}), hint: rules.notOurs(`terminate ${instanceId} or move it out of the cluster's network`) }
        : {
            blockedId,
            by: `${rules.foreign('network interface', eni.NetworkInterfaceId!, fromAwsTags(eni.TagSet))}${eni.Description ? ` "${eni.Description}"` : ''}`,
            hint: rules.notOurs(`delete ${eni.NetworkInterfaceId} (or what created it)`),
          },
    );
  }
  return holdings;
}

function belongsToCluster(eni: NetworkInterface, inv: { instanceIds: Set<string>; natInterfaceIds: Set<string> }, ctx: DiscoverContext): boolean {
  if (ctx.rules.ownership(fromAwsTags(eni.TagSet)) === 'owned') return true;
  if (eni.Attachment?.InstanceId && inv.instanceIds.has(eni.Attachment.InstanceId)) return true;
  if (inv.natInterfaceIds.has(eni.NetworkInterfaceId ?? '')) return true;
  // Interfaces of NAT gateways and load balancers: the cluster's go with their owner, and foreign ones are named
  // by their gateway or balancer.
  const kind = eni.InterfaceType ?? '';
  return kind === 'natGateway' || kind === 'network_load_balancer' || /^(ELB |Interface for NAT Gateway )/.test(eni.Description ?? '');
}
