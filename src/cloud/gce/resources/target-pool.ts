import { defineResource, type Val } from '../../../engine/resource.js';
import { gceOps, sameLinks } from './common.js';
import { relativeLink } from '../compute.js';
import type { Json } from '../compute.js';
import { discovery, foundObject, namedForCluster } from './discovery.js';

/** The instances behind the public API address; managed instance groups add theirs to it. */
export interface GceTargetPoolSpec {
  name: string;
  region: string;
  healthChecks: Val<string>[];
}

export const GceTargetPool = defineResource<GceTargetPoolSpec>({
  type: 'google_compute_target_pool',
  kopsKind: 'TargetPool',
  fields: {
    healthChecks: { tf: 'health_checks' },
    name: { tf: 'name', immutable: true },
    region: { tf: 'region', immutable: true, notInTerraform: true },
  },
});

export const GceTargetPoolOps = gceOps({
  decl: GceTargetPool,
  collection: 'targetPools',
  where: (spec) => String(spec.region),
  body: (spec) => ({ healthChecks: (spec.healthChecks as string[]).map(relativeLink) }),
  read: (o, spec) => ({ name: o.name, region: spec.region, healthChecks: sameLinks(spec.healthChecks, o.healthChecks) }),
});

/** The region's target pools named after the cluster. */
export const GceTargetPoolDiscovery = discovery<Json>(GceTargetPoolOps, {
  kind: 'target-pool',
  by: 'naming',
  after: ['forwarding-rule', 'instance-group-manager'],
  list: (api) => api.list('targetPools', api.region),
  claim: (pools, ctx) => pools.filter((p) => namedForCluster(ctx, String(p.name))).map(foundObject),
});
