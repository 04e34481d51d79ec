import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { Invocation } from '../invocation.js';
import { readManifests } from '../manifests.js';
import { openClusterStore } from '../store.js';
import { deleteInstanceGroup } from './delete-instancegroup.js';

/** `kops delete -f FILE... [--yes]`: deletes the instance groups described in the files. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  if (inv.args.length > 0) throw new UserError(`unknown command "${inv.args[0]}" for "kops delete"`, "see 'kops delete --help'");
  const manifests = await readManifests(ctx, inv.strings('filename'), inv.commandPath, 'delete');
  if (manifests.clusters.length > 0) {
    const name = manifests.clusters[0].object.metadata.name;
    ctx.stderr.write(`deleting Cluster "${name}" needs kops delete cluster, which is not implemented yet\n`);
    return 2;
  }
  if (manifests.sshCredentials.length > 0 || manifests.additional.length > 0) {
    const first = manifests.sshCredentials[0] ?? manifests.additional[0];
    throw new UserError(`${first.source}: kops delete -f only deletes InstanceGroup objects`, 'use kops delete sshpublickey for SSH keys');
  }
  const store = await openClusterStore(ctx);
  for (const { object, clusterName } of manifests.instanceGroups) {
    await deleteInstanceGroup(store, ctx, clusterName, object.metadata.name!, inv.bool('yes'));
  }
}
