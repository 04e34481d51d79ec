/**
 * The refusal check run before create -f, replace -f, edit and update write or build anything: every field set that
 * the registry refuses on the cluster's cloud is named, with why.
 */
import { UserError } from '../../errors.js';
import { ClusterSchema, InstanceGroupSchema } from '../schema.generated.js';
import { setLeaves } from './leaves.js';
import { cloudOfLeaf } from './clouds.js';
import { patternMatches, type ObjectKind } from './registry.js';
import { registryFor } from './index.js';

export interface Refusal {
  /** `Cluster "x"` or `InstanceGroup "y"`. */
  object: string;
  /** The first concrete path that sets the field, e.g. `spec.subnets[0].additionalRoutes[0].cidr`. */
  path: string;
  reason: string;
}

interface SpecObject {
  kind: string;
  metadata?: { name?: string };
  spec?: unknown;
}

/** The refused fields set in an object of a cluster running on `cloud` (none for a cloud without a registry). */
export function refusedFields(object: SpecObject, cloud: string | undefined): Refusal[] {
  if (object.kind !== 'Cluster' && object.kind !== 'InstanceGroup') return [];
  const kind = object.kind as ObjectKind;
  const registry = registryFor(cloud);
  if (!registry) return [];
  const subject = `${kind} ${JSON.stringify(object.metadata?.name ?? '')}`;
  const refusals: Refusal[] = [];
  for (const [leaf, places] of setLeaves(kind === 'Cluster' ? ClusterSchema : InstanceGroupSchema, object.spec)) {
    const owner = cloudOfLeaf(kind, leaf);
    if (owner && owner !== cloud) {
      refusals.push({ object: subject, path: places[0].path, reason: `is a setting of ${owner} clusters, and this cluster runs on ${cloud}` });
      continue;
    }
    const entry = registry.find((e) => e.class === 'refused' && e.kind === kind && patternMatches(e.path, leaf));
    if (entry?.class !== 'refused') continue;
    const refused = places.find((p) => !('only' in entry) || p.value === entry.only);
    if (refused) refusals.push({ object: subject, path: refused.path, reason: entry.reason });
  }
  return refusals;
}

/** Throws one error naming every refused field of these objects (a cluster and its instance groups). */
export function checkNoRefusedFields(objects: readonly SpecObject[], cloud: string | undefined, source?: string, hint = 'remove the field (kops edit cluster, kops edit instancegroup); nothing was changed'): void {
  const refusals = objects.flatMap((o) => refusedFields(o, cloud));
  if (refusals.length === 0) return;
  const lines = refusals.map((r) => `${source ? `${source}: ` : ''}${r.object}: ${r.path} ${r.reason}`);
  throw new UserError(lines.join('\n'), hint);
}
