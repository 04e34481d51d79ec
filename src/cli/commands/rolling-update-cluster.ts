import { usesLoadBalancerName } from '../../ops/api-endpoint.js';
import type { KubeApi, KubeNode } from '../../ops/kube.js';
import { joinGroups, needingUpdate, upToDate, type Group } from '../../ops/operate/instances.js';
import { rollingUpdate, validateRetryMillis } from '../../ops/operate/rolling-update.js';
import { selectInstanceGroups } from '../../ops/operate/select.js';
import { validateCluster } from '../../ops/operate/validate.js';
import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { withCliLocks } from '../lock.js';
import { openOperatedCluster } from '../operate.js';
import { renderTable } from '../output.js';

/** The Go kops's pauses between validation attempts while rolling (see validateRetryMillis for the retry). */
const VALIDATE_SUCCESS_MILLIS = 10_000;

/**
 * `kops rolling-update cluster [CLUSTER]`: the table of groups and what needs replacing; with --yes, replaces the
 * instances that run an old configuration (all with --force), draining and validating between them.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  return withCliLocks(ctx, inv, inv.bool('yes') ? [await ctx.clusterName(inv.args[0])] : [], async () => {
    const cloudOnly = inv.bool('cloudonly');
    const cluster = await openOperatedCluster(ctx, inv, inv.args[0]);
    let kube: KubeApi | undefined;
    let nodes: KubeNode[] = [];
    if (!cloudOnly) {
      try {
        kube = await cluster.kube();
        nodes = await kube.listNodes();
      } catch (err) {
        throw new UserError((err as Error).message, 'use --cloudonly to roll without confirming progress with the Kubernetes API');
      }
    }
    const selected = selectInstanceGroups(cluster.instanceGroups, inv.strings('instance-group'), inv.strings('instance-group-roles'), cluster.clusterName);
    const groups = joinGroups(await cluster.cloud.groups.list(cluster.clusterName), selected, nodes);
    ctx.stdout.write(groupTable(groups, cloudOnly));
    const force = inv.bool('force');
    if (!force && groups.every((g) => needingUpdate(g).length === 0)) {
      ctx.stdout.write('\nNo rolling-update required.\n');
      return;
    }
    if (!inv.bool('yes')) {
      ctx.stdout.write('\nMust specify --yes to rolling-update.\n');
      return;
    }
    const log = (line: string) => ctx.stderr.write(line + '\n');
    await withCliLocks(ctx, inv, [cluster.clusterName], () => rollingUpdate(
      {
        cluster: cluster.cluster,
        cloud: cluster.cloud,
        kube,
        validate: kube
          ? () =>
              validateCluster({
                clusterName: cluster.clusterName,
                publishesDns: !usesLoadBalancerName(cluster.cluster),
                instanceGroups: cluster.instanceGroups,
                cloud: cluster.cloud,
                kube: kube!,
              })
          : undefined,
        log,
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        prompt: askOnStdin,
      },
      groups,
      {
        force,
        cloudOnly,
        interactive: inv.bool('interactive'),
        failOnDrainError: inv.bool('fail-on-drain-error'),
        failOnValidate: inv.bool('fail-on-validate-error'),
        postDrainDelayMillis: inv.number('post-drain-delay'),
        validationTimeoutMillis: inv.number('validation-timeout'),
        validateCount: inv.number('validate-count'),
        drainTimeoutMillis: inv.number('drain-timeout'),
        bastionIntervalMillis: inv.number('bastion-interval'),
        controlPlaneIntervalMillis: inv.number('control-plane-interval'),
        nodeIntervalMillis: inv.number('node-interval'),
        validateRetryMillis: validateRetryMillis(inv.number('validation-timeout')),
        validateSuccessMillis: VALIDATE_SUCCESS_MILLIS,
      },
    ));
    const names = groups.map((g) => g.spec.metadata.name).sort();
    ctx.stdout.write(`\nCompleted rolling update for cluster ${cluster.clusterName} instance groups [${names.join(' ')}]\n`);
  });
}

function groupTable(groups: Group[], cloudOnly: boolean): string {
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
