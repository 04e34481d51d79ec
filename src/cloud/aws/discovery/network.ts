import {
  DeleteDhcpOptionsCommand,
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteInternetGatewayCommand,
  DeleteNatGatewayCommand,
  DeleteNetworkInterfaceCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeAddressesCommand,
  DescribeNatGatewaysCommand,
  DetachInternetGatewayCommand,
  DisassociateAddressCommand,
  DisassociateRouteTableCommand,
  ReleaseAddressCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  paginateDescribeDhcpOptions,
  paginateDescribeEgressOnlyInternetGateways,
  paginateDescribeInternetGateways,
  paginateDescribeNatGateways,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcPeeringConnections,
  paginateDescribeVpcs,
  type Address,
  type DhcpOptions,
  type EC2Client,
  type EgressOnlyInternetGateway,
  type InternetGateway,
  type IpPermission,
  type NatGateway,
  type RouteTable,
  type SecurityGroup,
  type Subnet,
  type Vpc,
  type VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import type { Tags } from '../tags.js';
import { clusterTagFilter, collect, ignoreGone, tagsOf, untagEc2 } from './aws-util.js';
import { describeTags, ownership, type Blocker, type ClusterResource, type ResourceType } from './resource.js';

/** The VPC-level objects of the region, as one round of listings returns them. */
export interface NetworkSnapshot {
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  internetGateways: InternetGateway[];
  egressOnlyInternetGateways: EgressOnlyInternetGateway[];
  securityGroups: SecurityGroup[];
  natGateways: NatGateway[];
  addresses: Address[];
  dhcpOptions: DhcpOptions[];
  peerings: VpcPeeringConnection[];
}

export async function describeNetwork(ec2: EC2Client, clusterName: string): Promise<NetworkSnapshot> {
  const client = { client: ec2 };
  const [vpcs, subnets, routeTables, internetGateways, egressOnlyInternetGateways, securityGroups, natGateways, addresses, dhcpOptions, peerings] =
    await Promise.all([
      collect(paginateDescribeVpcs(client, {}), (p) => p.Vpcs),
      collect(paginateDescribeSubnets(client, {}), (p) => p.Subnets),
      collect(paginateDescribeRouteTables(client, {}), (p) => p.RouteTables),
      collect(paginateDescribeInternetGateways(client, {}), (p) => p.InternetGateways),
      collect(paginateDescribeEgressOnlyInternetGateways(client, {}), (p) => p.EgressOnlyInternetGateways),
      collect(paginateDescribeSecurityGroups(client, {}), (p) => p.SecurityGroups),
      collect(paginateDescribeNatGateways(client, {}), (p) => p.NatGateways),
      ec2.send(new DescribeAddressesCommand({})).then((r) => r.Addresses ?? []),
      collect(paginateDescribeDhcpOptions(client, { Filters: clusterTagFilter(clusterName) }), (p) => p.DhcpOptions),
      collect(paginateDescribeVpcPeeringConnections(client, {}), (p) => p.VpcPeeringConnections),
    ]);
  return { vpcs, subnets, routeTables, internetGateways, egressOnlyInternetGateways, securityGroups, natGateways, addresses, dhcpOptions, peerings };
}

/** What the cluster owns in the network, and what outside it stands in the way. */
export interface NetworkPlan {
  resources: ClusterResource[];
  blockers: Blocker[];
  vpcIds: Set<string>;
  subnetIds: Set<string>;
  securityGroupIds: Set<string>;
  natGatewayIds: Set<string>;
  /** Network interfaces of live NAT gateways (any owner: a foreign gateway is named as such, not by its interface). */
  natInterfaceIds: Set<string>;
  /** VPCs whose network interfaces may hold on to the cluster's subnets or security groups. */
  vpcsToScan: Set<string>;
  /** Labels of the cluster's network objects by id, for messages. */
  labels: Map<string, string>;
}

const LIVE_NAT_STATES = new Set(['pending', 'available', 'deleting']);
const LIVE_PEERING_STATES = new Set(['initiating-request', 'pending-acceptance', 'provisioning', 'active']);

/** Decides, from the listings alone, which network objects are deleted, which only lose our tags, and what blocks. */
export function planNetwork(snap: NetworkSnapshot, clusterName: string): NetworkPlan {
  const plan: NetworkPlan = {
    resources: [],
    blockers: [],
    vpcIds: new Set(),
    subnetIds: new Set(),
    securityGroupIds: new Set(),
    natGatewayIds: new Set(),
    natInterfaceIds: new Set(),
    vpcsToScan: new Set(),
    labels: new Map(),
  };
  const own = (tags: Tags) => ownership(tags, clusterName);
  const add = (type: ResourceType, id: string, tags: Tags, action: 'delete' | 'untag', run: ClusterResource['run']) => {
    const name = tags.Name ?? '';
    plan.labels.set(id, label(type, id, name));
    plan.resources.push({ type, id, name, action, run: action === 'untag' ? (aws) => untagEc2(aws.ec2, id, tags, clusterName) : run });
  };
  const blocked = (id: string, what: string, hint: string) => plan.blockers.push({ blocked: plan.labels.get(id) ?? id, by: what, hint });

  for (const vpc of snap.vpcs) {
    const tags = tagsOf(vpc);
    const owner = own(tags);
    if (!owner || !vpc.VpcId) continue;
    const id = vpc.VpcId;
    if (owner === 'owned') plan.vpcIds.add(id);
    add('vpc', id, tags, owner === 'owned' ? 'delete' : 'untag', (aws) => ignoreGone(() => aws.ec2.send(new DeleteVpcCommand({ VpcId: id }))));
  }
  for (const dhcp of snap.dhcpOptions) {
    const tags = tagsOf(dhcp);
    const owner = own(tags);
    if (!owner || !dhcp.DhcpOptionsId) continue;
    const id = dhcp.DhcpOptionsId;
    add('dhcp-options', id, tags, owner === 'owned' ? 'delete' : 'untag', (aws) =>
      ignoreGone(() => aws.ec2.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: id }))),
    );
  }
  for (const subnet of snap.subnets) {
    const tags = tagsOf(subnet);
    const owner = own(tags);
    const id = subnet.SubnetId!;
    if (owner === 'owned') plan.subnetIds.add(id);
    if (owner) {
      if (subnet.VpcId) plan.vpcsToScan.add(subnet.VpcId);
      add('subnet', id, tags, owner === 'owned' ? 'delete' : 'untag', (aws) => ignoreGone(() => aws.ec2.send(new DeleteSubnetCommand({ SubnetId: id }))));
    }
  }
  for (const subnet of snap.subnets) {
    if (plan.vpcIds.has(subnet.VpcId!) && !plan.subnetIds.has(subnet.SubnetId!)) {
      blocked(subnet.VpcId!, foreign('subnet', subnet.SubnetId!, tagsOf(subnet)), `delete ${subnet.SubnetId} (and what runs in it), ${thenAgain}`);
    }
  }
  planRouteTables(snap, clusterName, plan, add, blocked);
  planGateways(snap, clusterName, plan, add, blocked);
  planNatAndAddresses(snap, clusterName, plan, add, blocked);
  planSecurityGroups(snap, clusterName, plan, blocked);
  for (const peering of snap.peerings) {
    if (!LIVE_PEERING_STATES.has(peering.Status?.Code ?? '')) continue;
    for (const vpcId of [peering.RequesterVpcInfo?.VpcId, peering.AccepterVpcInfo?.VpcId]) {
      if (vpcId && plan.vpcIds.has(vpcId)) {
        blocked(vpcId, foreign('VPC peering connection', peering.VpcPeeringConnectionId!, tagsOf(peering)), `delete the peering connection, ${thenAgain}`);
      }
    }
  }
  for (const id of plan.vpcIds) plan.vpcsToScan.add(id);
  return plan;
}

