import { UserError } from '../../errors.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterStore } from '../store.js';
import { withCliLocks } from '../lock.js';
import { clusterCloud } from '../../ops/operate/access.js';
import { deleteInstanceGroupResources } from '../../ops/operate/delete-group.js';

/** `kops delete instancegroup NAME [--yes]`: deletes the instance group's cloud resources, then removes it from the spec. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  expectArgs(inv, 1, 1, 'the name of the instance group to delete');
  const target = { clusterName: await ctx.clusterName(), name: inv.args[0] };
  let yes = inv.bool('yes');
  if (!yes) {
    // As the Go kops: on a terminal, ask; otherwise only say what would be deleted.
    const answer = await ctx.confirm(`Do you really want to delete instance group "${target.name}"? This action cannot be undone.`);
    if (answer === false) return 1;
    yes = answer === true;
  }
  return withCliLocks(ctx, inv, yes ? [target.clusterName] : [], async () => {
    await deleteInstanceGroups(await openClusterStore(ctx), ctx, [target], yes);
  });
}

/**
 * Shared with `kops delete -f`: checks that every group exists before deleting any; without `yes` it only says what
 * it would delete.
 */
export async function deleteInstanceGroups(
  store: ClusterStore,
  ctx: CliContext,
  targets: Array<{ clusterName: string; name: string }>,
  yes: boolean,
): Promise<void> {
  for (const { clusterName, name } of targets) {
    await store.requireCluster(clusterName);
    if (!(await store.getInstanceGroup(clusterName, name))) {
      throw new UserError(`instance group "${name}" not found in cluster "${clusterName}"`, `kops get instancegroups --name ${clusterName} lists them`);
    }
  }
  if (!yes) {
    for (const { name } of targets) ctx.stdout.write(`InstanceGroup "${name}" found for deletion\n`);
    ctx.stdout.write('\nMust specify --yes to delete\n');
    return;
  }
  for (const { clusterName, name } of targets) {
    // As the Go kops: the group's cloud resources go first, then its spec.
    const cloud = clusterCloud(await store.requireCluster(clusterName));
    const deleted = await deleteInstanceGroupResources(cloud, name);
    if (deleted) ctx.stderr.write(`Deleted autoscaling group ${deleted}, its instances and launch template\n`);
    await store.deleteInstanceGroup(clusterName, name);
    ctx.stdout.write(`InstanceGroup "${name}" deleted\n`);
  }
}
