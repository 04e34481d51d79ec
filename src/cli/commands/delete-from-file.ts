import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { readManifests } from '../manifests.js';
import { openClusterStore } from '../store.js';
import { deleteCluster } from './delete-cluster.js';
import { deleteInstanceGroups } from './delete-instancegroup.js';

/** `kops delete -f FILE... [--yes]`: deletes the clusters (with their cloud resources) or instance groups described in the files. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  if (inv.args.length > 0) throw new UserError(`unknown command "${inv.args[0]}" for "kops delete"`, "see 'kops delete --help'");
  const manifests = await readManifests(ctx, inv.strings('filename'), inv.commandPath, 'delete');
  if (manifests.clusters.length > 0) {
    // Deleting a cluster deletes its instance groups with it.
    for (const { object } of manifests.clusters) {
      const code = await deleteCluster(ctx, object.metadata.name!, { yes: inv.bool('yes') });
      if (code !== 0) return code;
    }
    return;
  }
  if (manifests.sshCredentials.length > 0 || manifests.additional.length > 0) {
    const first = manifests.sshCredentials[0] ?? manifests.additional[0];
    throw new UserError(`${first.source}: kops delete -f only deletes InstanceGroup objects`, 'use kops delete sshpublickey for SSH keys');
  }
  const store = await openClusterStore(ctx);
  const targets = manifests.instanceGroups.map(({ object, clusterName }) => ({ clusterName, name: object.metadata.name ?? '' }));
  await deleteInstanceGroups(store, ctx, targets, inv.bool('yes'));
}
