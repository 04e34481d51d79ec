import { KOPS_COMPAT_VERSION, KOPS_TS_VERSION } from '../../version.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { openClusterStore } from '../store.js';

/** `kops version [--short] [--server]`. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  if (inv.bool('short')) {
    ctx.stdout.write(`${KOPS_TS_VERSION}\n`);
    return;
  }
  ctx.stdout.write(`Client version: ${KOPS_TS_VERSION} (kops-compatible ${KOPS_COMPAT_VERSION})\n`);
  if (inv.bool('server')) ctx.stdout.write(`Last applied server version: ${await serverVersion(ctx)}\n`);
}

/** The kops version recorded in the state store by the last update of the cluster, or why there is none. */
async function serverVersion(ctx: CliContext): Promise<string> {
  const name = await ctx.clusterName().catch(() => undefined);
  if (!name) return 'No cluster selected';
  const store = await openClusterStore(ctx);
  const recorded = await store.paths(name).kopsVersion.readIfExists();
  return recorded ? recorded.toString('utf8').trim() : 'Unknown';
}
