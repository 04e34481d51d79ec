import { encodeObject } from '../../apis/codec.js';
import type { Cluster } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import { setClusterFields, unsetClusterFields } from '../../populate/create/set-fields.js';
import { checkBeforeWrite } from '../checks.js';
import type { CliContext } from '../context.js';
import { runEditSession } from '../editor.js';
import type { Invocation } from '../invocation.js';
import { decodeSingle } from '../manifests.js';
import { openClusterStore } from '../store.js';
import { withCliLocks } from '../lock.js';

/** `kops edit cluster [CLUSTER]`: edit the stored Cluster in an editor; saved only when valid. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  if (inv.args.length > 1) throw new UserError(`expected one cluster name, got ${inv.args.join(' ')}`, `see '${inv.commandPath} --help'`);
  const clusterName = await ctx.clusterName(inv.args[0]);
  return withCliLocks(ctx, inv, [clusterName], async () => {
    const store = await openClusterStore(ctx);
    const original = await store.requireCluster(clusterName);
    const groups = await store.listInstanceGroups(clusterName);
    if (inv.strings('set').length > 0 || inv.strings('unset').length > 0) {
      // Without an editor: apply the field changes, validate, save.
      const changed = structuredClone(original);
      unsetClusterFields(changed, inv.strings('unset'));
      setClusterFields(changed, inv.strings('set'));
      checkBeforeWrite(changed, groups, [{ object: changed, source: '--set/--unset' }]);
      await store.updateCluster(changed);
      return;
    }
    return runEditSession<Cluster>(ctx, {
      initial: encodeObject(original),
      async parse(text) {
        const cluster = decodeSingle(text, 'Cluster');
        if (cluster.metadata.name !== clusterName) {
          throw new UserError(`Cluster metadata.name: cannot be changed (was "${clusterName}", now "${cluster.metadata.name ?? ''}")`, 'keep the original name');
        }
        checkBeforeWrite(cluster, groups, [{ object: cluster, source: 'edited Cluster' }]);
        return cluster;
      },
      save: async (cluster) => {
        await store.updateCluster(cluster);
      },
    });
  });
}
