import type { AwsClients } from '../clients.js';
import type { Tags } from '../tags.js';

/** Kinds of cloud objects a cluster owns, named as the Go kops names them in its deletion table. */
export type ResourceType =
  | 'autoscaling-group'
  | 'instance'
  | 'load-balancer'
  | 'target-group'
  | 'autoscaling-config'
  | 'nat-gateway'
  | 'elastic-ip'
  | 'network-interface'
  | 'volume'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'subnet'
  | 'route-table'
  | 'security-group-rules'
  | 'security-group'
  | 'vpc'
  | 'dhcp-options'
  | 'keypair'
  | 'iam-instance-profile'
  | 'iam-role'
  | 'oidc-provider'
  | 'route53-record'
  | 'sqs-queue'
  | 'eventbridge-rule';

/** One cloud object found for the cluster, and what deleting it means. */
export interface ClusterResource {
  type: ResourceType;
  id: string;
  name: string;
  /** `delete` for what the cluster owns; `untag` for shared objects, which only lose the cluster's tags. */
  action: 'delete' | 'untag';
  /** Not listed in the plan: a step of deleting another listed object (revoking the cluster's own cross-group rules). */
  internal?: boolean;
  run(aws: AwsClients): Promise<void>;
  /** For network objects: what outside the cluster keeps it in use right now (asked when AWS keeps refusing). */
  findBlockers?(aws: AwsClients): Promise<Blocker[]>;
}

export type { Blocker } from '../../types.js';
import type { Blocker } from '../../types.js';

export interface Discovery {
  resources: ClusterResource[];
  /** Known before anything is deleted: deleting then would stop half way. */
  blockers: Blocker[];
}

export const resourceKey = (r: Pick<ClusterResource, 'type' | 'id'>): string => `${r.type}:${r.id}`;

/**
 * How an object relates to cluster NAME by its tags: `owned` (kubernetes.io/cluster/NAME=owned, or only the legacy
 * KubernetesCluster=NAME), `shared` (kubernetes.io/cluster/NAME with any other value), or undefined (not the cluster's).
 */
export function ownership(tags: Tags, clusterName: string): 'owned' | 'shared' | undefined {
  const value = tags[`kubernetes.io/cluster/${clusterName}`];
  if (value === 'owned') return 'owned';
  if (value !== undefined) return 'shared';
  return tags.KubernetesCluster === clusterName ? 'owned' : undefined;
}

/** The tag keys that mark an object as the cluster's: what a shared object loses. */
export function clusterTagKeys(tags: Tags, clusterName: string): string[] {
  const keys = [`kubernetes.io/cluster/${clusterName}`].filter((k) => k in tags);
  if (tags.KubernetesCluster === clusterName) keys.push('KubernetesCluster');
  return keys;
}

/** `Name=web,team=x` for messages; at most a few tags, AWS's own left out. */
export function describeTags(tags: Tags): string {
  const entries = Object.entries(tags).filter(([k]) => !k.startsWith('aws:'));
  if (entries.length === 0) return 'no tags';
  const shown = entries
    .sort(([a], [b]) => (a === 'Name' ? -1 : b === 'Name' ? 1 : a.localeCompare(b)))
    .slice(0, 4)
    .map(([k, v]) => `${k}=${v}`);
  return shown.join(',') + (entries.length > shown.length ? ',...' : '');
}
