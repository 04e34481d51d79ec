import { UserError } from '../../errors.js';
import { usesLoadBalancerName } from '../../ops/api-endpoint.js';
import type { KubeApi, KubeNode } from '../../ops/kube.js';
import { joinGroups } from '../../ops/operate/instances.js';
import { replaceInstance, validateRetryMillis } from '../../ops/operate/rolling-update.js';
import { validateCluster } from '../../ops/operate/validate.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { withCliLocks } from '../lock.js';
import { openOperatedCluster } from '../operate.js';

/** `kops delete instance ID|NODE [--yes] [--surge]`: drains and terminates one instance; its group replaces it. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 1, 1, 'one instance id or node name');
  const wanted = inv.args[0];
  const cloudOnly = inv.bool('cloudonly');
  const cluster = await openOperatedCluster(ctx, inv, undefined);
  let kube: KubeApi | undefined;
  let nodes: KubeNode[] = [];
  if (!cloudOnly) {
    try {
      kube = await cluster.kube();
      nodes = await kube.listNodes();
    } catch (err) {
      throw new UserError((err as Error).message, 'use --cloudonly to delete without confirming progress with the Kubernetes API');
    }
  }
  const groups = joinGroups(await cluster.cloud.groups.list(cluster.clusterName), cluster.instanceGroups, nodes);
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
      {
        cluster: cluster.cluster,
        cloud: cluster.cloud,
        kube,
        validate: kube
          ? () => validateCluster({ clusterName: cluster.clusterName, publishesDns: !usesLoadBalancerName(cluster.cluster), instanceGroups: cluster.instanceGroups, cloud: cluster.cloud, kube: kube! })
          : undefined,
        log: (line) => ctx.stderr.write(line + '\n'),
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
      member,
      {
        force: true,
        cloudOnly,
        interactive: false,
        failOnDrainError: inv.bool('fail-on-drain-error'),
        failOnValidate: inv.bool('fail-on-validate-error'),
        postDrainDelayMillis: inv.number('post-drain-delay'),
        validationTimeoutMillis: inv.number('validation-timeout'),
        validateCount: inv.number('validate-count'),
        drainTimeoutMillis: 0,
        bastionIntervalMillis: 0,
        controlPlaneIntervalMillis: 0,
        nodeIntervalMillis: 0,
        validateRetryMillis: validateRetryMillis(inv.number('validation-timeout')),
        validateSuccessMillis: 10_000,
      },
      inv.bool('surge'),
    ),
  );
  ctx.stdout.write(`\nInstance ${member.id} deleted; group ${member.group.cloud.cloudName} replaces it\n`);
}
