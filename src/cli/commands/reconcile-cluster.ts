import { UserError } from '../../errors.js';
import { usesLoadBalancerName } from '../../ops/api-endpoint.js';
import { roleClass } from '../../apis/instance-group-role.js';
import { validateCluster } from '../../ops/operate/validate.js';
import { validateUntilValid } from '../../ops/operate/validate-wait.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openOperatedCluster } from '../operate.js';

const CONTROL_PLANE_ROLES = 'control-plane,apiserver';
const API_WAIT_MILLIS = 10 * 60_000;
const API_WAIT_INTERVAL_MILLIS = 10_000;

/**
 * `kops reconcile cluster [CLUSTER] [--yes]`: `update cluster` and `rolling-update cluster` in the Go kops's order —
 * control-plane configuration, wait for the API, roll the control plane, node configuration, roll the nodes, prune.
 * Without --yes it is the `update cluster` preview.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  const clusterName = await ctx.clusterName(inv.args[0]);
  const { runCli } = await import('../run.js');
  const access = [
    ...(inv.isSet('api-server') ? ['--api-server', inv.string('api-server')] : []),
    ...(inv.bool('use-kubeconfig') ? ['--use-kubeconfig'] : []),
  ];
  const global = ['--name', clusterName, ...(inv.isSet('state') ? ['--state', inv.string('state')] : [])];
  const step = async (argv: string[]): Promise<void> => {
    const code = await runCli([...argv, ...global], { stdout: ctx.stdout, stderr: ctx.stderr, env: ctx.env, clock: ctx.clock });
    if (code !== 0) throw new UserError(`reconcile stopped: kops ${argv.slice(0, 2).join(' ')} exited ${code}`, undefined, code);
  };
  const downgrade = inv.bool('allow-kops-downgrade') ? ['--allow-kops-downgrade'] : [];
  if (!inv.bool('yes')) return step(['update', 'cluster', ...downgrade]);

  ctx.stdout.write('Updating control plane configuration\n');
  await step(['update', 'cluster', '--yes', '--instance-group-roles', CONTROL_PLANE_ROLES, ...downgrade]);

  ctx.stdout.write('Waiting for the kubernetes API to be served\n');
  const cluster = await openOperatedCluster(ctx, inv, clusterName);
  const kube = await cluster.kube();
  await validateUntilValid(
    () =>
      validateCluster({
        clusterName,
        publishesDns: !usesLoadBalancerName(cluster.cluster),
        instanceGroups: cluster.instanceGroups,
        cloud: cluster.cloud,
        kube,
        groupFilter: (ig) => ['control-plane', 'apiserver'].includes(roleClass(ig)),
        checkPods: false,
      }),
    {
      waitMillis: API_WAIT_MILLIS,
      count: 0,
      intervalMillis: API_WAIT_INTERVAL_MILLIS,
      now: () => ctx.clock().getTime(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      onResult: () => undefined,
      onRetry: (why) => ctx.stderr.write(`W: (will retry): ${why}\n`),
    },
  );

  ctx.stdout.write('Performing rolling-update for control plane\n');
  await step(['rolling-update', 'cluster', '--yes', '--instance-group-roles', CONTROL_PLANE_ROLES, ...access]);
  ctx.stdout.write('Updating node configuration\n');
  await step(['update', 'cluster', '--yes', ...downgrade]);
  ctx.stdout.write('Performing rolling-update for nodes\n');
  await step(['rolling-update', 'cluster', '--yes', ...access]);
  ctx.stdout.write('Pruning old resources that are no longer used\n');
  await step(['update', 'cluster', '--yes', '--prune', ...downgrade]);
  ctx.stdout.write(`\nCluster ${clusterName} reconciled\n`);
}
