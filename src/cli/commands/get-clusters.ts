import type { Cluster } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { clusterTable, parseOutputFormat, writeObjects } from '../output.js';
import { openClusterStore } from '../store.js';

/** `kops get clusters [NAME]...`: the named clusters (or --name's, or all) as a table, YAML or JSON. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  const format = parseOutputFormat(inv.string('output'));
  if (inv.bool('full')) return (await import('./get-cluster-full.js')).run(inv, ctx);
  const store = await openClusterStore(ctx);
  const wanted = inv.args.length > 0 ? inv.args : inv.isSet('name') || ctx.env.KOPS_CLUSTER_NAME ? [await ctx.clusterName()] : [];
  const clusters: Cluster[] = [];
  if (wanted.length > 0) {
    for (const name of wanted) {
      const cluster = await store.getCluster(name);
      if (!cluster) throw new UserError(`cluster not found "${name}"`, 'kops get clusters lists the clusters in the state store');
      clusters.push(cluster);
    }
  } else {
    for (const name of await store.listClusters()) {
      const cluster = await store.getCluster(name);
      if (cluster) clusters.push(cluster);
    }
  }
  if (clusters.length === 0) throw new UserError(`no clusters found in state store ${await ctx.stateStoreUrl()}`, 'create one with kops create cluster or kops create -f');
  if (format === 'table') ctx.stdout.write(clusterTable(clusters));
  else writeObjects(ctx.stdout, clusters, format);
}
