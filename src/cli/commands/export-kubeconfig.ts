import { UserError } from '../../errors.js';
import { issueAdminCredentials } from '../../pki/admin.js';
import { trustedCertificateBundle } from '../../pki/keyset.js';
import { systemIssueEnv } from '../../pki/certificates.js';
import { apiServerUrl } from '../../ops/api-endpoint.js';
import { apiLoadBalancerAddress, kubeconfigPath, writeKubeconfig } from '../../ops/kubeconfig.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterPki } from '../cluster-pki.js';
import { openClusterStore } from '../store.js';

export interface KubeconfigExport {
  /** Lifetime of --admin credentials in ms; 0 exports no credentials. */
  adminMillis: number;
  user?: string;
  internal?: boolean;
  apiServer?: string;
  kubeconfig?: string;
}

/**
 * `kops export kubeconfig [CLUSTER | --all] [--admin[=DURATION]] [--user NAME] [--internal] [--kubeconfig PATH]`:
 * merges the cluster's entries into the kubeconfig (other contexts are kept). With --admin, a client certificate in
 * group system:masters signed by the cluster CA is added; without it or --user, no credentials are exported.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  if (inv.bool('all') && inv.args.length) throw new UserError('--all cannot be combined with a cluster name');
  const names = inv.bool('all') ? await (await openClusterStore(ctx)).listClusters() : [await ctx.clusterName(inv.args[0])];
  for (const name of names) await exportClusterKubeconfig(ctx, name, kubeconfigOptions(inv));
}

/** The kubeconfig flags shared by `export kubeconfig` and `update cluster`. */
export function kubeconfigOptions(inv: Invocation): KubeconfigExport {
  const flag = (name: string) => (inv.isSet(name) ? inv.string(name) : '') || undefined;
  return {
    adminMillis: inv.isSet('admin') ? inv.number('admin') : 0,
    user: flag('user'),
    internal: inv.bool('internal'),
    apiServer: flag('api-server'),
    kubeconfig: flag('kubeconfig'),
  };
}

export async function exportClusterKubeconfig(ctx: CliContext, name: string, options: KubeconfigExport): Promise<void> {
  if (options.adminMillis && options.user) {
    throw new UserError('--admin and --user cannot be combined', 'use --admin for new credentials, or --user for an existing kubeconfig user');
  }
  const path = kubeconfigPath(options.kubeconfig, ctx.env);
  const pki = await openClusterPki(ctx, name);
  const server = await apiServerUrl(pki.cluster, {
    apiServer: options.apiServer,
    internal: options.internal,
    findLoadBalancerAddress: apiLoadBalancerAddress,
  });
  const ca = await pki.keystore.find('kubernetes-ca');
  if (!ca) throw new UserError(`cluster ${name} has no kubernetes-ca keyset yet`, 'run `kops update cluster --yes` first; it creates the cluster CAs');
  const credentials = options.adminMillis
    ? await issueAdminCredentials(pki.keystore, ctx.env.USER || 'admin', options.adminMillis, { now: ctx.clock, random32: systemIssueEnv.random32 })
    : undefined;
  await writeKubeconfig(path, { name, server, caBundlePem: trustedCertificateBundle(ca), credentials, user: options.user });
  ctx.stdout.write(`kOps has set your kubectl context to ${name}\n`);
  if (!credentials && !options.user) ctx.stderr.write('W: no credentials exported; use --admin for a cluster-admin certificate or --user for an existing user\n');
}
