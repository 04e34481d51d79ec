/**
 * The kops v1alpha2 API objects. The interfaces are generated from the CRDs (types.generated.ts); the names below
 * are the parts other stages use most, spelled as in the Go API.
 */
import type { Cluster, InstanceGroup, Keyset, SSHCredential } from './types.generated.js';

export type { Cluster, InstanceGroup, Keyset, SSHCredential, ObjectMeta } from './types.generated.js';

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

type Item<T> = NonNullable<T> extends readonly (infer E)[] ? E : never;

export type ClusterSpec = Cluster['spec'];
export type InstanceGroupSpec = InstanceGroup['spec'];
export type KeysetSpec = Keyset['spec'];
export type SSHCredentialSpec = SSHCredential['spec'];
export type KeysetItem = Item<KeysetSpec['keys']>;

export type ClusterSubnetSpec = Item<ClusterSpec['subnets']>;
export type EtcdClusterSpec = Item<ClusterSpec['etcdClusters']>;
export type EtcdMemberSpec = Item<EtcdClusterSpec['etcdMembers']>;
export type NetworkingSpec = NonNullable<ClusterSpec['networking']>;
export type TopologySpec = NonNullable<ClusterSpec['topology']>;
export type APISpec = NonNullable<ClusterSpec['api']>;
export type KubeletConfigSpec = NonNullable<ClusterSpec['kubelet']>;
export type IAMSpec = NonNullable<ClusterSpec['iam']>;
export type CloudConfiguration = NonNullable<ClusterSpec['cloudConfig']>;
export type HookSpec = Item<ClusterSpec['hooks']>;
export type FileAssetSpec = Item<ClusterSpec['fileAssets']>;

export type InstanceGroupRole = 'Master' | 'ControlPlane' | 'APIServer' | 'Node' | 'Bastion';
export const INSTANCE_GROUP_ROLES: readonly InstanceGroupRole[] = ['Master', 'ControlPlane', 'APIServer', 'Node', 'Bastion'];

/** The label that ties an InstanceGroup to its Cluster. */
export const CLUSTER_LABEL = 'kops.k8s.io/cluster';

export function isKopsObject(o: KopsObject | AdditionalObject): o is KopsObject {
  return o.apiVersion === API_VERSION && (KOPS_KINDS as readonly string[]).includes(o.kind);
}
