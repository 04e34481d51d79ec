import type { InstanceGroup } from '../../apis/types.js';
import type { CloudInstance, CloudInstanceGroup } from '../../cloud/types.js';
import type { KubeNode } from '../kube.js';

/** Node annotation that marks an instance for replacement whatever its configuration. */
export const NEEDS_UPDATE_ANNOTATION = 'kops.k8s.io/needs-update';

/** `UpToDate`: runs the group's current configuration; `NeedsUpdate`: an older one; `Detached`: taken out to be replaced. */
export type InstanceStatus = 'UpToDate' | 'NeedsUpdate' | 'Detached';

/** An instance with its status and the Kubernetes node running on it (when it registered one). */
export interface Member {
  id: string;
  status: InstanceStatus;
  /** `WarmPool` for an instance parked in the group's warm pool; empty otherwise (the Go kops's STATE column). */
  state: '' | 'WarmPool';
  cloud: CloudInstance;
  node?: KubeNode;
  group: Group;
}

/** An instance group as it runs: the spec, the cloud group and its members. */
export interface Group {
  spec: InstanceGroup;
  cloud: CloudInstanceGroup;
  members: Member[];
}

/**
 * The node running on each instance: the one whose provider ID is the instance's (`gce://P/ZONE/NAME`), or, for a cloud
 * that does not give one, whose provider ID ends with the instance id (`aws:///us-east-1a/i-0123...`).
 */
export function nodeFinder(nodes: readonly KubeNode[]): (instance: CloudInstance) => KubeNode | undefined {
  const byProviderId = new Map<string, KubeNode>();
  const byLastPart = new Map<string, KubeNode>();
  for (const node of nodes) {
    const providerId = node.spec?.providerID;
    if (!providerId) continue;
    byProviderId.set(providerId, node);
    const id = providerId.split('/').pop();
    if (id) byLastPart.set(id, node);
  }
  return (instance) => (instance.providerId !== undefined ? byProviderId.get(instance.providerId) : byLastPart.get(instance.id));
}

/**
 * Joins the cloud's groups to their specs (groups without a spec are not the cluster's) and instances to nodes.
 * Instances on their way out are left out; an up-to-date instance whose node carries the needs-update annotation
 * needs updating all the same.
 */
export function joinGroups(cloudGroups: readonly CloudInstanceGroup[], specs: readonly InstanceGroup[], nodes: readonly KubeNode[]): Group[] {
  const nodeOf = nodeFinder(nodes);
  const groups: Group[] = [];
  for (const cloud of cloudGroups) {
    const spec = specs.find((s) => s.metadata.name === cloud.instanceGroup);
    if (!spec) continue;
    const group: Group = { spec, cloud, members: [] };
    for (const instance of cloud.instances) {
      if (/^Terminat/.test(instance.state)) continue;
      const node = nodeOf(instance);
      let status: InstanceStatus = instance.state === 'Detached' ? 'Detached' : instance.upToDate ? 'UpToDate' : 'NeedsUpdate';
      if (status === 'UpToDate' && node?.metadata?.annotations?.[NEEDS_UPDATE_ANNOTATION] !== undefined) status = 'NeedsUpdate';
      group.members.push({ id: instance.id, status, state: instance.state.startsWith('Warmed') ? 'WarmPool' : '', cloud: instance, node, group });
    }
    groups.push(group);
  }
  return groups;
}

/** The names of instance groups, as the cloud's listing takes them. */
export const groupNames = (specs: readonly InstanceGroup[]): string[] => specs.map((s) => s.metadata.name ?? '');

export const needingUpdate = (g: Group): Member[] => g.members.filter((m) => m.status !== 'UpToDate');
export const upToDate = (g: Group): Member[] => g.members.filter((m) => m.status === 'UpToDate');

