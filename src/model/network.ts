import { DhcpOptions, DhcpOptionsAssociation } from '../cloud/aws/resources/dhcp-options.js';
import { EgressOnlyInternetGateway, InternetGateway } from '../cloud/aws/resources/internet-gateway.js';
import { ElasticIp, NatGateway } from '../cloud/aws/resources/nat-gateway.js';
import { Route, RouteTable, RouteTableAssociation, type RouteSpec } from '../cloud/aws/resources/route-table.js';
import { Subnet, type SubnetSpec } from '../cloud/aws/resources/subnet.js';
import { Vpc, VpcIpv4CidrBlockAssociation } from '../cloud/aws/resources/vpc.js';
import { ref, type Task } from '../engine/task.js';
import { UserError } from '../errors.js';
import { ipv4CidrContains } from './cidr.js';
import type { ModelContext } from './context.js';
import type { ClusterSubnetSpec } from '../apis/types.js';

export const vpcKey = (m: ModelContext) => ({ type: Vpc.type, name: m.clusterName });
export const subnetKey = (m: ModelContext, s: ClusterSubnetSpec) => ({ type: Subnet.type, name: m.subnetTaskName(s) });

/** VPC, DHCP options, gateways, subnets, route tables, routes and NAT, as the Go kops's NetworkModelBuilder. */
export function buildNetwork(m: ModelContext): Task[] {
  const tasks: Task[] = [];
  const name = m.clusterName;
  const shared = m.sharedVpc;
  const networkID = m.spec.networkID;
  const additionalCIDRs = m.spec.additionalNetworkCIDRs ?? [];

  const vpc = Vpc.task(
    name,
    shared
      ? { id: networkID, cidrBlock: m.networkCIDR, enableDnsSupport: true }
      : {
          assignGeneratedIpv6CidrBlock: true,
          cidrBlock: m.networkCIDR,
          enableDnsHostnames: true,
          enableDnsSupport: true,
          tags: m.cloudTags(name),
        },
    { shared },
  );
  vpc.exports = [
    { name: 'vpc_id', value: ref(vpc) },
    { name: 'vpc_cidr_block', value: ref(vpc, 'cidr_block') },
    { name: 'vpc_ipv6_cidr_block', value: ref(vpc, 'ipv6_cidr_block') },
  ];
  tasks.push(vpc);

  const cidrAssociations: Task[] = [];
  if (!shared) {
    for (const cidr of additionalCIDRs) {
      cidrAssociations.push(VpcIpv4CidrBlockAssociation.task(cidr, { vpcId: ref(vpc), cidrBlock: cidr }));
    }
    tasks.push(...cidrAssociations);
    const dhcp = DhcpOptions.task(name, {
      domainName: m.aws.region === 'us-east-1' ? 'ec2.internal' : `${m.aws.region}.compute.internal`,
      domainNameServers: ['AmazonProvidedDNS'],
      tags: m.cloudTags(name),
    });
    tasks.push(dhcp, DhcpOptionsAssociation.task(name, { dhcpOptionsId: ref(dhcp), vpcId: ref(vpc) }));
  }

  const unmanaged = (s: ClusterSubnetSpec) => s.egress === 'External';
  const allUnmanaged = m.subnets.every(unmanaged);
  const allShared = m.subnets.every((s) => s.id);

  let igw: Task | undefined;
  let publicRouteTable: Task | undefined;
  if (!allUnmanaged) {
    igw = InternetGateway.task(name, { id: shared ? m.aws.sharedInternetGatewayId : undefined, vpcId: ref(vpc), tags: m.cloudTags(name, shared) }, { shared });
    tasks.push(igw);
    if (!allShared) {
      publicRouteTable = RouteTable.task(name, { vpcId: ref(vpc), tags: { ...m.cloudTags(name), 'kubernetes.io/kops/role': 'public' } });
      publicRouteTable.exports = [{ name: 'route_table_public_id', value: ref(publicRouteTable) }];
      tasks.push(
        publicRouteTable,
        Route.task('0.0.0.0/0', { routeTableId: ref(publicRouteTable), destinationCidrBlock: '0.0.0.0/0', gatewayId: ref(igw) }),
        Route.task('::/0', { routeTableId: ref(publicRouteTable), destinationIpv6CidrBlock: '::/0', gatewayId: ref(igw) }),
      );
    }
  }

  // Private instances reach the IPv6 Internet through an egress-only gateway, on IPv6-only clusters.
  const managedPrivate = m.subnets.some((s) => (s.type === 'Private' || s.type === 'DualStack') && !unmanaged(s));
  let eigw: Task | undefined;
  if (managedPrivate && m.isIPv6Only && !shared) {
    eigw = EgressOnlyInternetGateway.task(name, { vpcId: ref(vpc), tags: m.cloudTags(name) });
    tasks.push(eigw);
  }

  /** Per zone, the subnets whose traffic leaves through the zone's NAT gateway (or given egress). */
  const egressByZone = new Map<string, ZoneEgress>();
  const zoneEgress = (zone: string) => egressByZone.get(zone) ?? egressByZone.set(zone, { subnets: [], private: false, ipv6Public: false }).get(zone)!;
  for (const s of m.subnets) {
    const subnetName = m.subnetTaskName(s);
    const sharedSubnet = !!s.id;
    const subnet = Subnet.task(subnetName, subnetSpec(m, s, vpc), { shared: sharedSubnet });
    if (s.cidr && additionalCIDRs.some((c) => ipv4CidrContains(c, s.cidr!))) subnet.dependsOn = cidrAssociations.map((t) => ({ type: t.type, name: t.name }));
    subnet.exports = [{ name: `subnet_${s.name}_id`, value: ref(subnet) }];
    if (sharedSubnet) subnet.exports.push({ name: 'subnet_ids', value: ref(subnet), list: true });
    tasks.push(subnet);
    if (sharedSubnet || unmanaged(s)) continue;
    const zone = s.zone ?? '';
    if (s.type === 'Public' && m.isIPv6Only && s.ipv6CIDR) {
      // On IPv6-only clusters, public IPv6 subnets have their zone's own table, to route NAT64 to the zone's NAT gateway.
      tasks.push(RouteTableAssociation.task(`public-${subnetName}`, { routeTableId: ref({ type: RouteTable.type, name: publicRouteTableName(m, zone) }), subnetId: ref(subnet) }));
      zoneEgress(zone).subnets.push(s);
      zoneEgress(zone).ipv6Public = true;
    } else if (s.type === 'Public' || s.type === 'Utility') {
      tasks.push(RouteTableAssociation.task(subnetName, { routeTableId: ref(publicRouteTable!), subnetId: ref(subnet) }));
    } else if (s.type === 'Private' || s.type === 'DualStack') {
      tasks.push(
        RouteTableAssociation.task(`private-${subnetName}`, {
          routeTableId: ref({ type: RouteTable.type, name: privateRouteTableName(m, zone) }),
          subnetId: ref(subnet),
        }),
      );
      zoneEgress(zone).subnets.push(s);
      zoneEgress(zone).private = true;
    } else {
      throw new UserError(`spec.subnets[${m.subnets.indexOf(s)}].type: unknown subnet type ${s.type}`, 'use Public, Private, Utility or DualStack');
    }
  }

  for (const [zone, egress] of [...egressByZone].sort(([a], [b]) => (a < b ? -1 : 1))) {
    tasks.push(...buildZoneEgress(m, zone, egress, vpc, igw, eigw));
  }
  return tasks;
}

