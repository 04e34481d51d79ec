import type { ResourceOps } from '../../../engine/ops.js';
import { defineResource } from '../../../engine/resource.js';
import { lastComponent, relativeLink, type GceCompute } from '../compute.js';
import { claimedObjects, discovery, namedForCluster } from './discovery.js';
import { GceTargetPoolDiscovery } from './target-pool.js';

/** The legacy HTTP health check a target pool uses (kube-apiserver-healthcheck on the control plane). */
export interface GceHttpHealthCheckSpec {
  name: string;
  port: number;
  requestPath: string;
}

export const GceHttpHealthCheck = defineResource<GceHttpHealthCheckSpec>({
  type: 'google_compute_http_health_check',
  kopsKind: 'HTTPHealthcheck',
  fields: {
    name: { tf: 'name', immutable: true },
    port: { tf: 'port' },
    requestPath: { tf: 'request_path' },
  },
});

const COLLECTION = 'httpHealthChecks';

/**
 * Legacy HTTP health checks (as gcetasks/httphealthcheck.go): a global collection the Compute Engine client (v6) does
 * not serve, so called on its REST path with the client's credentials; port and path written back whole (PUT).
 */
export const GceHttpHealthCheckOps: ResourceOps<GceCompute> = {
  type: GceHttpHealthCheck.type,
  immutable: ['name'],
  async find(api, spec) {
    const found = await api.restGet(COLLECTION, String(spec.name));
    if (!found) return undefined;
    return { id: relativeLink(String(found.selfLink)), attrs: { name: found.name, self_link: found.selfLink }, fields: { name: found.name, port: found.port, requestPath: found.requestPath } };
  },
  async create(api, spec) {
    await api.restInsert(COLLECTION, bodyOf(spec));
    const made = await api.restGet(COLLECTION, String(spec.name));
    if (!made) throw new Error(`legacy HTTP health check ${String(spec.name)} was created but cannot be read back`);
    return { id: relativeLink(String(made.selfLink)), attrs: { name: made.name, self_link: made.selfLink } };
  },
  async update(api, _actual, spec) {
    await api.restUpdate(COLLECTION, String(spec.name), bodyOf(spec));
  },
  async delete(api, actual) {
    await api.restDelete(COLLECTION, lastComponent(actual.id));
  },
};

function bodyOf(spec: Record<string, unknown>): Record<string, unknown> {
  return { name: spec.name, port: spec.port, requestPath: spec.requestPath };
}

/** Legacy health checks are found through the cluster's target pools (those named after the cluster), as kops finds them. */
export const GceHttpHealthCheckDiscovery = discovery(GceHttpHealthCheckOps, {
  kind: 'http-health-check',
  by: 'relation',
  after: ['target-pool'],
  async claim(_listed, ctx) {
    const pools = await claimedObjects(ctx, GceTargetPoolDiscovery);
    const links = [...new Set(pools.flatMap((p) => ((p.healthChecks as string[] | undefined) ?? []).map(relativeLink)))];
    return links.filter((link) => namedForCluster(ctx, lastComponent(link))).map((id) => ({ id, name: lastComponent(id), action: 'delete' as const, actual: { id, fields: {} } }));
  },
});
