import { defineResource, type Val } from '../../../engine/resource.js';
import { gceOps, sameLink, sameLinks } from './common.js';
import { gceReason, gceStatus, relativeLink, type GceCompute, type Json } from '../compute.js';
import { discovery, foundObject, inRegion, type Found } from './discovery.js';

/** A zonal managed instance group running copies of an instance template. */
export interface GceInstanceGroupManagerSpec {
  name: string;
  zone: string;
  baseInstanceName: string;
  targetSize: number;
  version: { instanceTemplate: Val<string> };
  targetPools?: Val<string>[];
  listManagedInstancesResults: string;
  updatePolicy: { minimalAction: string; type: string };
}

export const GceInstanceGroupManager = defineResource<GceInstanceGroupManagerSpec>({
  type: 'google_compute_instance_group_manager',
  kopsKind: 'InstanceGroupManager',
  fields: {
    baseInstanceName: { tf: 'base_instance_name', immutable: true },
    listManagedInstancesResults: { tf: 'list_managed_instances_results' },
    name: { tf: 'name', immutable: true },
    targetPools: { tf: 'target_pools' },
    targetSize: { tf: 'target_size' },
    updatePolicy: { tf: 'update_policy', kind: 'block', fields: { minimalAction: { tf: 'minimal_action' }, type: { tf: 'type' } } },
    version: { tf: 'version', kind: 'block', fields: { instanceTemplate: { tf: 'instance_template' } } },
    zone: { tf: 'zone', immutable: true },
  },
  terraform: { ignoreChanges: ['target_size'] },
});

export const GceInstanceGroupManagerOps = gceOps({
  decl: GceInstanceGroupManager,
  collection: 'instanceGroupManagers',
  where: (spec) => String(spec.zone),
  body: (spec) => {
    const template = relativeLink(String((spec.version as { instanceTemplate: string }).instanceTemplate));
    return {
      baseInstanceName: spec.baseInstanceName,
      targetSize: spec.targetSize,
      versions: [{ instanceTemplate: template }],
      targetPools: ((spec.targetPools as string[] | undefined) ?? []).map(relativeLink),
      listManagedInstancesResults: spec.listManagedInstancesResults,
      updatePolicy: spec.updatePolicy,
    };
  },
  read: (o, spec) => {
    const versions = (o.versions as Json[] | undefined) ?? [];
    const policy = (o.updatePolicy as Json | undefined) ?? {};
    return {
      name: o.name,
      zone: spec.zone,
      baseInstanceName: o.baseInstanceName,
      targetSize: o.targetSize ?? 0,
      version: { instanceTemplate: sameLink((spec.version as Json | undefined)?.instanceTemplate, versions[0]?.instanceTemplate ?? o.instanceTemplate) },
      targetPools: sameLinks(spec.targetPools, o.targetPools),
      listManagedInstancesResults: o.listManagedInstancesResults,
      updatePolicy: { minimalAction: policy.minimalAction, type: policy.type },
    };
  },
  // GCE names the instance group a manager runs after the manager.
  attrs: (o, api, at) => ({ instance_group: o.instanceGroup ?? `projects/${api.project}/zones/${at.where}/instanceGroups/${at.name}` }),
  unordered: ['targetPools'],
  // A changed template is a new one (named after its content): the group is found as it is and moves to it.
  foundWithoutPending: ['version'],
  update: {
    fields: ['version', 'targetPools', 'targetSize', 'listManagedInstancesResults', 'updatePolicy'],
    async apply(api, at, spec, changed, actual) {
      if (changed.includes('targetPools')) {
        await api.call(at, 'setTargetPools', { instanceGroupManagersSetTargetPoolsRequestResource: { targetPools: ((spec.targetPools as string[] | undefined) ?? []).map(relativeLink) } });
      }
      if (changed.includes('targetSize')) await api.call(at, 'resize', { size: spec.targetSize });
      const patch: Json = {};
      // The group's versions name its template (as Terraform's provider patches them); instances follow the update policy.
      if (changed.includes('version')) patch.versions = [{ instanceTemplate: relativeLink(String((spec.version as { instanceTemplate: string }).instanceTemplate)) }];
      if (changed.includes('listManagedInstancesResults')) patch.listManagedInstancesResults = spec.listManagedInstancesResults;
      if (changed.includes('updatePolicy')) patch.updatePolicy = spec.updatePolicy;
      if (Object.keys(patch).length) await api.patch(at, patch);
      if (changed.includes('version')) await deleteLeftTemplate(api, (actual.fields.version as { instanceTemplate?: unknown } | undefined)?.instanceTemplate, patch.versions as Json[]);
    },
  },
});

/** The managers in the cluster's region that run one of its templates. */
export const GceInstanceGroupManagerDiscovery = discovery<{ where: string; item: Json }>(GceInstanceGroupManagerOps, {
  kind: 'instance-group-manager',
  by: 'relation',
  after: ['backend-service'],
  list: (api) => api.listAll('instanceGroupManagers'),
  async claim(managers, ctx) {
    const templates = new Set((await ctx.found('instance-template')).map((f: Found) => f.id));
    return managers.filter(({ where, item }) => inRegion(ctx.client, where) && templates.has(relativeLink(String(templateOf(item))))).map(({ item }) => foundObject(item));
  },
});

/** The template a manager runs (its first version's, or the legacy field). */
export function templateOf(manager: Json): unknown {
  return manager.instanceTemplate ?? ((manager.versions as Json[] | undefined) ?? [])[0]?.instanceTemplate ?? '';
}

/**
 * The template a group has just left, deleted when it is the same cluster's (its `cluster-name` metadata is that of
 * the template the group moved to) and no other group runs it. A group of the same instance group in another zone
 * may still be on it: GCE then refuses the delete as in use, and that group's move deletes it.
 */
async function deleteLeftTemplate(api: GceCompute, left: unknown, versions: Json[]): Promise<void> {
  if (typeof left !== 'string' || !left) return;
  const name = left.slice(left.lastIndexOf('/') + 1);
  const now = String(versions[0]?.instanceTemplate ?? '');
  const at = (n: string) => ({ collection: 'instanceTemplates' as const, where: '', name: n });
  const [old, current] = await Promise.all([api.get(at(name)), api.get(at(now.slice(now.lastIndexOf('/') + 1)))]);
  if (!old || !current || name === current.name) return;
  const cluster = clusterNameOf(current);
  if (!cluster || clusterNameOf(old) !== cluster) return;
  try {
    await api.delete(at(name));
  } catch (err) {
    const reason = gceReason(err).reason;
    if (gceStatus(err) === 404 || reason === 'resourceInUseByAnotherResource') return;
    throw err;
  }
}

function clusterNameOf(template: Json): string | undefined {
  const items = ((template.properties as Json | undefined)?.metadata as { items?: { key: string; value?: string }[] } | undefined)?.items ?? [];
  return items.find((i) => i.key === 'cluster-name')?.value;
}
