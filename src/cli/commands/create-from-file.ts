import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { unknownCommandError } from '../parse.js';
import { commandTree } from '../tree.js';
import { planManifestWrites, writeManifests } from '../manifest-writes.js';
import { checkNoDuplicates, readManifests } from '../manifests.js';
import { openClusterStore } from '../store.js';
import { manifestClusters, withCliLocks } from '../lock.js';

/** `kops create -f FILE...`: every object is checked against the input and the store before the first write. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  if (inv.args.length > 0) throw unknownCommandError(commandTree.children!.find((c) => c.name === 'create')!, inv.args[0], inv.commandPath);
  const manifests = await readManifests(ctx, inv.strings('filename'), inv.commandPath, 'create');
  checkNoDuplicates(manifests);
  return withCliLocks(ctx, inv, manifestClusters(manifests), async () => {
    const store = await openClusterStore(ctx);
    const plan = await planManifestWrites(store, manifests, { verb: 'create' });
    const report = await writeManifests(store, plan);
    ctx.stdout.write('\n' + report.join('\n') + '\n');
    const clusterName = [...plan.clusters.map((c) => c.object.metadata.name), ...plan.instanceGroups.map((g) => g.clusterName)].pop();
    if (clusterName) ctx.stdout.write(`\nTo deploy these resources, run: kops update cluster --name ${clusterName} --yes\n\n`);
  });
}
