import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { openClusterStore } from '../store.js';

/**
 * `kops __names clusters|instancegroups`: names for the completion scripts, one per line. A shell completing a word
 * must never show errors, so any problem (no state store, no cluster) just yields no names.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  try {
    const store = await openClusterStore(ctx);
    const names =
      inv.args[0] === 'instancegroups'
        ? (await store.listInstanceGroups(await ctx.clusterName())).map((g) => g.metadata.name ?? '')
        : await store.listClusters();
    ctx.stdout.write(names.filter(Boolean).map((n) => n + '\n').join(''));
  } catch {
    // nothing to offer
  }
}
