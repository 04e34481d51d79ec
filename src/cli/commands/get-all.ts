import type { AdditionalObject } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { clusterTable, instanceGroupTable, parseOutputFormat, renderTable, writeObjects } from '../output.js';
import { openClusterStore } from '../store.js';

/** `kops get all [CLUSTER]` (and the older `kops get [CLUSTER]`): the cluster, its instance groups and add-on objects. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  if (inv.args.length > 1) throw new UserError(`expected one cluster name, got ${inv.args.join(' ')}`, `see '${inv.commandPath} --help'`);
  if (inv.path.length === 1) ctx.stderr.write('warning: `kops get [CLUSTER]` is deprecated: use `kops get all [CLUSTER]`\n');
  const format = parseOutputFormat(inv.string('output'));
  const clusterName = await ctx.clusterName(inv.args[0]);
  const store = await openClusterStore(ctx);
  const cluster = await store.requireCluster(clusterName);
  const groups = await store.listInstanceGroups(clusterName);
  const addons = await store.listAdditionalObjects(clusterName);
  if (format !== 'table') {
    writeObjects(ctx.stdout, [cluster, ...groups, ...addons], format);
    return;
  }
  ctx.stdout.write('Cluster\n' + clusterTable([cluster]));
  ctx.stdout.write('\nInstance Groups\n' + instanceGroupTable(cluster, groups));
  if (addons.length > 0) ctx.stdout.write('\nAddon Objects\n' + addonTable(addons));
}

function addonTable(objects: AdditionalObject[]): string {
  const field = (o: AdditionalObject, ...path: string[]) => {
    let v: unknown = o;
    for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    return typeof v === 'string' ? v : '';
  };
  return renderTable(['NAME', 'KIND', 'VERSION'], objects.map((o) => [field(o, 'metadata', 'name'), o.kind, field(o, 'spec', 'version')]));
}
