import { defineResource } from '../../../engine/resource.js';

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
