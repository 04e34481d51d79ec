import { defineResource, type Val } from '../../../engine/resource.js';

/** Sends traffic for an address and ports to a target pool (external) or a backend service (internal). */
export interface GceForwardingRuleSpec {
  name: string;
  region: string;
  ipAddress: Val<string>;
  ipProtocol: string;
  loadBalancingScheme: string;
  portRange?: string;
  ports?: string[];
  target?: Val<string>;
  backendService?: Val<string>;
  network?: Val<string>;
  subnetwork?: Val<string>;
  labels: Record<string, string>;
}

export const GceForwardingRule = defineResource<GceForwardingRuleSpec>({
  type: 'google_compute_forwarding_rule',
  kopsKind: 'ForwardingRule',
  fields: {
    backendService: { tf: 'backend_service', immutable: true },
    ipAddress: { tf: 'ip_address', immutable: true },
    ipProtocol: { tf: 'ip_protocol', immutable: true },
    labels: { tf: 'labels', kind: 'map' },
    loadBalancingScheme: { tf: 'load_balancing_scheme', immutable: true },
    name: { tf: 'name', immutable: true },
    network: { tf: 'network', immutable: true },
    portRange: { tf: 'port_range', immutable: true },
    ports: { tf: 'ports', immutable: true },
    region: { tf: 'region', immutable: true, notInTerraform: true },
    subnetwork: { tf: 'subnetwork', immutable: true },
    target: { tf: 'target', immutable: true },
  },
});
