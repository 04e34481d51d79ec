import { defineResource, type Val } from '../../../engine/resource.js';

export interface GceFirewallAllow {
  protocol: string;
  ports?: string[];
}

/** An ingress firewall rule of the network, matching instances by network tag. */
export interface GceFirewallSpec {
  name: string;
  network: Val<string>;
  allow: GceFirewallAllow[];
  sourceRanges?: string[];
  sourceTags?: string[];
  targetTags?: string[];
  disabled: boolean;
}

export const GceFirewall = defineResource<GceFirewallSpec>({
  type: 'google_compute_firewall',
  kopsKind: 'FirewallRule',
  fields: {
    allow: { tf: 'allow', kind: 'blocks', fields: { ports: { tf: 'ports' }, protocol: { tf: 'protocol' } } },
    disabled: { tf: 'disabled' },
    name: { tf: 'name', immutable: true },
    network: { tf: 'network', immutable: true },
    sourceRanges: { tf: 'source_ranges' },
    sourceTags: { tf: 'source_tags' },
    targetTags: { tf: 'target_tags' },
  },
});
