import type { Cluster } from '../../apis/types.js';
import type { Cloud, CloudInstanceGroups } from '../../cloud/types.js';
import { DEFAULT_ADMIN_LIFETIME_MILLIS, issueAdminCredentials } from '../../pki/admin.js';
import { systemIssueEnv, type IssueEnv } from '../../pki/certificates.js';
import type { Keystore } from '../../pki/keystore.js';
import { apiServerUrl } from '../api-endpoint.js';
import { openClusterCloud } from '../cluster.js';
import { kubeApi, kubeConfigFor, kubeConfigFromFile, type KubeApi } from '../kube.js';

/** The cloud side of an existing cluster: its instance groups as the cloud runs them, and the cloud itself. */
export interface ClusterCloud {
  clusterName: string;
  groups: CloudInstanceGroups;
  cloud: Cloud;
}

/** The cloud a cluster runs on (by its spec), opened for operating its instances. */
export function clusterCloud(cluster: Cluster, options: { env?: Record<string, string | undefined> } = {}): ClusterCloud {
  const cloud = openClusterCloud(cluster, options);
  return { clusterName: cluster.metadata.name, groups: cloud.instanceGroups, cloud };
}

export interface KubeAccess {
  /** --api-server: the API server to reach instead of the cluster's own name. */
  apiServer?: string;
  /** --use-kubeconfig: take the server and credentials from the kubeconfig's context of the cluster. */
  useKubeconfig?: boolean;
  /** --kubeconfig: the file to read with useKubeconfig (default $KUBECONFIG, ~/.kube/config). */
  kubeconfig?: string;
  /** --admin: lifetime of the client certificate issued for the session (default 18h). */
  adminMillis?: number;
}

/**
 * The Kubernetes API of a cluster, as the Go kops reaches it: by default a client certificate in system:masters is
 * issued from the cluster's CA for this session and the server is the cluster's API name (or --api-server); with
 * --use-kubeconfig the exported kubeconfig is used instead.
 */
export async function clusterKubeApi(cluster: Cluster, keystore: Keystore, access: KubeAccess, env: IssueEnv = systemIssueEnv): Promise<KubeApi> {
  const clusterName = cluster.metadata.name ?? '';
  const apiServer = access.apiServer && (/^https?:\/\//.test(access.apiServer) ? access.apiServer : `https://${access.apiServer}`);
  if (access.useKubeconfig) return kubeApi(kubeConfigFromFile(access.kubeconfig, clusterName, apiServer));
  const server = await apiServerUrl(cluster, {
    apiServer,
    findLoadBalancerAddress: (name) => openClusterCloud(cluster).apiLoadBalancerAddress(name),
  });
  const credentials = await issueAdminCredentials(keystore, 'kops', access.adminMillis || DEFAULT_ADMIN_LIFETIME_MILLIS, env);
  return kubeApi(kubeConfigFor({ clusterName, server, ...credentials }));
}
