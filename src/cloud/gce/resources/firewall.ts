import { defineResource, type Val } from '../../../engine/resource.js';
import { compact, gceOps, networkLink, sameLink } from './common.js';
import type { Json } from '../compute.js';
import { hashString } from '../../../apis/go/truncate.js';
import { safeClusterName } from '../lookup.js';
import { blockNetworkUsers, discovery, foundObject, namedForCluster } from './discovery.js';

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

function firewallBody(spec: Json, api: import('../compute.js').GceCompute): Json {
  return compact({
    network: networkLink(api, spec.network),
    direction: 'INGRESS',
    allowed: (spec.allow as GceFirewallAllow[]).map((a) => compact({ IPProtocol: a.protocol, ports: a.ports })),
    sourceRanges: spec.sourceRanges,
    sourceTags: spec.sourceTags,
    targetTags: spec.targetTags,
    disabled: spec.disabled || undefined,
  });
}

export const GceFirewallOps = gceOps({
  decl: GceFirewall,
  collection: 'firewalls',
  where: () => '',
  body: firewallBody,
  read: (o, spec) => ({
    name: o.name,
    network: sameLink(spec.network, o.network),
    allow: ((o.allowed as Json[] | undefined) ?? []).map((a) => (a.ports ? { protocol: a.IPProtocol, ports: a.ports } : { protocol: a.IPProtocol })),
    sourceRanges: o.sourceRanges ?? (spec.sourceRanges ? [] : undefined),
    sourceTags: o.sourceTags ?? (spec.sourceTags ? [] : undefined),
    targetTags: o.targetTags ?? (spec.targetTags ? [] : undefined),
    disabled: o.disabled ?? false,
  }),
  unordered: ['sourceRanges', 'sourceTags', 'targetTags'],
  update: {
    fields: ['allow', 'disabled', 'sourceRanges', 'sourceTags', 'targetTags'],
    // Written whole (PUT): a patch cannot empty a list, as the client leaves empty lists out.
    apply: (api, at, spec) => api.update(at, { ...firewallBody(spec, api), name: at.name }),
  },
});

/** Object names of firewall rules have at most this many parts (`kubernetes-master-https-ipv6`). */
const FIREWALL_NAME_PARTS = 5;

/**
 * The rules named after the cluster that target only the cluster's instances (network tags made from its name);
 * another owner's rules in the cluster's network stop its deletion.
 */
export const GceFirewallDiscovery = discovery<Json>(GceFirewallOps, {
  kind: 'firewall-rule',
  by: 'naming',
  after: [],
  list: (api) => api.list('firewalls', ''),
  async claim(firewalls, ctx) {
    const safe = safeClusterName(ctx.rules.clusterName);
    const hash = hashString(safe, 6);
    const found = firewalls
      .filter((f) => {
        const tags = (f.targetTags as string[] | undefined) ?? [];
        return namedForCluster(ctx, String(f.name), FIREWALL_NAME_PARTS) && tags.length > 0 && tags.every((t) => t.startsWith(`${safe}-`) || t.includes(hash));
      })
      .map(foundObject);
    await blockNetworkUsers(ctx, 'firewall-rule', firewalls, new Set(found.map((f) => f.id)), (f) => [f.network]);
    return found;
  },
});
