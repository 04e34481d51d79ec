import { encodeObject } from '../../apis/codec.js';
import { API_VERSION, CLUSTER_LABEL, type InstanceGroup } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import { fillNewInstanceGroupDefaults } from '../../ops/instancegroups.js';
import { checkBeforeWrite, mergeGroups } from '../checks.js';
import type { CliContext } from '../context.js';
import { runEditSession } from '../editor.js';
import { expectArgs, type Invocation } from '../invocation.js';
import { parseOutputFormat, writeObjects } from '../output.js';
import { decodeSingle } from '../manifests.js';
import { openClusterStore } from '../store.js';
import { withCliLocks } from '../lock.js';

/** Roles as `--role` accepts them (case-insensitive) → the v1alpha2 spelling. */
const ROLES: Record<string, { api: InstanceGroup['spec']['role']; size: number }> = {
  'control-plane': { api: 'Master', size: 1 },
  controlplane: { api: 'Master', size: 1 },
  master: { api: 'Master', size: 1 },
  apiserver: { api: 'APIServer', size: 2 },
  node: { api: 'Node', size: 2 },
  bastion: { api: 'Bastion', size: 1 },
};

/** `kops create instancegroup NAME`: a default InstanceGroup for the role, edited or printed before it is saved. */
export async function run(inv: Invocation, ctx: CliContext): Promise<number | void> {
  expectArgs(inv, 1, 1, 'the name of the instance group to create');
  const name = inv.args[0];
  const role = ROLES[inv.string('role').toLowerCase()];
  if (!role) throw new UserError(`--role: unknown role "${inv.string('role')}"`, 'use control-plane, node or bastion');
  const dryRun = inv.bool('dry-run');
  const output = inv.string('output');
  if (dryRun && !output) throw new UserError('--dry-run needs --output', 'add -o yaml or -o json');
  const format = output ? parseOutputFormat(output, ['yaml', 'json']) : undefined;
  const subnets = inv.strings('subnet');
  if (subnets.length === 0) throw new UserError('cannot create an instance group without subnets', 'name them with --subnet (kops get cluster -o yaml lists them)');

  const clusterName = await ctx.clusterName();
  return withCliLocks(ctx, inv, [clusterName], async () => {
    const store = await openClusterStore(ctx);
    const cluster = await store.requireCluster(clusterName);
    const groups = await store.listInstanceGroups(clusterName);
    if (groups.some((g) => g.metadata.name === name)) {
      throw new UserError(`instance group "${name}" already exists in cluster "${clusterName}"`, 'use kops edit instancegroup to change it');
    }
    const group: InstanceGroup = {
      apiVersion: API_VERSION,
      kind: 'InstanceGroup',
      metadata: { name, labels: { [CLUSTER_LABEL]: clusterName } },
      spec: {
        role: role.api,
        subnets,
        ...(inv.strings('zone').length ? { zones: inv.strings('zone') } : {}),
        minSize: role.size,
        maxSize: role.size,
        nodeLabels: { 'kops.k8s.io/instancegroup': name },
      },
    };
    checkBeforeWrite(cluster, mergeGroups(groups, [group]), [{ object: group, source: inv.commandPath }]);
    await fillNewInstanceGroupDefaults(cluster, group);

    if (dryRun) {
      writeObjects(ctx.stdout, [group], format!);
      return;
    }
    if (!inv.bool('edit')) {
      await store.createInstanceGroup(clusterName, group);
      return;
    }
    return runEditSession<InstanceGroup>(ctx, {
      initial: encodeObject(group),
      async parse(text) {
        const edited = decodeSingle(text, 'InstanceGroup');
        if (edited.metadata.name !== name) throw new UserError(`InstanceGroup metadata.name: cannot be changed from "${name}"`, 'keep the name given on the command line');
        checkBeforeWrite(cluster, mergeGroups(groups, [edited]), [{ object: edited, source: 'edited InstanceGroup' }]);
        return edited;
      },
      save: async (edited) => {
        await store.createInstanceGroup(clusterName, edited);
      },
    });
  });
}
