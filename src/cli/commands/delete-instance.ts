import { UserError } from '../../errors.js';
import { groupNames, joinGroups } from '../../ops/operate/instances.js';
import { replaceInstance, rollDeps } from '../../ops/operate/rolling-update.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { withCliLocks } from '../lock.js';
import { nodesUnlessCloudOnly, openOperatedCluster, rollFlags } from '../operate.js';

/** `kops delete instance ID|NODE [--yes] [--surge]`: drains and terminates one instance; its group replaces it. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 1, 1, 'one instance id or node name');
  const wanted = inv.args[0];
  const cloudOnly = inv.bool('cloudonly');
  const cluster = await openOperatedCluster(ctx, inv, undefined);
  const { kube, nodes } = await nodesUnlessCloudOnly(cluster, cloudOnly, 'delete');
  const groups = joinGroups(await cluster.cloud.groups.list(cluster.clusterName, groupNames(cluster.instanceGroups)), cluster.instanceGroups, nodes);
  const member = groups.flatMap((g) => g.members).find((m) => m.id === wanted || (!cloudOnly && m.node?.metadata?.name === wanted));
  if (!member) throw new UserError(`could not find instance ${wanted} in cluster ${cluster.clusterName}`, `kops get instances --name ${cluster.clusterName} lists them`);
  if (cloudOnly) ctx.stdout.write(`Instance ${member.id} found for deletion\n`);
  else if (member.node) ctx.stdout.write(`Instance ${member.id} (${member.node.metadata?.name}) found for deletion\n`);
  else throw new UserError(`instance ${member.id} has no node in the cluster`, 'use --cloudonly to delete it without confirming progress with the Kubernetes API');
  if (!inv.bool('yes')) {
    ctx.stdout.write('\nMust specify --yes to delete instance\n');
    return;
  }
  await withCliLocks(ctx, inv, [cluster.clusterName], () =>
    replaceInstance(
      rollDeps(cluster, kube, { log: (line) => ctx.stderr.write(line + '\n') }),
      member,
      {
        force: true,
        cloudOnly,
        interactive: false,
        ...rollFlags(inv),
        drainTimeoutMillis: 0,
        bastionIntervalMillis: 0,
        controlPlaneIntervalMillis: 0,
        nodeIntervalMillis: 0,
      },
      inv.bool('surge'),
    ),
  );
  ctx.stdout.write(`\nInstance ${member.id} deleted; group ${member.group.cloud.cloudName} replaces it\n`);
}
