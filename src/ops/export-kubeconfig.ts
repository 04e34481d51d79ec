import { UserError } from '../errors.js';
import { issueAdminCredentials } from '../pki/admin.js';
import { systemIssueEnv } from '../pki/certificates.js';
import { trustedCertificateBundle } from '../pki/keyset.js';
import type { ClusterStore } from '../statestore/clientset.js';
import { apiServerUrl } from './api-endpoint.js';
import { openCluster } from './cluster.js';
import { apiLoadBalancerAddress, kubeconfigPath, writeKubeconfig } from './kubeconfig.js';

/** What `export kubeconfig` (and `update cluster --yes`) writes for a cluster. */
export interface KubeconfigExport {
  /** Lifetime of --admin credentials in ms; 0 exports no credentials. */
  adminMillis: number;
  user?: string;
  internal?: boolean;
  apiServer?: string;
  kubeconfig?: string;
}

export interface ExportedKubeconfig {
  /** The kubeconfig file written. */
  path: string;
  /** The context carries credentials: new admin ones, or an existing user's. */
  withCredentials: boolean;
}

/**
 * Merges a cluster's cluster, context and (with --admin) user entries into the kubeconfig, the context made current:
 * the server is the cluster's API address (or --api-server / --internal), the CA bundle the cluster CA's trusted
 * certificates, and --admin credentials a certificate in system:masters issued for `env.USER`.
 */
export async function exportKubeconfig(
  store: ClusterStore,
  clusterName: string,
  options: KubeconfigExport,
  io: { env: Readonly<Record<string, string | undefined>>; clock: () => Date },
): Promise<ExportedKubeconfig> {
  if (options.adminMillis && options.user) {
    throw new UserError('--admin and --user cannot be combined', 'use --admin for new credentials, or --user for an existing kubeconfig user');
  }
  const path = kubeconfigPath(options.kubeconfig, io.env);
  const opened = await openCluster(store, clusterName, { clock: io.clock });
  const server = await apiServerUrl(opened.cluster, {
    apiServer: options.apiServer,
    internal: options.internal,
    findLoadBalancerAddress: apiLoadBalancerAddress,
  });
  const ca = await opened.keystore.find('kubernetes-ca');
  if (!ca) throw new UserError(`cluster ${clusterName} has no kubernetes-ca keyset yet`, 'run `kops update cluster --yes` first; it creates the cluster CAs');
  const credentials = options.adminMillis
    ? await issueAdminCredentials(opened.keystore, io.env.USER || 'admin', options.adminMillis, { now: io.clock, random32: systemIssueEnv.random32 })
    : undefined;
  await writeKubeconfig(path, { name: clusterName, server, caBundlePem: trustedCertificateBundle(ca), credentials, user: options.user });
  return { path, withCredentials: Boolean(credentials || options.user) };
}
