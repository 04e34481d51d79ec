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

/** Nodes by the instance id their provider ID ends with (`aws:///us-east-1a/i-0123...`). */
export function nodesByInstanceId(nodes: readonly KubeNode[]): Map<string, KubeNode> {
  const map = new Map<string, KubeNode>();
  for (const node of nodes) {
    const id = node.spec?.providerID?.split('/').pop();
    if (id) map.set(id, node);
  }
  return map;
}

/**
 * Joins the cloud's groups to their specs (groups without a spec are not the cluster's) and instances to nodes.
 * Instances on their way out are left out; an up-to-date instance whose node carries the needs-update annotation
 * needs updating all the same.
 */
export function joinGroups(cloudGroups: readonly CloudInstanceGroup[], specs: readonly InstanceGroup[], nodes: readonly KubeNode[]): Group[] {
  const byId = nodesByInstanceId(nodes);
  const groups: Group[] = [];
  for (const cloud of cloudGroups) {
    const spec = specs.find((s) => s.metadata.name === cloud.instanceGroup);
    if (!spec) continue;
    const group: Group = { spec, cloud, members: [] };
    for (const instance of cloud.instances) {
      if (/^Terminat/.test(instance.state)) continue;
      const node = byId.get(instance.id);
      let status: InstanceStatus = instance.state === 'Detached' ? 'Detached' : instance.upToDate ? 'UpToDate' : 'NeedsUpdate';
      if (status === 'UpToDate' && node?.metadata?.annotations?.[NEEDS_UPDATE_ANNOTATION] !== undefined) status = 'NeedsUpdate';
      group.members.push({ id: instance.id, status, state: instance.state.startsWith('Warmed') ? 'WarmPool' : '', cloud: instance, node, group });
    }
    groups.push(group);
  }
  return groups;
}

export const needingUpdate = (g: Group): Member[] => g.members.filter((m) => m.status !== 'UpToDate');
export const upToDate = (g: Group): Member[] => g.members.filter((m) => m.status === 'UpToDate');

