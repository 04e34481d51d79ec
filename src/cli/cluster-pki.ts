import { openCluster, type OpenedCluster } from '../ops/cluster.js';
import type { CliContext } from './context.js';
import { openClusterStore } from './store.js';

export type ClusterPki = OpenedCluster;

/** The keystore, secrets and SSH keys of an existing cluster (a UserError when the cluster is not in the store). */
export async function openClusterPki(ctx: CliContext, positional?: string): Promise<ClusterPki> {
  const store = await openClusterStore(ctx);
  return openCluster(store, await ctx.clusterName(positional), { clock: ctx.clock });
}
