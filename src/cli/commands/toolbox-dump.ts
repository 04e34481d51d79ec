import { UserError } from '../../errors.js';
import { dumpCluster } from '../../ops/operate/dump.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openOperatedCluster } from '../operate.js';

/**
 * `kops toolbox dump [CLUSTER] [-o yaml|json]`: the cluster's instances, groups, VPC and subnets from the cloud, and its
 * nodes when the Kubernetes API answers. Collecting logs from the machines over SSH (--dir) is not supported.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  const output = inv.string('output');
  if (output !== 'yaml' && output !== 'json') throw new UserError(`unsupported output format "${output}"`, 'use -o yaml or -o json');
  if (inv.string('dir')) {
    throw new UserError('--dir: collecting node logs over SSH is not supported', 'run the dump without --dir; use kubectl logs or SSH to the node for its logs');
  }
  // As the Go kops, the dump reads nodes through the kubeconfig's context of the cluster.
  const cluster = await openOperatedCluster(ctx, inv, inv.args[0], { useKubeconfig: true });
  if (!inv.bool('cloud-resources')) return;
  let nodesError: string | undefined;
  const kube = await cluster.kube().catch((err: Error) => void (nodesError = err.message));
  const result = await dumpCluster(cluster.clusterName, cluster.instanceGroups, cluster.cloud, kube ?? undefined);
  nodesError ??= result.nodesError;
  const dump = result.dump;
  if (nodesError) ctx.stderr.write(`W: nodes left out of the dump: ${nodesError}\n`);
  ctx.stdout.write(output === 'json' ? JSON.stringify(dump, null, 2) + '\n' : (await import('../yaml-lazy.js')).stringify(dump));
}