/** Whether instances get resource-based hostnames (i-0123....ec2.internal) rather than IP-based ones (ip-10-0-0-1...). */
function resourceBasedNaming(m: ModelContext): boolean | undefined {
  // Only with the external cloud-controller-manager, whose node names are the EC2 private DNS names.
  if (!m.spec.cloudControllerManager) return undefined;
  return !m.spec.cloudConfig?.useIPBasedNodeNames;
}

function subnetSpec(m: ModelContext, s: ClusterSubnetSpec, vpc: Task): SubnetSpec {
  const spec: SubnetSpec = {
    id: s.id,
    shortName: s.name,
    vpcId: ref(vpc),
    availabilityZone: s.zone ?? '',
    cidrBlock: s.cidr,
  };
  const resourceNames = resourceBasedNaming(m);
  if (resourceNames !== undefined) {
    spec.privateDnsHostnameTypeOnLaunch = resourceNames ? 'resource-name' : 'ip-name';
    if (s.cidr) spec.enableResourceNameDnsARecordOnLaunch = resourceNames;
    if (s.ipv6CIDR) spec.enableResourceNameDnsAaaaRecordOnLaunch = resourceNames;
  }
  if (s.ipv6CIDR) {
    spec.ipv6CidrBlock = s.ipv6CIDR;
    spec.assignIpv6AddressOnCreation = true;
    if (!s.cidr) {
      spec.ipv6Native = true;
      spec.enableDns64 = true;
    }
  }
  if (!m.spec.DisableSubnetTags) {
    const tags = m.cloudTags(m.subnetTaskName(s), !!s.id);
    tags.SubnetType = s.type ?? '';
    if (s.type === 'Public' || s.type === 'Utility') {
      tags['kubernetes.io/role/elb'] = '1';
      // The AWS load balancer controller makes internal ELBs only in subnets tagged so; without private subnets, these
      // (not on IPv6-only clusters: an internal load balancer cannot sit behind an IPv6 default route to the Internet).
      if (!m.subnets.some((x) => x.type === 'Private' || x.type === 'DualStack') && !m.isIPv6Only) tags['kubernetes.io/role/internal-elb'] = '1';
    } else if (s.type === 'DualStack') {
      tags['kubernetes.io/role/internal-elb'] = '1';
    } else if (s.type === 'Private' && !m.subnets.some((x) => x.zone === s.zone && x.type === 'DualStack')) {
      // Where a zone has dual-stack subnets, internal load balancers go there rather than in its private subnets.
      tags['kubernetes.io/role/internal-elb'] = '1';
    }
    // Karpenter finds the subnets of its node pools by these tags.
    for (const ig of m.instanceGroups) {
      if (ig.spec.manager === 'Karpenter' && ig.spec.subnets?.includes(s.name)) tags[`kops.k8s.io/instance-group/${ig.metadata.name}`] = 'true';
    }
    spec.tags = tags;
  }
  return spec;
}

