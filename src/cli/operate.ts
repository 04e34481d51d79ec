import type { InstanceGroup } from '../apis/types.js';
import { systemIssueEnv } from '../pki/certificates.js';
import type { KubeApi } from '../ops/kube.js';
import { clusterCloud, clusterKubeApi, type ClusterCloud, type KubeAccess } from '../ops/operate/access.js';
import { openClusterPki, type ClusterPki } from './cluster-pki.js';
import type { CliContext } from './context.js';
import type { Invocation } from './invocation.js';
import { openClusterStore } from './store.js';

/** The Kubernetes API flags shared by the operating commands (--api-server, --use-kubeconfig, --kubeconfig, --admin). */
export function kubeAccessFlags(inv: Invocation, ctx: CliContext): KubeAccess {
  const has = (name: string) => inv.isSet(name);
  return {
    apiServer: has('api-server') ? inv.string('api-server') : undefined,
    useKubeconfig: has('use-kubeconfig') && inv.bool('use-kubeconfig'),
    kubeconfig: (has('kubeconfig') ? inv.string('kubeconfig') : '') || ctx.env.KUBECONFIG?.split(':')[0] || undefined,
    adminMillis: has('admin') ? inv.number('admin') : undefined,
  };
}

export interface OperatedCluster extends ClusterPki {
  instanceGroups: InstanceGroup[];
  cloud: ClusterCloud;
  /** Reaches the cluster's Kubernetes API (built on first use). */
  kube(): Promise<KubeApi>;
}

/** A cluster to operate: its spec and groups from the state store, its cloud, and a way to its API. */
export async function openOperatedCluster(ctx: CliContext, inv: Invocation, positional: string | undefined, override: Partial<KubeAccess> = {}): Promise<OperatedCluster> {
  const pki = await openClusterPki(ctx, positional);
  const store = await openClusterStore(ctx);
  const instanceGroups = await store.listInstanceGroups(pki.clusterName);
  const access = { ...kubeAccessFlags(inv, ctx), ...override };
  let kube: Promise<KubeApi> | undefined;
  return {
    ...pki,
    instanceGroups,
    cloud: clusterCloud(pki.cluster),
    kube: () => (kube ??= clusterKubeApi(pki.cluster, pki.keystore, access, { now: ctx.clock, random32: systemIssueEnv.random32 })),
  };
}
