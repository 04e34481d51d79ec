import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { unknownCommandError } from '../parse.js';
import { commandTree } from '../tree.js';
import { readManifests } from '../manifests.js';
import { openClusterStore } from '../store.js';
import { deleteCluster } from './delete-cluster.js';
import { deleteInstanceGroups } from './delete-instancegroup.js';
import { withCliLocks } from '../lock.js';

/**
 * `kops delete -f FILE... [--yes]`: deletes the clusters (with everything they own) and instance groups described
 * in the files. Instance groups of a cluster deleted here go with it, as in the Go kops.
 */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  if (inv.args.length > 0) throw unknownCommandError(commandTree.children!.find((c) => c.name === 'delete')!, inv.args[0], inv.commandPath);
  const manifests = await readManifests(ctx, inv.strings('filename'), inv.commandPath, 'delete');
  if (manifests.sshCredentials.length > 0 || manifests.additional.length > 0) {
    const first = manifests.sshCredentials[0] ?? manifests.additional[0];
    throw new UserError(`${first.source}: kops delete -f deletes Cluster and InstanceGroup objects only`, 'use kops delete sshpublickey for SSH keys');
  }
  const yes = inv.bool('yes');
  return withCliLocks(ctx, inv, yes ? [...manifests.clusters.map((c) => c.object.metadata.name ?? ''), ...manifests.instanceGroups.map((g) => g.clusterName)] : [], async () => {
    const deletedClusters = new Set<string>();
    for (const { object } of manifests.clusters) {
      const name = object.metadata.name ?? '';
      const code = await deleteCluster(ctx, name, { yes });
      if (code !== 0) return code;
      deletedClusters.add(name);
    }
    const targets = manifests.instanceGroups
      .filter(({ clusterName }) => !deletedClusters.has(clusterName))
      .map(({ object, clusterName }) => ({ clusterName, name: object.metadata.name ?? '' }));
    if (targets.length > 0) await deleteInstanceGroups(await openClusterStore(ctx), ctx, targets, yes);
  });
}