type Add = (type: ResourceType, id: string, tags: Tags, action: 'delete' | 'untag', run: ClusterResource['run']) => void;
type Blocked = (id: string, what: string, hint: string) => void;

export const thenAgain = "then run 'kops delete cluster --yes' again";

export function label(type: string, id: string, name?: string): string {
  return name ? `${type} ${id} (${name})` : `${type} ${id}`;
}

export function foreign(type: string, id: string, tags: Tags): string {
  return `${type} ${id} (${describeTags(tags)})`;
}

/** Tagged for another cluster, as opposed to untagged. */
function taggedForOther(tags: Tags, clusterName: string): boolean {
  if (tags.KubernetesCluster !== undefined && tags.KubernetesCluster !== clusterName) return true;
  return Object.keys(tags).some((k) => k.startsWith('kubernetes.io/cluster/') && k !== `kubernetes.io/cluster/${clusterName}`);
}

function planRouteTables(snap: NetworkSnapshot, clusterName: string, plan: NetworkPlan, add: Add, blocked: Blocked): void {
  for (const rt of snap.routeTables) {
    const id = rt.RouteTableId!;
    const tags = tagsOf(rt);
    const isMain = (rt.Associations ?? []).some((a) => a.Main);
    let owner = ownership(tags, clusterName);
    if (isMain && owner !== 'shared') continue; // goes with its VPC
    if (!owner && plan.vpcIds.has(rt.VpcId!)) {
      // The Go kops deletes untagged route tables of the VPCs it deletes (tagging them used to race); so do we.
      if (taggedForOther(tags, clusterName)) {
        blocked(rt.VpcId!, foreign('route table', id, tags), `delete ${id}, ${thenAgain}`);
        continue;
      }
      owner = 'owned';
    }
    if (!owner) continue;
    // Associations with shared subnets keep a table in use; those with deleted subnets may linger too.
    const associations = (rt.Associations ?? []).filter((a) => !a.Main && a.RouteTableAssociationId);
    add('route-table', id, tags, owner === 'owned' ? 'delete' : 'untag', async (aws) => {
      for (const a of associations) await ignoreGone(() => aws.ec2.send(new DisassociateRouteTableCommand({ AssociationId: a.RouteTableAssociationId })));
      await ignoreGone(() => aws.ec2.send(new DeleteRouteTableCommand({ RouteTableId: id })));
    });
  }
}

