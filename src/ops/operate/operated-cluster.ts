import type { InstanceGroup } from '../../apis/types.js';
import { systemIssueEnv } from '../../pki/certificates.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import { openCluster, type OpenedCluster } from '../cluster.js';
import type { KubeApi } from '../kube.js';
import { clusterCloud, clusterKubeApi, type ClusterCloud, type KubeAccess } from './access.js';

/** A cluster to operate: its spec, keys and groups from the state store, its cloud, and a way to its API. */
export interface OperatedCluster extends OpenedCluster {
  instanceGroups: InstanceGroup[];
  cloud: ClusterCloud;
  /** Reaches the cluster's Kubernetes API (built on first use). */
  kube(): Promise<KubeApi>;
}

export async function openOperatedCluster(store: ClusterStore, clusterName: string, access: KubeAccess, options: { clock: () => Date }): Promise<OperatedCluster> {
  const opened = await openCluster(store, clusterName, options);
  const instanceGroups = await store.listInstanceGroups(clusterName);
  let kube: Promise<KubeApi> | undefined;
  return {
    ...opened,
    instanceGroups,
    cloud: clusterCloud(opened.cluster),
    kube: () => (kube ??= clusterKubeApi(opened.cluster, opened.keystore, access, { now: options.clock, random32: systemIssueEnv.random32 })),
  };
}
