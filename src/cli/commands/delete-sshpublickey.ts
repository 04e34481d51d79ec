import { UserError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { openClusterPki } from '../cluster-pki.js';
import { withCliLocks } from '../lock.js';

/** `kops delete sshpublickey [CLUSTER]`: removes the cluster's `admin` SSH key. */
export async function run(inv: Invocation, ctx: CliContext): Promise<void> {
  expectArgs(inv, 0, 1, 'at most a cluster name');
  return withCliLocks(ctx, inv, [await ctx.clusterName(inv.args[0])], async () => {
    const pki = await openClusterPki(ctx, inv.args[0]);
    const removed = await pki.sshKeys.remove('admin');
    if (removed === 0) throw new UserError(`cluster ${pki.clusterName} has no SSH public key`);
    ctx.stdout.write(`Deleted the SSH public key of cluster ${pki.clusterName}\n`);
  });
}
