import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { planManifestWrites, writeManifests } from '../manifest-writes.js';
import { checkNoDuplicates, readManifests } from '../manifests.js';
import { openClusterStore } from '../store.js';
import { manifestClusters, withCliLocks } from '../lock.js';

/** `kops replace -f FILE... [--force]`: overwrite stored objects; with --force, create the missing ones. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  if (inv.args.length > 0) throw new UserError(`unexpected argument "${inv.args[0]}"`, "see 'kops replace --help'");
  const manifests = await readManifests(ctx, inv.strings('filename'), inv.commandPath, 'replace');
  checkNoDuplicates(manifests);
  return withCliLocks(ctx, inv, manifestClusters(manifests), async () => {
    const store = await openClusterStore(ctx);
    const plan = await planManifestWrites(store, manifests, { verb: 'replace', force: inv.bool('force') });
    await writeManifests(store, plan);
  });
}