function privateRouteTableName(m: ModelContext, zone: string): string {
  return `private-${zone}.${m.clusterName}`;
}

function publicRouteTableName(m: ModelContext, zone: string): string {
  return `public-${zone}.${m.clusterName}`;
}

interface ZoneEgress {
  subnets: ClusterSubnetSpec[];
  /** The zone has private (or dual-stack) subnets: a private route table, egress through the utility subnet. */
  private: boolean;
  /** The zone has public IPv6 subnets of an IPv6-only cluster: a public route table of its own. */
  ipv6Public: boolean;
}

/**
 * A zone's NAT gateway (or given egress) and the route tables that use it: the private one, and on IPv6-only clusters
 * the zone's public one (NAT64).
 */
function buildZoneEgress(m: ModelContext, zone: string, info: ZoneEgress, vpc: Task, igw: Task | undefined, eigw: Task | undefined): Task[] {
  const tasks: Task[] = [];
  const egress = info.subnets[0].egress ?? '';
  const publicIP = info.subnets[0].publicIP;
  for (const s of info.subnets) {
    if ((s.egress ?? '') !== egress) throw new UserError(`spec.subnets: private or IPv6-capable subnets in zone ${zone} mix egress values`, 'use one egress per zone');
    if (s.publicIP !== publicIP) throw new UserError(`spec.subnets: private or IPv6-capable subnets in zone ${zone} mix publicIP values`, 'use one publicIP per zone');
  }
  const name = `${zone}.${m.clusterName}`;
  const egressSubnetRef = () => {
    // With private subnets the NAT gateway sits in the zone's utility subnet, else in its (one) public subnet.
    const type = info.private ? 'Utility' : 'Public';
    const candidates = m.subnets.filter((s) => s.zone === zone && s.type === type);
    if (candidates.length === 0) {
      throw new UserError(`spec.subnets: zone ${zone} has ${info.private ? 'private' : 'public IPv6'} subnets but no ${type.toLowerCase()} subnet`, `add a subnet of type ${type} in that zone`);
    }
    if (candidates.length > 1) throw new UserError(`spec.subnets: zone ${zone} has more than one ${type.toLowerCase()} subnet for its NAT gateway`, `keep one subnet of type ${type} in that zone`);
    return ref(subnetKey(m, candidates[0]));
  };

  let natGateway: Task | undefined;
  let transitGatewayId: string | undefined;
  let instanceId: string | undefined;
  if (egress.startsWith('nat-')) {
    natGateway = NatGateway.task(name, { id: egress, subnetId: egressSubnetRef(), tags: m.cloudTags(name, true) }, { shared: true });
    tasks.push(natGateway);
  } else if (egress.startsWith('eipalloc-')) {
    const eip = ElasticIp.task(name, { id: egress, domain: 'vpc', tags: m.cloudTags(name, true) }, { shared: true });
    natGateway = NatGateway.task(name, { allocationId: ref(eip), subnetId: egressSubnetRef(), tags: m.cloudTags(name) });
    tasks.push(eip, natGateway);
  } else if (egress.startsWith('i-')) {
    instanceId = egress;
  } else if (egress.startsWith('tgw-')) {
    transitGatewayId = egress;
  } else if (egress === '') {
    const eip = ElasticIp.task(name, { domain: 'vpc', publicIp: publicIP, tags: m.cloudTags(name, !!publicIP) });
    natGateway = NatGateway.task(name, { allocationId: ref(eip), subnetId: egressSubnetRef(), tags: m.cloudTags(name) });
    tasks.push(eip, natGateway);
  } else if (egress !== 'External') {
    throw new UserError(`spec.subnets: egress ${egress} in zone ${zone} is not supported`, 'use a NAT gateway (nat-...), an elastic IP (eipalloc-...), an instance (i-...), a transit gateway (tgw-...) or External');
  }

  const rtShared = m.subnets.filter((s) => s.zone === zone).every((s) => s.id);
  const target: Partial<RouteSpec> = natGateway ? { natGatewayId: ref(natGateway) } : transitGatewayId ? { transitGatewayId } : { instanceId };
  // NAT64 goes to a NAT or transit gateway only.
  const nat64: Partial<RouteSpec> = natGateway ? { natGatewayId: ref(natGateway) } : transitGatewayId ? { transitGatewayId } : {};
  if (info.private) {
    const rtName = privateRouteTableName(m, zone);
    const rt = RouteTable.task(rtName, { vpcId: ref(vpc), tags: { ...m.cloudTags(rtName, rtShared), 'kubernetes.io/kops/role': `private-${zone}` } });
    rt.exports = [{ name: `route_table_private-${zone}_id`, value: ref(rt) }];
    tasks.push(rt);
    tasks.push(Route.task(`private-${zone}-0.0.0.0/0`, { routeTableId: ref(rt), destinationCidrBlock: '0.0.0.0/0', ...target }));
    if (m.isIPv6Only) {
      tasks.push(Route.task(`private-${zone}-64:ff9b::/96`, { routeTableId: ref(rt), destinationIpv6CidrBlock: '64:ff9b::/96', ...nat64 }));
      if (eigw) tasks.push(Route.task(`private-${zone}-::/0`, { routeTableId: ref(rt), destinationIpv6CidrBlock: '::/0', egressOnlyGatewayId: ref(eigw) }));
    }
    tasks.push(...additionalRoutes(m, zone, rt));
  }
  if (info.ipv6Public && igw) {
    const rtName = publicRouteTableName(m, zone);
    const rt = RouteTable.task(rtName, { vpcId: ref(vpc), tags: { ...m.cloudTags(rtName, rtShared), 'kubernetes.io/kops/role': `public-${zone}` } });
    tasks.push(
      rt,
      Route.task(`public-${zone}-0.0.0.0/0`, { routeTableId: ref(rt), destinationCidrBlock: '0.0.0.0/0', gatewayId: ref(igw) }),
      Route.task(`public-${zone}-::/0`, { routeTableId: ref(rt), destinationIpv6CidrBlock: '::/0', gatewayId: ref(igw) }),
      Route.task(`public-${zone}-64:ff9b::/96`, { routeTableId: ref(rt), destinationIpv6CidrBlock: '64:ff9b::/96', ...nat64 }),
    );
  }
  return tasks;
}

