import { readChannel } from '../../addons/channel-apply/channel.js';
import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { parseOutputFormat, renderTable } from '../output.js';
import { openClusterStore } from '../store.js';

/** `kops toolbox addons list [CLUSTER]`: the add-ons of the bootstrap channel in the state store. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  const format = parseOutputFormat(inv.string('output'));
  const clusterName = await ctx.clusterName(inv.args[0]);
  const store = await openClusterStore(ctx);
  await store.requireCluster(clusterName);
  const channel = await readChannel(store.paths(clusterName).addons());
  if (!channel) {
    throw new UserError(`cluster ${clusterName} has no add-on channel in the state store yet`, `run kops update cluster ${clusterName} --yes first`);
  }
  if (format === 'json') ctx.stdout.write(JSON.stringify(channel.addons, null, 2) + '\n');
  else if (format === 'yaml') {
    const { stringify } = await import('../yaml-lazy.js');
    ctx.stdout.write(stringify(channel.addons, { lineWidth: 0 }));
  } else {
    const rows = channel.addons.map((a) => [a.name, a.version ?? '-', a.id ?? '-', a.manifest]);
    ctx.stdout.write(renderTable(['NAME', 'VERSION', 'ID', 'MANIFEST'], rows));
  }
}
