import { defineResource, type Val } from '../../../engine/resource.js';
import { gceOps, sameLink, sameLinks } from './common.js';
import { relativeLink, type Json } from '../compute.js';
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
  update: {
    fields: ['version', 'targetPools', 'targetSize', 'listManagedInstancesResults', 'updatePolicy'],
    async apply(api, at, spec, changed) {
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
function templateOf(manager: Json): unknown {
  return manager.instanceTemplate ?? ((manager.versions as Json[] | undefined) ?? [])[0]?.instanceTemplate ?? '';
}
