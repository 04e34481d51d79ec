import { resolve } from 'node:path';
import { applyChannel } from '../../addons/channel-apply/apply.js';
import { readChannel, type Channel } from '../../addons/channel-apply/channel.js';
import { kubernetesClusterApi, loadKubeConfig } from '../../addons/channel-apply/kube-api.js';
import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openVfs } from '../../statestore/index.js';
import { openClusterStore } from '../store.js';

/**
 * `kops toolbox addons apply [CLUSTER | CHANNEL]`: applies a channel (by default the cluster's bootstrap channel in the
 * state store) to the cluster, as the Go `channels apply channel` does. Without --yes it only reports what would change.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name or a channel location');
  const channel = isChannelLocation(inv.args[0]) ? await channelAt(inv.args[0]) : await clusterChannel(ctx, inv.args[0]);
  const kubeconfig = inv.string('kubeconfig') || ctx.env.KUBECONFIG?.split(':')[0] || undefined;
  const dryRun = !inv.bool('yes');
  const results = await applyChannel(channel, kubernetesClusterApi(loadKubeConfig(kubeconfig)), { dryRun });
  for (const result of results) {
    if (result.error) ctx.stdout.write(`${result.name}\tfailed: ${result.error.message}\n`);
    else ctx.stdout.write(`${result.name}\t${dryRun && result.outcome !== 'unchanged' ? `would be ${result.outcome}` : result.outcome}\n`);
  }
  const failed = results.filter((r) => r.error);
  if (failed.length > 0) {
    throw new UserError(`${failed.length} add-on(s) could not be applied: ${failed.map((r) => r.name).join(', ')}`);
  }
  if (dryRun) ctx.stderr.write('\nMust specify --yes to apply changes\n');
}

/** A channel is named by its file (`s3://.../bootstrap-channel.yaml`, `/path/channel.yaml`); anything else is a cluster. */
function isChannelLocation(arg: string | undefined): arg is string {
  return arg !== undefined && (arg.includes('://') || arg.includes('/') || /\.ya?ml$/.test(arg));
}

async function channelAt(location: string): Promise<Channel> {
  const url = location.includes('://') ? location : `file://${resolve(location)}`;
  const slash = url.lastIndexOf('/');
  const channel = await readChannel(openVfs(url.slice(0, slash)), url.slice(slash + 1));
  if (!channel) throw new UserError(`channel ${url} does not exist`);
  return channel;
}

async function clusterChannel(ctx: CliContext, positional: string | undefined): Promise<Channel> {
  const clusterName = await ctx.clusterName(positional);
  const store = await openClusterStore(ctx);
  await store.requireCluster(clusterName);
  const channel = await readChannel(store.paths(clusterName).addons());
  if (!channel) {
    throw new UserError(`cluster ${clusterName} has no add-on channel in the state store yet`, `run kops update cluster ${clusterName} --yes first`);
  }
  return channel;
}
