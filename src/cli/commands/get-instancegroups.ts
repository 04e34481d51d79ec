import type { InstanceGroup } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { instanceGroupTable, parseOutputFormat, writeObjects } from '../output.js';
import { openClusterStore } from '../store.js';

/** `kops get instancegroups [NAME]...` for the cluster named by --name / $KOPS_CLUSTER_NAME. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  const format = parseOutputFormat(inv.string('output'));
  const clusterName = await ctx.clusterName();
  const store = await openClusterStore(ctx);
  const cluster = await store.requireCluster(clusterName);
  const all = await store.listInstanceGroups(clusterName);
  let groups: InstanceGroup[] = all;
  if (inv.args.length > 0) {
    groups = inv.args.map((name) => {
      const group = all.find((g) => g.metadata.name === name);
      if (!group) throw new UserError(`instance group "${name}" not found in cluster "${clusterName}"`, `kops get instancegroups --name ${clusterName} lists them`);
      return group;
    });
  }
  if (groups.length === 0) {
    ctx.stderr.write('No InstanceGroup objects found\n');
    return;
  }
  if (format === 'table') ctx.stdout.write(instanceGroupTable(cluster, groups));
  else writeObjects(ctx.stdout, groups, format);
}
