import { DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import type { AwsClients } from '../clients.js';
import { describeCompute, planCompute } from './compute.js';
import { planDnsRecords, planEventResources } from './dns-and-events.js';
import { planIam } from './iam.js';
import { describeInterfaces, interfaceBlockers, planInterfaces, type Inventory } from './interfaces.js';
import { describeBalancers, planBalancers } from './load-balancers.js';
import { describeNetwork, planNetwork, thenAgain } from './network.js';
import { deletionOrder } from './order.js';
import type { Blocker, ClusterResource, Discovery } from './resource.js';

export interface DiscoverOptions {
  clusterName: string;
  /** Look for the cluster's Route53 records (not for gossip clusters or `dns: None`). */
  dns: boolean;
}

/**
 * Everything in the account that cluster NAME owns, found by its ownership tags and, for what kops does not tag,
 * by kops's naming scheme and by relationship (an untagged gateway attached to the cluster's VPC). Only reads.
 */
export async function discoverCluster(aws: AwsClients, options: DiscoverOptions): Promise<Discovery> {
  const name = options.clusterName;
  const [networkSnap, computeSnap, balancerSnap, iam, dns, events] = await Promise.all([
    describeNetwork(aws.ec2, name),
    describeCompute(aws, name),
    describeBalancers(aws),
    planIam(aws, name),
    options.dns ? planDnsRecords(aws, name) : Promise.resolve([]),
    planEventResources(aws, name),
  ]);
  const network = planNetwork(networkSnap, name);
  const compute = planCompute(computeSnap, name);
  const balancers = planBalancers(balancerSnap, name, network);
  const inventory: Inventory = {
    clusterName: name,
    instanceIds: compute.instanceIds,
    vpcIds: network.vpcIds,
    subnetIds: network.subnetIds,
    securityGroupIds: network.securityGroupIds,
    natInterfaceIds: network.natInterfaceIds,
    labels: network.labels,
  };
  const interfaces = await describeInterfaces(aws.ec2, { Name: 'vpc-id', Values: [...network.vpcsToScan].sort() });
  const resources = [...network.resources, ...compute.resources, ...balancers.resources, ...planInterfaces(interfaces, name), ...iam, ...dns, ...events];
  for (const r of resources) attachBlockerFinder(r, inventory);
  const blockers = [...network.blockers, ...balancers.blockers, ...(await interfaceBlockers(aws.ec2, interfaces, inventory))];
  return { resources: sortResources(resources), blockers: uniqueBlockers(blockers) };
}

/** Objects AWS may keep refusing to delete because of something outside the cluster: how to ask what it is. */
const interfaceFilterFor: Partial<Record<ClusterResource['type'], string>> = { subnet: 'subnet-id', 'security-group': 'group-id', vpc: 'vpc-id' };

function attachBlockerFinder(r: ClusterResource, inventory: Inventory): void {
  if (r.type === 'volume' && r.action === 'delete') {
    r.findBlockers = (aws) => volumeBlockers(aws, r.id, inventory);
    return;
  }
  const filterName = interfaceFilterFor[r.type];
  if (!filterName || r.action !== 'delete') return;
  r.findBlockers = async (aws) => interfaceBlockers(aws.ec2, await describeInterfaces(aws.ec2, { Name: filterName, Values: [r.id] }), inventory);
}

export function sortResources(resources: ClusterResource[]): ClusterResource[] {
  const rank = new Map(deletionOrder().map((t, i) => [t, i]));
  return [...resources].sort((a, b) => rank.get(a.type)! - rank.get(b.type)! || a.id.localeCompare(b.id));
}

function uniqueBlockers(blockers: Blocker[]): Blocker[] {
  const seen = new Set<string>();
  return blockers.filter((b) => {
    const key = `${b.blocked}|${b.by}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A volume attached to an instance the cluster does not own (a volume made for a pod, mounted by hand elsewhere). */
async function volumeBlockers(aws: AwsClients, volumeId: string, inventory: Inventory): Promise<Blocker[]> {
  const { Volumes } = await aws.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'volume-id', Values: [volumeId] }] }));
  const attachedTo = (Volumes ?? []).flatMap((v) => v.Attachments ?? []).map((a) => a.InstanceId!).filter((id) => id && !inventory.instanceIds.has(id));
  return attachedTo.map((id) => ({
    blocked: `volume ${volumeId}`,
    by: `instance ${id}`,
    hint: `it is not part of cluster ${inventory.clusterName}: detach ${volumeId} from ${id}, ${thenAgain}`,
  }));
}
