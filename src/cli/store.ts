import { ClusterStore } from '../statestore/clientset.js';
import { openVfs } from '../statestore/index.js';
import type { CliContext } from './context.js';

/** The cluster store at --state / $KOPS_STATE_STORE. */
export async function openClusterStore(ctx: CliContext): Promise<ClusterStore> {
  return new ClusterStore(openVfs(await ctx.stateStoreUrl()), { clock: ctx.clock });
}
