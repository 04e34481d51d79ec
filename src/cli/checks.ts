import { refusedFields } from '../apis/fields/refuse.js';
import { validateCluster, validationError } from '../apis/validation.js';
import type { Cluster, InstanceGroup } from '../apis/types.js';
import { UserError } from '../errors.js';

/** An object about to be written, and where it came from (a file name, `stdin`, `edited InstanceGroup`). */
export interface Incoming {
  object: Cluster | InstanceGroup;
  source: string;
}

/**
 * Validates a cluster with the instance groups it will have after a write, before anything is written. Only
 * problems of the incoming objects fail the command: a stored object that this tool would judge differently (say,
 * written by another kops version) must not block an unrelated change.
 */
export function checkBeforeWrite(cluster: Cluster, groups: readonly InstanceGroup[], incoming: readonly Incoming[]): void {
  checkNoRefusedIncoming(cluster, incoming);
  const sources = new Map(incoming.map((i) => [`${i.object.kind} ${JSON.stringify(i.object.metadata?.name ?? '')}`, i.source]));
  const errors = validateCluster(cluster, groups).filter((e) => sources.has(e.object));
  if (errors.length === 0) return;
  const error = validationError(errors);
  throw new UserError(`${sources.get(errors[0].object)}: ${error.message}`, error.hint);
}

/** The instance groups of a cluster after `incoming` ones are written over `stored` ones (matched by name). */
export function mergeGroups(stored: readonly InstanceGroup[], incoming: readonly InstanceGroup[]): InstanceGroup[] {
  const names = new Set(incoming.map((g) => g.metadata.name));
  return [...stored.filter((g) => !names.has(g.metadata.name)), ...incoming];
}

/** Fields the cluster's cloud refuses (another cloud's block, a feature not built yet), each named on its own line. */
function checkNoRefusedIncoming(cluster: Cluster, incoming: readonly Incoming[]): void {
  const lines = incoming.flatMap((i) => refusedFields(i.object, cluster.spec?.cloudProvider).map((r) => `${i.source}: ${r.object}: ${r.path} ${r.reason}`));
  if (lines.length > 0) throw new UserError(lines.join('\n'), 'remove the field; nothing was written');
}