function planGateways(snap: NetworkSnapshot, clusterName: string, plan: NetworkPlan, add: Add, blocked: Blocked): void {
  const gateways = [
    ...snap.internetGateways.map((g) => ({ type: 'internet-gateway' as const, id: g.InternetGatewayId!, tags: tagsOf(g), attachments: g.Attachments ?? [] })),
    ...snap.egressOnlyInternetGateways.map((g) => ({
      type: 'egress-only-internet-gateway' as const,
      id: g.EgressOnlyInternetGatewayId!,
      tags: tagsOf(g),
      attachments: g.Attachments ?? [],
    })),
  ];
  for (const g of gateways) {
    const vpcIds = g.attachments.map((a) => a.VpcId).filter((v): v is string => !!v);
    let owner = ownership(g.tags, clusterName);
    const inOwnedVpc = vpcIds.find((v) => plan.vpcIds.has(v));
    if (!owner && inOwnedVpc) {
      // Gateways were not always tagged; one attached to a VPC being deleted goes with it.
      if (taggedForOther(g.tags, clusterName)) {
        blocked(inOwnedVpc, foreign(g.type.replace(/-/g, ' '), g.id, g.tags), `detach ${g.id} from ${inOwnedVpc}, ${thenAgain}`);
        continue;
      }
      owner = 'owned';
    }
    if (!owner) continue;
    const id = g.id;
    add(g.type, id, g.tags, owner === 'owned' ? 'delete' : 'untag', async (aws) => {
      if (g.type === 'egress-only-internet-gateway') {
        await ignoreGone(() => aws.ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: id })));
        return;
      }
      for (const vpcId of vpcIds) await ignoreGone(() => aws.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId })));
      await ignoreGone(() => aws.ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: id })));
    });
  }
}

function planNatAndAddresses(snap: NetworkSnapshot, clusterName: string, plan: NetworkPlan, add: Add, blocked: Blocked): void {
  const ownedRouteTables = new Set(plan.resources.filter((r) => r.type === 'route-table' && r.action === 'delete').map((r) => r.id));
  const routedFromOwned = new Set(
    snap.routeTables
      .filter((rt) => ownedRouteTables.has(rt.RouteTableId!))
      .flatMap((rt) => (rt.Routes ?? []).map((r) => r.NatGatewayId))
      .filter((id): id is string => !!id),
  );
  const ownedAllocations = new Set<string>();
  for (const nat of snap.natGateways) {
    if (!LIVE_NAT_STATES.has(nat.State ?? '')) continue;
    const id = nat.NatGatewayId!;
    const tags = tagsOf(nat);
    const interfaceIds = (nat.NatGatewayAddresses ?? []).map((a) => a.NetworkInterfaceId).filter((i): i is string => !!i);
    for (const i of interfaceIds) plan.natInterfaceIds.add(i);
    let owner = ownership(tags, clusterName);
    if (!owner && routedFromOwned.has(id) && !taggedForOther(tags, clusterName)) owner = 'owned';
    if (!owner) {
      if (plan.subnetIds.has(nat.SubnetId ?? '')) blocked(nat.SubnetId!, foreign('NAT gateway', id, tags), `delete ${id}, ${thenAgain}`);
      continue;
    }
    if (owner === 'owned') {
      plan.natGatewayIds.add(id);
      for (const a of nat.NatGatewayAddresses ?? []) if (a.AllocationId) ownedAllocations.add(a.AllocationId);
    }
    add('nat-gateway', id, tags, owner === 'owned' ? 'delete' : 'untag', async (aws) => {
      await ignoreGone(() => aws.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: id })));
      await waitForNatGatewayGone(aws.ec2, id);
      // AWS removes the gateway's interface with it; make sure nothing is left (emulators keep it).
      for (const i of interfaceIds) await ignoreGone(() => aws.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: i })));
    });
  }
  for (const address of snap.addresses) {
    const id = address.AllocationId;
    if (!id) continue;
    const tags = tagsOf(address);
    let owner = ownership(tags, clusterName);
    if (!owner && ownedAllocations.has(id) && !taggedForOther(tags, clusterName)) owner = 'owned';
    if (!owner) continue;
    const associationId = address.AssociationId;
    // The address of a NAT gateway is let go by deleting the gateway, not by disassociating it.
    const disassociate = associationId && !ownedAllocations.has(id);
    add('elastic-ip', id, { Name: address.PublicIp ?? '', ...tags }, owner === 'owned' ? 'delete' : 'untag', async (aws) => {
      if (disassociate) await ignoreGone(() => aws.ec2.send(new DisassociateAddressCommand({ AssociationId: associationId })));
      await ignoreGone(() => aws.ec2.send(new ReleaseAddressCommand({ AllocationId: id })));
    });
  }
}

