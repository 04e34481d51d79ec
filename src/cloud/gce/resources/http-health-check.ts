import { defineResource } from '../../../engine/resource.js';

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
