import {
  DeleteNetworkInterfaceCommand,
  DescribeInstancesCommand,
  paginateDescribeNetworkInterfaces,
  type EC2Client,
  type Filter,
  type NetworkInterface,
} from '@aws-sdk/client-ec2';
import { collect, ignoreGone, tagsOf } from './aws-util.js';
import { foreign, thenAgain } from './network.js';
import { ownership, type Blocker, type ClusterResource } from './resource.js';

/** What the cluster owns, as far as network interfaces can point at it. */
export interface Inventory {
  clusterName: string;
  instanceIds: ReadonlySet<string>;
  vpcIds: ReadonlySet<string>;
  subnetIds: ReadonlySet<string>;
  securityGroupIds: ReadonlySet<string>;
  natInterfaceIds: ReadonlySet<string>;
  /** Labels of the cluster's network objects by id. */
  labels: ReadonlyMap<string, string>;
}

export async function describeInterfaces(ec2: EC2Client, filter: Filter): Promise<NetworkInterface[]> {
  if (!filter.Values?.length) return [];
  return collect(paginateDescribeNetworkInterfaces({ client: ec2 }, { Filters: [filter] }), (p) => p.NetworkInterfaces);
}

/** Detached interfaces tagged for the cluster (left behind by CNI plugins and controllers): deleted. */
export function planInterfaces(enis: readonly NetworkInterface[], clusterName: string): ClusterResource[] {
  return enis
    .filter((eni) => ownership(tagsOf({ Tags: eni.TagSet }), clusterName) === 'owned' && eni.Status === 'available')
    .map((eni) => {
      const id = eni.NetworkInterfaceId!;
      return {
        type: 'network-interface' as const,
        id,
        name: tagsOf({ Tags: eni.TagSet }).Name ?? '',
        action: 'delete' as const,
        run: (aws) => ignoreGone(() => aws.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: id }))),
      };
    });
}

/**
 * Interfaces in the cluster's subnets, VPCs or security groups that belong to nothing the cluster owns: an instance
 * launched by hand, a service of someone else.
 */
export async function interfaceBlockers(ec2: EC2Client, enis: readonly NetworkInterface[], inv: Inventory): Promise<Blocker[]> {
  const strangers = enis.filter((eni) => !belongsToCluster(eni, inv));
  const instanceIds = [...new Set(strangers.map((e) => e.Attachment?.InstanceId).filter((id): id is string => !!id))];
  const instanceTags = new Map<string, Record<string, string>>();
  const goingAway = new Set<string>();
  if (instanceIds.length > 0) {
    // A filter, unlike InstanceIds, does not fail for an instance that has just disappeared.
    const { Reservations } = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: instanceIds }] }));
    for (const i of (Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      instanceTags.set(i.InstanceId!, tagsOf(i));
      if (['shutting-down', 'terminated'].includes(i.State?.Name ?? '')) goingAway.add(i.InstanceId!);
    }
  }
  const blockers: Blocker[] = [];
  for (const eni of strangers) {
    if (eni.Attachment?.InstanceId && goingAway.has(eni.Attachment.InstanceId)) continue;
    const blockedId = [eni.SubnetId, ...(eni.Groups ?? []).map((g) => g.GroupId), eni.VpcId].find(
      (id) => !!id && (inv.subnetIds.has(id) || inv.securityGroupIds.has(id) || inv.vpcIds.has(id)),
    );
    if (!blockedId) continue;
    const instanceId = eni.Attachment?.InstanceId;
    const by = instanceId
      ? foreign('instance', instanceId, instanceTags.get(instanceId) ?? {})
      : `${foreign('network interface', eni.NetworkInterfaceId!, tagsOf({ Tags: eni.TagSet }))}${eni.Description ? ` "${eni.Description}"` : ''}`;
    const hint = instanceId
      ? `it is not part of cluster ${inv.clusterName}: terminate ${instanceId} or move it out of the cluster's network, ${thenAgain}`
      : `it is not part of cluster ${inv.clusterName}: delete ${eni.NetworkInterfaceId} (or what created it), ${thenAgain}`;
    blockers.push({ blocked: inv.labels.get(blockedId) ?? blockedId, by, hint });
  }
  return blockers;
}

function belongsToCluster(eni: NetworkInterface, inv: Inventory): boolean {
  if (ownership(tagsOf({ Tags: eni.TagSet }), inv.clusterName) === 'owned') return true;
  if (eni.Attachment?.InstanceId && inv.instanceIds.has(eni.Attachment.InstanceId)) return true;
  if (inv.natInterfaceIds.has(eni.NetworkInterfaceId ?? '')) return true;
  // Interfaces of NAT gateways and load balancers: the cluster's go with their owner, and foreign ones are named
  // by their gateway or balancer.
  const kind = eni.InterfaceType ?? '';
  return kind === 'natGateway' || kind === 'network_load_balancer' || /^(ELB |Interface for NAT Gateway )/.test(eni.Description ?? '');
}
