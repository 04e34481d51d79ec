import { defineResource } from '../../../engine/resource.js';
import { compact, gceOps, patchFields } from './common.js';
import { relativeLink, type Json } from '../compute.js';
import { claimedObjects, discovery, foundObject } from './discovery.js';
import { GceRegionBackendServiceDiscovery } from './region-backend-service.js';

/** A regional TCP (or SSL) health check for an internal backend service. */
export interface GceRegionHealthCheckSpec {
  name: string;
  region: string;
  tcpHealthCheck?: { port: number };
  sslHealthCheck?: { port: number };
}

export const GceRegionHealthCheck = defineResource<GceRegionHealthCheckSpec>({
  type: 'google_compute_region_health_check',
  kopsKind: 'HealthCheck',
  fields: {
    name: { tf: 'name', immutable: true },
    region: { tf: 'region', immutable: true, notInTerraform: true },
    sslHealthCheck: { tf: 'ssl_health_check', kind: 'block', fields: { port: { tf: 'port' } } },
    tcpHealthCheck: { tf: 'tcp_health_check', kind: 'block', fields: { port: { tf: 'port' } } },
  },
});

function healthCheckBody(spec: Json): Json {
  return compact({ type: spec.sslHealthCheck ? 'SSL' : 'TCP', tcpHealthCheck: spec.tcpHealthCheck, sslHealthCheck: spec.sslHealthCheck });
}

export const GceRegionHealthCheckOps = gceOps({
  decl: GceRegionHealthCheck,
  collection: 'healthChecks',
  where: (spec) => String(spec.region),
  body: healthCheckBody,
  // A check of the other kind reports no block of this one: null, so that a wanted block shows as missing.
  read: (o, spec) => ({
    name: o.name,
    region: spec.region,
    tcpHealthCheck: o.tcpHealthCheck ? { port: (o.tcpHealthCheck as Json).port } : null,
    sslHealthCheck: o.sslHealthCheck ? { port: (o.sslHealthCheck as Json).port } : null,
  }),
  update: {
    fields: ['tcpHealthCheck', 'sslHealthCheck'],
    apply: (api, at, spec, changed) => patchFields(api, at, healthCheckBody(spec), changed, { tcpHealthCheck: ['type', 'tcpHealthCheck'], sslHealthCheck: ['type', 'sslHealthCheck'] }),
  },
});

/** The region's health checks the cluster's backend services use. */
export const GceRegionHealthCheckDiscovery = discovery<Json>(GceRegionHealthCheckOps, {
  kind: 'health-check',
  by: 'relation',
  after: ['backend-service'],
  list: (api) => api.list('healthChecks', api.region),
  async claim(checks, ctx) {
    const services = await claimedObjects(ctx, GceRegionBackendServiceDiscovery);
    const used = new Set(services.flatMap((s) => ((s.healthChecks as string[] | undefined) ?? []).map(relativeLink)));
    return checks.filter((h) => used.has(relativeLink(String(h.selfLink)))).map(foundObject);
  },
});
