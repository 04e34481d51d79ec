import { defineResource, type Val } from '../../../engine/resource.js';
import { gceOps, patchFields, sameLink, sameLinks } from './common.js';
import { relativeLink, type Json } from '../compute.js';
import { discovery, foundObject, linkNames } from './discovery.js';

/** An internal backend service: the control-plane managed instance groups behind internal forwarding rules. */
export interface GceRegionBackendServiceSpec {
  name: string;
  region: string;
  protocol: string;
  loadBalancingScheme: string;
  healthChecks: Val<string>[];
  backends: { balancingMode: string; group: Val<string> }[];
}

export const GceRegionBackendService = defineResource<GceRegionBackendServiceSpec>({
  type: 'google_compute_region_backend_service',
  kopsKind: 'BackendService',
  fields: {
    backends: { tf: 'backend', kind: 'blocks', fields: { balancingMode: { tf: 'balancing_mode' }, group: { tf: 'group' } } },
    healthChecks: { tf: 'health_checks' },
    loadBalancingScheme: { tf: 'load_balancing_scheme', immutable: true },
    name: { tf: 'name', immutable: true },
    protocol: { tf: 'protocol' },
    region: { tf: 'region', immutable: true, notInTerraform: true },
  },
});

function backendServiceBody(spec: Json): Json {
  return {
    protocol: spec.protocol,
    loadBalancingScheme: spec.loadBalancingScheme,
    healthChecks: (spec.healthChecks as string[]).map(relativeLink),
    backends: (spec.backends as { balancingMode: string; group: string }[]).map((b) => ({ balancingMode: b.balancingMode, group: relativeLink(b.group) })),
  };
}

export const GceRegionBackendServiceOps = gceOps({
  decl: GceRegionBackendService,
  collection: 'backendServices',
  where: (spec) => String(spec.region),
  body: backendServiceBody,
  read: (o, spec) => {
    const wanted = (spec.backends as { group: string }[] | undefined) ?? [];
    return {
      name: o.name,
      region: spec.region,
      protocol: o.protocol,
      loadBalancingScheme: o.loadBalancingScheme,
      healthChecks: sameLinks(spec.healthChecks, o.healthChecks),
      backends: ((o.backends as Json[] | undefined) ?? []).map((b, i) => ({ balancingMode: b.balancingMode, group: sameLink(wanted[i]?.group, b.group) })),
    };
  },
  unordered: ['backends'],
  update: {
    fields: ['backends', 'healthChecks', 'protocol'],
    apply: (api, at, spec, changed) => patchFields(api, at, backendServiceBody(spec), changed, {}),
  },
});

/** The region's backend services whose backends are all groups of the cluster's managers. */
export const GceRegionBackendServiceDiscovery = discovery<Json>(GceRegionBackendServiceOps, {
  kind: 'backend-service',
  by: 'relation',
  after: ['forwarding-rule'],
  list: (api) => api.list('backendServices', api.region),
  async claim(services, ctx) {
    const managers = new Set((await ctx.found('instance-group-manager')).map((f) => f.name));
    return services
      .filter((s) => {
        const groups = linkNames(((s.backends as Json[] | undefined) ?? []).map((b) => b.group));
        return groups.length > 0 && groups.every((g) => managers.has(g));
      })
      .map(foundObject);
  },
});
