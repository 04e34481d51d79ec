import { encodeObject } from '../../apis/codec.js';
import { UserError } from '../../errors.js';
import { completeStoredCluster } from '../../populate/completed/from-store.js';
import type { CompletedCluster } from '../../populate/completed/index.js';
import { annotateWithOrigins } from '../../populate/completed/show-origin.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { clusterTable, parseOutputFormat, writeObjects } from '../output.js';
import { openClusterStore } from '../store.js';

/**
 * `kops get cluster [NAME]... --full [--show-origin]`: each cluster's completed spec, every default filled in, as
 * YAML, JSON or the clusters table. With --show-origin the YAML carries a `# <origin>` comment on every value
 * (user, or the rule that filled it).
 */
export async function run(invocation: Invocation, ctx: CliContext): Promise<void> {
  const store = await openClusterStore(ctx);
  const names = invocation.args.length > 0 ? invocation.args : await defaultClusterNames(ctx, store);
  const completed: CompletedCluster[] = [];
  for (const name of names) completed.push(await completeStoredCluster(store, name));

  const format = parseOutputFormat(invocation.string('output'));
  if (invocation.bool('show-origin')) {
    ctx.stdout.write(completed.map((c) => annotateWithOrigins(encodeObject(c.cluster), c.origins)).join('\n---\n\n'));
  } else if (format === 'table') {
    ctx.stdout.write(clusterTable(completed.map((c) => c.cluster)));
  } else {
    writeObjects(ctx.stdout, completed.map((c) => c.cluster), format);
  }
}

/** The cluster named by --name / $KOPS_CLUSTER_NAME / the config file, else every cluster of the store. */
async function defaultClusterNames(ctx: CliContext, store: ClusterStore): Promise<string[]> {
  try {
    return [await ctx.clusterName()];
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const all = await store.listClusters();
    if (all.length === 0) throw new UserError(`no clusters found in state store ${await ctx.stateStoreUrl()}`, 'create one with kops create cluster');
    return all.sort();
  }
}
