import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { clusterTable, instanceGroupTable, parseOutputFormat, writeObjects } from '../output.js';
import { openClusterStore } from '../store.js';

/** `kops get [all] [CLUSTER]`: the cluster and its instance groups. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  if (inv.args.length > 1) throw new UserError(`expected one cluster name, got ${inv.args.join(' ')}`, `see '${inv.commandPath} --help'`);
  const format = parseOutputFormat(inv.string('output'));
  const clusterName = await ctx.clusterName(inv.args[0]);
  const store = await openClusterStore(ctx);
  const cluster = await store.requireCluster(clusterName);
  const groups = await store.listInstanceGroups(clusterName);
  if (format !== 'table') {
    writeObjects(ctx.stdout, [cluster, ...groups], format);
    return;
  }
  ctx.stdout.write('Cluster\n' + clusterTable([cluster]));
  if (groups.length > 0) ctx.stdout.write('\nInstance Groups\n' + instanceGroupTable(cluster, groups));
}
