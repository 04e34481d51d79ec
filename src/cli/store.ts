import { ClusterStore } from '../statestore/clientset.js';
import { openVfs } from '../statestore/index.js';
import type { CliContext } from './context.js';

/** The cluster store at --state / $KOPS_STATE_STORE. */
export async function openClusterStore(ctx: CliContext): Promise<ClusterStore> {
  const url = await ctx.stateStoreUrl();
  ctx.log(2, `state store: ${url}`);
  return new ClusterStore(openVfs(url), { clock: ctx.clock, warn: (message) => ctx.stderr.write(`warning: ${message}\n`) });
}
