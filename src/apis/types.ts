/**
 * The kops v1alpha2 API objects. The interfaces are generated from the CRDs (types.generated.ts), one per Go type
 * and named as in the Go API (ClusterSpec, KubeletConfigSpec, EtcdClusterSpec, ...).
 */
import type { Cluster, InstanceGroup, Keyset, SSHCredential } from './types.generated.js';

export type * from './types.generated.js';

export const API_VERSION = 'kops.k8s.io/v1alpha2';

export type KopsObject = Cluster | InstanceGroup | Keyset | SSHCredential;
export type KopsKind = KopsObject['kind'];
export const KOPS_KINDS: readonly KopsKind[] = ['Cluster', 'InstanceGroup', 'Keyset', 'SSHCredential'];

/** A document of another API group given to `kops create -f`: kept verbatim as one of the cluster's additional objects. */
export interface AdditionalObject {
  apiVersion: string;
  kind: string;
  [field: string]: unknown;
}

export type InstanceGroupRole = 'Master' | 'ControlPlane' | 'APIServer' | 'Node' | 'Bastion';
export const INSTANCE_GROUP_ROLES: readonly InstanceGroupRole[] = ['Master', 'ControlPlane', 'APIServer', 'Node', 'Bastion'];

/** The label that ties an InstanceGroup to its Cluster. */
export const CLUSTER_LABEL = 'kops.k8s.io/cluster';

export function isKopsObject(o: KopsObject | AdditionalObject): o is KopsObject {
  return o.apiVersion === API_VERSION && (KOPS_KINDS as readonly string[]).includes(o.kind);
}

export function isCluster(o: KopsObject | AdditionalObject): o is Cluster {
  return isKopsObject(o) && o.kind === 'Cluster';
}

export function isInstanceGroup(o: KopsObject | AdditionalObject): o is InstanceGroup {
  return isKopsObject(o) && o.kind === 'InstanceGroup';
}
