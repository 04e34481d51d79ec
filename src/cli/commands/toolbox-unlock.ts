import { breakClusterLock, describeHolder, readLock } from '../../ops/lock.js';
import { openVfs } from '../../statestore/index.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';

/** `kops toolbox unlock --name CLUSTER [--yes]`: breaks a cluster's lock left by a command that is gone. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  expectArgs(inv, 0, 1, 'at most the name of the cluster');
  const name = await ctx.clusterName(inv.args[0]);
  const root = openVfs(await ctx.stateStoreUrl());
  const holder = await readLock(root, name);
  if (!holder) {
    ctx.stdout.write(`Cluster "${name}" is not locked\n`);
    return;
  }
  if (!inv.bool('yes')) {
    ctx.stdout.write(`Cluster "${name}" is locked by ${describeHolder(holder)}\n\nMust specify --yes to break the lock (only when that command is no longer running)\n`);
    return;
  }
  await breakClusterLock(root, name);
  ctx.stdout.write(`Broke the lock of cluster "${name}" held by ${describeHolder(holder)}\n`);
}
