import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterStore } from '../store.js';
import type { ClusterStore } from '../../statestore/clientset.js';

/** `kops delete instancegroup NAME [--yes]`: removes the instance group from the cluster specification. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  expectArgs(inv, 1, 1, 'the name of the instance group to delete');
  const clusterName = await ctx.clusterName();
  await deleteInstanceGroup(await openClusterStore(ctx), ctx, clusterName, inv.args[0], inv.bool('yes'));
}

/** Shared with `kops delete -f`: without `yes` it only says what it would delete. */
export async function deleteInstanceGroup(store: ClusterStore, ctx: CliContext, clusterName: string, name: string, yes: boolean): Promise<void> {
  await store.requireCluster(clusterName);
  if (!(await store.getInstanceGroup(clusterName, name))) {
    throw new UserError(`instance group "${name}" not found in cluster "${clusterName}"`, `kops get instancegroups --name ${clusterName} lists them`);
  }
  if (!yes) {
    ctx.stdout.write(`InstanceGroup "${name}" found for deletion\n\nMust specify --yes to delete\n`);
    return;
  }
  await store.deleteInstanceGroup(clusterName, name);
  ctx.stdout.write(`InstanceGroup "${name}" deleted\n`);
}
