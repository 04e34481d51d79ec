import { type AwsClients } from '../clients.js';
import { ec2Tagging } from '../tagging.js';
import {
  AssociateRouteTableCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  DeleteRouteCommand,
  DeleteRouteTableCommand,
  DescribeRouteTablesCommand,
  DisassociateRouteTableCommand,
  ReplaceRouteCommand,
  ReplaceRouteTableAssociationCommand,
  paginateDescribeRouteTables,
  type CreateRouteCommandInput,
  type RouteTable as Ec2RouteTable,
} from '@aws-sdk/client-ec2';
import { fromAwsTags, tagSpecifications } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, clusterFilter, collect, findOwned, orUndefined, type FindContext, type Resolved } from './common.js';
import { deletedIds, discovery, ignoreGone, type Found } from './discovery.js';

export interface RouteTableSpec {
  vpcId: Val<string>;
  tags?: Record<string, string>;
}

export const RouteTable = awsResource<RouteTableSpec>({
  type: 'aws_route_table',
  kopsKind: 'RouteTable',
  tagging: ec2Tagging(),
  fields: {
    tags: { tf: 'tags', kind: 'tags' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
  list: (aws, cluster) => collect(paginateDescribeRouteTables({ client: aws.ec2 }, { Filters: clusterFilter(cluster) }), (p) => p.RouteTables),
  async find(aws, spec, ctx) {
    const rt = await findOwned<Ec2RouteTable>(ctx, spec.tags, 'route table', async (filters) => (await aws.ec2.send(new DescribeRouteTablesCommand({ Filters: filters }))).RouteTables);
    if (!rt?.RouteTableId) return undefined;
    return { id: rt.RouteTableId, fields: { vpcId: rt.VpcId, tags: fromAwsTags(rt.Tags) } };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(new CreateRouteTableCommand({ VpcId: spec.vpcId, TagSpecifications: tagSpecifications('route-table', spec.tags) }));
    return { id: out.RouteTable!.RouteTableId! };
  },
  async delete(aws, actual) {
    // Associations with shared subnets keep a table in use; those with deleted subnets may linger too.
    for (const AssociationId of (actual.attrs?.associationIds as string[] | undefined) ?? []) {
      await ignoreGone(() => aws.ec2.send(new DisassociateRouteTableCommand({ AssociationId })));
    }
    await aws.ec2.send(new DeleteRouteTableCommand({ RouteTableId: actual.id }));
  },
  discover: discovery({
    kind: 'route-table',
    by: 'tags',
    after: ['subnet'],
    list: (aws) => collect(paginateDescribeRouteTables({ client: aws.ec2 }, {}), (p) => p.RouteTables),
    async claim(tables, ctx) {
      const ownedVpcs = await deletedIds(ctx, 'vpc');
      const found: Found[] = [];
      for (const rt of tables) {
        const id = rt.RouteTableId!;
        const tags = fromAwsTags(rt.Tags);
        let owner = ctx.rules.ownership(tags);
        // The main table goes with its VPC.
        if ((rt.Associations ?? []).some((a) => a.Main) && owner !== 'shared') continue;
        if (!owner && ownedVpcs.has(rt.VpcId!)) {
          // The Go kops deletes untagged route tables of the VPCs it deletes (tagging them used to race); so do we.
          if (ctx.rules.taggedForOther(tags)) {
            ctx.block({ blockedId: rt.VpcId!, by: ctx.rules.foreign('route table', id, tags), hint: ctx.rules.hint(`delete ${id}`) });
            continue;
          }
          owner = 'owned';
        }
        if (!owner) continue;
        const associationIds = (rt.Associations ?? []).filter((a) => !a.Main && a.RouteTableAssociationId).map((a) => a.RouteTableAssociationId!);
        const natGatewayIds = (rt.Routes ?? []).map((r) => r.NatGatewayId).filter((n): n is string => !!n);
        found.push({ id, name: tags.Name ?? '', action: owner === 'owned' ? 'delete' : 'untag', actual: { id, attrs: { associationIds, natGatewayIds }, fields: {} }, tags });
      }
      return found;
    },
  }),
});

export interface RouteSpec {
  routeTableId: Val<string>;
  destinationCidrBlock?: string;
  destinationIpv6CidrBlock?: string;
  gatewayId?: Val<string>;
  egressOnlyGatewayId?: Val<string>;
  natGatewayId?: Val<string>;
  transitGatewayId?: string;
  instanceId?: Val<string>;
  vpcPeeringConnectionId?: string;
}

export const Route = awsResource<RouteSpec>({
  type: 'aws_route',
  kopsKind: 'Route',
  terraform: { labelPrefix: 'route-' },
  fields: {
    destinationCidrBlock: { tf: 'destination_cidr_block', immutable: true },
    destinationIpv6CidrBlock: { tf: 'destination_ipv6_cidr_block', immutable: true },
    egressOnlyGatewayId: { tf: 'egress_only_gateway_id' },
    gatewayId: { tf: 'gateway_id' },
    instanceId: { tf: 'instance_id' },
    natGatewayId: { tf: 'nat_gateway_id' },
    routeTableId: { tf: 'route_table_id', immutable: true },
    transitGatewayId: { tf: 'transit_gateway_id' },
    vpcPeeringConnectionId: { tf: 'vpc_peering_connection_id' },
  },
  async find(aws, spec, ctx) {
    const table = await listedOrDescribedTable(aws, spec.routeTableId, ctx);
    const route = table?.Routes?.find((r) =>
      spec.destinationCidrBlock ? r.DestinationCidrBlock === spec.destinationCidrBlock : r.DestinationIpv6CidrBlock === spec.destinationIpv6CidrBlock,
    );
    if (!route) return undefined;
    const dest = spec.destinationCidrBlock ?? spec.destinationIpv6CidrBlock;
    return {
      id: `${spec.routeTableId}_${dest}`,
      attrs: { routeTableId: spec.routeTableId, ...destination(spec) },
      fields: {
        routeTableId: spec.routeTableId,
        destinationCidrBlock: route.DestinationCidrBlock,
        destinationIpv6CidrBlock: route.DestinationIpv6CidrBlock,
        // Each target is reported as "" when the route points elsewhere, so a changed target is seen.
        gatewayId: route.GatewayId ?? '',
        egressOnlyGatewayId: route.EgressOnlyInternetGatewayId ?? '',
        natGatewayId: route.NatGatewayId ?? '',
        transitGatewayId: route.TransitGatewayId ?? '',
        instanceId: route.InstanceId ?? '',
        vpcPeeringConnectionId: route.VpcPeeringConnectionId ?? '',
      },
    };
  },
  async create(aws, spec) {
    await aws.ec2.send(new CreateRouteCommand({ RouteTableId: spec.routeTableId, ...destination(spec), ...routeTarget(spec) }));
    return { id: `${spec.routeTableId}_${spec.destinationCidrBlock ?? spec.destinationIpv6CidrBlock}`, attrs: { routeTableId: spec.routeTableId, ...destination(spec) } };
  },
  async update(aws, actual, spec) {
    await aws.ec2.send(new ReplaceRouteCommand({ RouteTableId: spec.routeTableId, ...destination(spec), ...routeTarget(spec) }));
  },
  async delete(aws, actual) {
    const a = actual.attrs as { routeTableId: string; DestinationCidrBlock?: string; DestinationIpv6CidrBlock?: string };
    await aws.ec2.send(new DeleteRouteCommand({ RouteTableId: a.routeTableId, DestinationCidrBlock: a.DestinationCidrBlock, DestinationIpv6CidrBlock: a.DestinationIpv6CidrBlock }));
  },
});

export interface RouteTableAssociationSpec {
  routeTableId: Val<string>;
  subnetId: Val<string>;
}

export const RouteTableAssociation = awsResource<RouteTableAssociationSpec>({
  type: 'aws_route_table_association',
  kopsKind: 'RouteTableAssociation',
  fields: {
    routeTableId: { tf: 'route_table_id' },
    subnetId: { tf: 'subnet_id', immutable: true },
  },
  async find(aws, spec, ctx) {
    // The cluster's tables as listed, then (associated with a table of someone else's, or just made) asked by subnet.
    const listed = (await ctx.listingOf(RouteTable.type)) as readonly Ec2RouteTable[] | undefined;
    const described = async () =>
      (await aws.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [spec.subnetId] }] }))).RouteTables;
    const found = associationOf(listed, spec.subnetId) ?? associationOf(await described(), spec.subnetId);
    return found && { id: found.id, fields: { subnetId: spec.subnetId, routeTableId: found.routeTableId } };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(new AssociateRouteTableCommand({ RouteTableId: spec.routeTableId, SubnetId: spec.subnetId }));
    return { id: out.AssociationId! };
  },
  async update(aws, actual, spec) {
    const out = await aws.ec2.send(new ReplaceRouteTableAssociationCommand({ AssociationId: actual.id, RouteTableId: spec.routeTableId }));
    return { id: out.NewAssociationId ?? actual.id };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DisassociateRouteTableCommand({ AssociationId: actual.id }));
  },
});

