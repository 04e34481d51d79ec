import { reconcileCluster, type ReconcileStep } from '../../ops/operate/reconcile.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { withCliLocks } from '../lock.js';
import { kubeAccessFlags } from '../operate.js';
import { openClusterStore } from '../store.js';
import { groupTable, rollCompleted } from './rolling-update-cluster.js';
import { runClusterUpdate } from './update-cluster.js';

const STEP_TITLES: Record<ReconcileStep, string> = {
  'update-control-plane': 'Updating control plane configuration',
  'wait-for-api': 'Waiting for the kubernetes API to be served',
  'roll-control-plane': 'Performing rolling-update for control plane',
  'update-nodes': 'Updating node configuration',
  'roll-nodes': 'Performing rolling-update for nodes',
  prune: 'Pruning old resources that are no longer used',
};

/**
 * `kops reconcile cluster [CLUSTER] [--yes]`: `update cluster` and `rolling-update cluster` in the Go kops's order —
 * control-plane configuration, wait for the API, roll the control plane, node configuration, roll the nodes, prune.
 * Without --yes it is the `update cluster` preview.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  const clusterName = await ctx.clusterName(inv.args[0]);
  if (!inv.bool('yes')) return runClusterUpdate(ctx, clusterName, { target: 'direct', yes: false });
  const access = kubeAccessFlags(inv, ctx);
  await withCliLocks(ctx, inv, [clusterName], async () =>
    reconcileCluster(await openClusterStore(ctx), clusterName, {
      env: ctx.env,
      clock: ctx.clock,
      access: { apiServer: access.apiServer, useKubeconfig: access.useKubeconfig, kubeconfig: access.kubeconfig },
      print: (text) => ctx.stdout.write(text),
      log: (line) => ctx.stderr.write(line + '\n'),
      events: {
        step: (step) => ctx.stdout.write(`${STEP_TITLES[step]}\n`),
        updated: (result) => {
          for (const name of result.prepared.update.createdKeysets) ctx.log(1, `created keyset ${name}`);
          ctx.stdout.write('\nCluster changes have been applied to the cloud.\n\n');
        },
        rollPlanned: (groups) => ctx.stdout.write(groupTable(groups, false)),
        rollDone: (groups, rolled) => ctx.stdout.write(rolled ? rollCompleted(clusterName, groups) : '\nNo rolling-update required.\n'),
        waitRetry: (why) => ctx.stderr.write(`W: (will retry): ${why}\n`),
      },
    }),
  );
  ctx.stdout.write(`\nCluster ${clusterName} reconciled\n`);
}
