import { openLookup, regionOfZone } from '../../cloud/index.js';
import { kopsArchitecture } from '../../cloud/lookup.js';
import { planUpgrade } from '../../ops/operate/upgrade.js';
import { loadChannel } from '../../populate/channel.js';
import { KOPS_COMPAT_VERSION } from '../../version.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { withCliLocks } from '../lock.js';
import { renderTable } from '../output.js';
import { openClusterStore } from '../store.js';

/**
 * `kops upgrade cluster [CLUSTER] [--yes] [--channel C] [--kubernetes-version V]`: the table of what moves to the
 * channel's recommendation; with --yes the spec is saved, and `kops update cluster` and `kops rolling-update cluster`
 * then carry it to the cloud and the machines.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  const clusterName = await ctx.clusterName(inv.args[0]);
  const store = await openClusterStore(ctx);
  const cluster = await store.requireCluster(clusterName);
  const instanceGroups = await store.listInstanceGroups(clusterName);
  const channelLocation = inv.string('channel') || cluster.spec.channel || 'stable';
  const zone = (cluster.spec?.subnets ?? []).map((s) => s.zone).find((z): z is string => !!z);
  const lookup = zone ? openLookup('aws', regionOfZone('aws', zone)) : undefined;
  const actions = await planUpgrade({
    cluster,
    instanceGroups,
    channel: await loadChannel(channelLocation),
    channelLocation,
    kubernetesVersion: inv.string('kubernetes-version') || undefined,
    kopsVersion: KOPS_COMPAT_VERSION,
    architectureOf: async (machineType) => {
      const info = await lookup?.instanceType(machineType).catch(() => undefined);
      return info ? kopsArchitecture(info.architectures) : undefined;
    },
    warn: (m) => ctx.stderr.write(`W: ${m}\n`),
  });
  if (actions.length === 0) {
    ctx.stderr.write('\nNo upgrade required\n');
    return;
  }
  ctx.stdout.write(renderTable(['ITEM', 'PROPERTY', 'OLD', 'NEW'], actions.map((a) => [a.item, a.property, a.old, a.new])));
  if (!inv.bool('yes')) {
    ctx.stdout.write('\nMust specify --yes to perform upgrade\n');
    return;
  }
  await withCliLocks(ctx, inv, [clusterName], async () => {
    for (const a of actions) a.apply();
    await store.updateCluster(cluster);
    for (const ig of instanceGroups) await store.updateInstanceGroup(clusterName, ig);
  });
  ctx.stdout.write(
    `\nUpdates applied to configuration.\nYou can now apply these changes, using \`kops update cluster ${clusterName}\`, then roll the machines with \`kops rolling-update cluster ${clusterName}\`\n`,
  );
}
