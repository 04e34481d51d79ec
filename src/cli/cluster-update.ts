import { prepareClusterUpdate as prepare, type Phase, type PrepareUpdateOptions, type PreparedUpdate } from '../ops/update/prepare.js';
import type { CliContext } from './context.js';
import { openClusterStore } from './store.js';

export type { Phase };

/** The update preparation of ops/ for the cluster named on the command line (or by the context). */
export async function prepareClusterUpdate(
  ctx: CliContext,
  positional: string | undefined,
  options: Omit<PrepareUpdateOptions, 'env' | 'clock'>,
): Promise<PreparedUpdate> {
  const store = await openClusterStore(ctx);
  const clusterName = await ctx.clusterName(positional);
  const prepared = await prepare(store, clusterName, { ...options, env: ctx.env, clock: ctx.clock });
  for (const name of prepared.update.createdKeysets) ctx.log(1, `created keyset ${name}`);
  return prepared;
}
