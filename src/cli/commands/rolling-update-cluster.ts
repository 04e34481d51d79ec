import { needingUpdate, upToDate, type Group } from '../../ops/operate/instances.js';
import { needsRoll, rollDeps, rolledGroups, rollingUpdate } from '../../ops/operate/rolling-update.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { withCliLocks } from '../lock.js';
import { nodesUnlessCloudOnly, openOperatedCluster, rollFlags } from '../operate.js';
import { renderTable } from '../output.js';

/**
 * `kops rolling-update cluster [CLUSTER]`: the table of groups and what needs replacing; with --yes, replaces the
 * instances that run an old configuration (all with --force), draining and validating between them.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  return withCliLocks(ctx, inv, inv.bool('yes') ? [await ctx.clusterName(inv.args[0])] : [], async () => {
    const cloudOnly = inv.bool('cloudonly');
    const cluster = await openOperatedCluster(ctx, inv, inv.args[0]);
    const { kube, nodes } = await nodesUnlessCloudOnly(cluster, cloudOnly, 'roll');
    const groups = await rolledGroups(cluster, nodes, inv.strings('instance-group'), inv.strings('instance-group-roles'));
    ctx.stdout.write(groupTable(groups, cloudOnly));
    const force = inv.bool('force');
    if (!needsRoll(groups, force)) {
      ctx.stdout.write('\nNo rolling-update required.\n');
      return;
    }
    if (!inv.bool('yes')) {
      ctx.stdout.write('\nMust specify --yes to rolling-update.\n');
      return;
    }
    await withCliLocks(ctx, inv, [cluster.clusterName], () => rollingUpdate(
      rollDeps(cluster, kube, { log: (line) => ctx.stderr.write(line + '\n'), prompt: askOnStdin }),
      groups,
      {
        force,
        cloudOnly,
        interactive: inv.bool('interactive'),
        ...rollFlags(inv),
        drainTimeoutMillis: inv.number('drain-timeout'),
        bastionIntervalMillis: inv.number('bastion-interval'),
        controlPlaneIntervalMillis: inv.number('control-plane-interval'),
        nodeIntervalMillis: inv.number('node-interval'),
      },
    ));
    ctx.stdout.write(rollCompleted(cluster.clusterName, groups));
  });
}

/** The line closing a roll that replaced instances. */
export function rollCompleted(clusterName: string, groups: readonly Group[]): string {
  const names = groups.map((g) => g.spec.metadata.name).sort();
  return `\nCompleted rolling update for cluster ${clusterName} instance groups [${names.join(' ')}]\n`;
}

/** The groups of a roll and what each needs replacing (NODES without --cloudonly). */
export function groupTable(groups: readonly Group[], cloudOnly: boolean): string {
  const headers = ['NAME', 'STATUS', 'NEEDUPDATE', 'READY', 'MIN', 'TARGET', 'MAX'];
  const rows = groups.map((g) => {
    const row = [
      g.spec.metadata.name ?? '',
      needingUpdate(g).length === 0 ? 'Ready' : 'NeedsUpdate',
      String(needingUpdate(g).length),
      String(upToDate(g).length),
      String(g.cloud.minSize),
      String(g.cloud.desiredCapacity),
      String(g.cloud.maxSize),
    ];
    if (!cloudOnly) row.push(String(g.members.filter((m) => m.node).length));
    return row;
  });
  return renderTable(cloudOnly ? headers : [...headers, 'NODES'], rows);
}

async function askOnStdin(question: string): Promise<'yes' | 'no' | 'always'> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    return answer === 'n' ? 'no' : answer === 'a' ? 'always' : 'yes';
  } finally {
    rl.close();
  }
}