/**
 * The user's extra routes of the private subnets in a zone, in the zone's private route table. As Go, a subnet's routes
 * go to the table of every private subnet of the zone whose name starts with that subnet's name.
 */
function additionalRoutes(m: ModelContext, zone: string, rt: Task): Task[] {
  const privates = m.subnets.filter((s) => s.zone === zone && s.type === 'Private');
  const tasks: Task[] = [];
  for (const s of m.subnets) {
    for (const p of privates) {
      if (!m.subnetTaskName(p).startsWith(s.name)) continue;
      for (const r of s.additionalRoutes ?? []) {
        const target = additionalRouteTarget(r.target ?? '');
        if (target) tasks.push(Route.task(`${s.name}.${r.cidr}`, { routeTableId: ref(rt), destinationCidrBlock: r.cidr, ...target }));
      }
    }
  }
  return tasks;
}

/** Where an additional route points, by the prefix of the target's id (the targets Go's validation allows). */
function additionalRouteTarget(target: string): Partial<RouteSpec> | undefined {
  if (target.startsWith('pcx-')) return { vpcPeeringConnectionId: target };
  if (target.startsWith('i-')) return { instanceId: target };
  if (target.startsWith('nat-')) return { natGatewayId: target };
  if (target.startsWith('tgw-')) return { transitGatewayId: target };
  if (target.startsWith('igw-')) return { gatewayId: target };
  if (target.startsWith('eigw-')) return { egressOnlyGatewayId: target };
  return undefined;
}