type RouteTarget = Pick<Resolved<RouteSpec>, 'gatewayId' | 'egressOnlyGatewayId' | 'natGatewayId' | 'transitGatewayId' | 'instanceId' | 'vpcPeeringConnectionId'>;

function routeTarget(spec: RouteTarget): Partial<CreateRouteCommandInput> {
  return {
    GatewayId: spec.gatewayId,
    EgressOnlyInternetGatewayId: spec.egressOnlyGatewayId,
    NatGatewayId: spec.natGatewayId,
    TransitGatewayId: spec.transitGatewayId,
    InstanceId: spec.instanceId,
    VpcPeeringConnectionId: spec.vpcPeeringConnectionId,
  };
}

function destination(spec: Resolved<RouteSpec>) {
  return { DestinationCidrBlock: spec.destinationCidrBlock, DestinationIpv6CidrBlock: spec.destinationIpv6CidrBlock };
}

/** A route table as this run's listing has it, else described. */
async function listedOrDescribedTable(aws: AwsClients, id: string, ctx: FindContext): Promise<Ec2RouteTable | undefined> {
  const listed = (await ctx.listingOf(RouteTable.type)) as readonly Ec2RouteTable[] | undefined;
  return listed?.find((rt) => rt.RouteTableId === id) ?? (await orUndefined(aws.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }))))?.RouteTables?.[0];
}

function associationOf(tables: readonly Ec2RouteTable[] | undefined, subnetId: string): { id: string; routeTableId?: string } | undefined {
  for (const rt of tables ?? []) {
    const assoc = rt.Associations?.find((a) => a.SubnetId === subnetId);
    if (assoc?.RouteTableAssociationId) return { id: assoc.RouteTableAssociationId, routeTableId: rt.RouteTableId };
  }
  return undefined;
}
