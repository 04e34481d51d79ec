import { defineResource, type Val } from '../../../engine/resource.js';

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