/** A NAT gateway takes a while to let go of its subnet and address; waiting here saves failed calls later. */
async function waitForNatGatewayGone(ec2: EC2Client, id: string, timeoutMs = 10 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 1000; Date.now() < deadline; delay = Math.min(delay * 2, 15_000)) {
    const { NatGateways } = await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] })).catch(() => ({ NatGateways: [] }));
    if (!NatGateways?.length || NatGateways.every((n) => n.State === 'deleted' || n.State === 'failed')) return;
    await new Promise((r) => setTimeout(r, delay));
  }
}

function planSecurityGroups(snap: NetworkSnapshot, clusterName: string, plan: NetworkPlan, blocked: Blocked): void {
  for (const sg of snap.securityGroups) {
    const owner = ownership(tagsOf(sg), clusterName);
    if (owner === 'owned' && sg.GroupName !== 'default') plan.securityGroupIds.add(sg.GroupId!);
  }
  const referencesOwned = (p: IpPermission) => (p.UserIdGroupPairs ?? []).some((g) => plan.securityGroupIds.has(g.GroupId ?? ''));
  for (const sg of snap.securityGroups) {
    const id = sg.GroupId!;
    const tags = tagsOf(sg);
    const owner = ownership(tags, clusterName);
    const isOwned = plan.securityGroupIds.has(id);
    if (owner && sg.GroupName !== 'default') {
      plan.labels.set(id, label('security-group', id, sg.GroupName));
      plan.resources.push({
        type: 'security-group',
        id,
        name: sg.GroupName ?? tags.Name ?? '',
        action: isOwned ? 'delete' : 'untag',
        run: isOwned ? (aws) => ignoreGone(() => aws.ec2.send(new DeleteSecurityGroupCommand({ GroupId: id }))) : (aws) => untagEc2(aws.ec2, id, tags, clusterName),
      });
    } else if (!owner && plan.vpcIds.has(sg.VpcId ?? '') && sg.GroupName !== 'default') {
      blocked(sg.VpcId!, foreign('security group', id, { Name: sg.GroupName ?? '', ...tags }), `delete ${id}, ${thenAgain}`);
    }
    // Rules that name the cluster's groups: the cluster's own groups drop all their group references (they
    // may name each other), other groups only the references to the cluster's groups.
    const dropFrom = (perms: IpPermission[] | undefined) =>
      (perms ?? [])
        .map((p) => ({ ...p, IpRanges: undefined, Ipv6Ranges: undefined, PrefixListIds: undefined, UserIdGroupPairs: (p.UserIdGroupPairs ?? []).filter((g) => (isOwned ? !!g.GroupId : plan.securityGroupIds.has(g.GroupId ?? ''))) }))
        .filter((p) => p.UserIdGroupPairs.length > 0)
        .map((p) => ({ ...p, UserIdGroupPairs: p.UserIdGroupPairs.map((g) => ({ GroupId: g.GroupId, UserId: g.UserId })) }));
    const ingress = dropFrom(sg.IpPermissions);
    const egress = dropFrom(sg.IpPermissionsEgress);
    if (ingress.length === 0 && egress.length === 0) continue;
    if (!isOwned && ![...(sg.IpPermissions ?? []), ...(sg.IpPermissionsEgress ?? [])].some(referencesOwned)) continue;
    plan.resources.push({
      type: 'security-group-rules',
      id,
      name: sg.GroupName ?? '',
      action: 'delete',
      internal: isOwned,
      run: async (aws) => {
        if (ingress.length) await ignoreGone(() => aws.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: ingress })));
        if (egress.length) await ignoreGone(() => aws.ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: egress })));
      },
    });
  }
}
