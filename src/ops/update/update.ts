import type { LifecycleOverrides } from '../../engine/lifecycle.js';
import { UserError } from '../../errors.js';
import { openVfs } from '../../statestore/index.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import { updateDirect } from '../../targets/direct/apply.js';
import { writeTerraformOutput } from '../../targets/terraform/output-dir.js';
import { renderTerraform, type TerraformOutput } from '../../targets/terraform/render.js';
import { selectInstanceGroups } from '../operate/select.js';
import { limitToInstanceGroups } from './instance-group-filter.js';
import { prepareClusterUpdate, type PrepareUpdateOptions, type PreparedUpdate } from './prepare.js';

export interface UpdateClusterOptions extends Omit<PrepareUpdateOptions, 'persistKeysets' | 'lifecycleOverrides'> {
  target: 'direct' | 'terraform';
  /** Apply (direct) rather than preview; terraform output is always written. */
  yes: boolean;
  /** Folder the terraform target writes (default `out/terraform`). */
  out?: string;
  /** --instance-group / --instance-group-roles: only these groups' objects are managed. */
  instanceGroups?: readonly string[];
  instanceGroupRoles?: readonly string[];
  lifecycleOverrides?: LifecycleOverrides;
  /** The plan (stdout). */
  print: (text: string) => void;
  /** Progress, warnings and failures, one line each (stderr). */
  log: (line: string) => void;
}

export interface UpdateClusterResult {
  prepared: PreparedUpdate;
  /** The terraform output folder, for the terraform target. */
  out?: string;
  /** Direct target: changes were found (and, with yes, applied). */
  changes: boolean;
}

/**
 * The terraform target's output for a prepared update: `kubernetes.tf` and `data/`, and the state-store files of a
 * file:// store. `filesRegion` is the state-store bucket's region (default: the cluster's).
 */
export function renderClusterTerraform(prepared: PreparedUpdate, options: { filesRegion?: string } = {}): Promise<TerraformOutput> {
  const terraform = prepared.update.completed.spec.target?.terraform;
  return renderTerraform(prepared.update.tasks, {
    clusterName: prepared.opened.clusterName,
    region: prepared.region,
    filesRegion: options.filesRegion,
    cloud: prepared.terraform,
    providerExtraConfig: terraform?.providerExtraConfig,
    filesProviderExtraConfig: terraform?.filesProviderExtraConfig,
  });
}

/**
 * `update cluster`: builds the cluster's objects and writes them as terraform, or previews / applies them on the
 * cloud directly, then records the completed spec. The caller holds the cluster's lock.
 */
export async function updateCluster(store: ClusterStore, clusterName: string, options: UpdateClusterOptions): Promise<UpdateClusterResult> {
  const { target, yes } = options;
  const prepared = await prepareClusterUpdate(store, clusterName, {
    ...options,
    persistKeysets: yes || target === 'terraform',
    lifecycleOverrides: options.lifecycleOverrides && Object.fromEntries(options.lifecycleOverrides),
  });
  const { update } = prepared;
  const names = options.instanceGroups ?? [];
  const roles = options.instanceGroupRoles ?? [];
  if (names.length > 0 || roles.length > 0) {
    const selected = new Set(selectInstanceGroups(update.instanceGroups, names, roles, clusterName).map((ig) => ig.metadata.name));
    update.tasks = limitToInstanceGroups(update.tasks, update.instanceGroups.filter((ig) => !selected.has(ig.metadata.name)), clusterName);
  }

  if (target === 'terraform') {
    const out = options.out || 'out/terraform';
    const rendered = await renderClusterTerraform(prepared);
    for (const w of rendered.storeWrites) await openVfs(w.location).write(w.contents);
    await writeTerraformOutput(out, rendered.files);
    return { prepared, out, changes: true };
  }

  const { cloud } = prepared;
  if (!cloud) {
    throw new UserError(`update cluster: applying directly is not supported for ${(update.completed.spec.cloudProvider ?? 'this cloud').toUpperCase()} yet`, 'use --target terraform and apply the output with terraform');
  }
  const result = await updateDirect(update.tasks, { provider: cloud.direct(), yes, lifecycleOverrides: options.lifecycleOverrides, out: options.print, log: options.log });
  const changes = result.outcomes.some((o) => o.action === 'create' || o.action === 'update');
  if (yes) await store.writeCompletedSpec(update.completed);
  return { prepared, changes };
}
