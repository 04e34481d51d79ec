import { encodeObject } from '../../apis/codec.js';
import type { InstanceGroup } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import { checkBeforeWrite, mergeGroups } from '../checks.js';
import type { CliContext } from '../context.js';
import { runEditSession } from '../editor.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { decodeSingle } from '../manifests.js';
import { openClusterStore } from '../store.js';
import { withCliLocks } from '../lock.js';

/** `kops edit instancegroup NAME`: edit a stored InstanceGroup in an editor; saved only when valid. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  expectArgs(inv, 1, 1, 'the name of the instance group to edit');
  if (inv.strings('set').length > 0 || inv.strings('unset').length > 0) {
    ctx.stderr.write('not implemented yet: kops edit instancegroup --set/--unset\n');
    return 2;
  }
  const clusterName = await ctx.clusterName();
  const name = inv.args[0];
  return withCliLocks(ctx, inv, [clusterName], async () => {
    const store = await openClusterStore(ctx);
    const cluster = await store.requireCluster(clusterName);
    const groups = await store.listInstanceGroups(clusterName);
    const original = groups.find((g) => g.metadata.name === name);
    if (!original) throw new UserError(`instance group "${name}" not found in cluster "${clusterName}"`, `kops get instancegroups --name ${clusterName} lists them`);
    return runEditSession<InstanceGroup>(ctx, {
      initial: encodeObject(original),
      async parse(text) {
        const group = decodeSingle(text, 'InstanceGroup');
        if (group.metadata.name !== name) {
          throw new UserError(`InstanceGroup metadata.name: cannot be changed (was "${name}", now "${group.metadata.name ?? ''}")`, 'keep the original name');
        }
        checkBeforeWrite(cluster, mergeGroups(groups, [group]), [{ object: group, source: 'edited InstanceGroup' }]);
        return group;
      },
      save: async (group) => {
        await store.updateInstanceGroup(clusterName, group);
      },
    });
  });
}
