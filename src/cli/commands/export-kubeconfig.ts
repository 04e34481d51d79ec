import { UserError } from '../../errors.js';
import { exportKubeconfig, type KubeconfigExport } from '../../ops/export-kubeconfig.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterStore } from '../store.js';

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

/** Exports the cluster's kubeconfig entries and says so (with a warning when the context has no credentials). */
export async function exportClusterKubeconfig(ctx: CliContext, name: string, options: KubeconfigExport): Promise<void> {
  const exported = await exportKubeconfig(await openClusterStore(ctx), name, options, { env: ctx.env, clock: ctx.clock });
  ctx.stdout.write(`kOps has set your kubectl context to ${name}\n`);
  if (!exported.withCredentials) ctx.stderr.write('W: no credentials exported; use --admin for a cluster-admin certificate or --user for an existing user\n');
}
