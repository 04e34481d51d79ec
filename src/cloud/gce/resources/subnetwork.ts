import { defineResource, type Val } from '../../../engine/resource.js';
import { compact, gceOps, networkLink, patchFields, sameLink } from './common.js';
import { relativeLink, type Json } from '../compute.js';
import { blockNetworkUsers, claimedObjects, discovery, foundObject, interfaces, namedForCluster, networkHolders } from './discovery.js';
import { GceInstanceTemplateDiscovery } from './instance-template.js';

export interface GceSecondaryRange {
  rangeName: string;
  ipCidrRange: string;
}

/** A regional subnetwork; with IP aliases it carries the pod and service ranges as secondary ranges. */
export interface GceSubnetworkSpec {
  name: string;
  network: Val<string>;
  region: string;
  ipCidrRange?: string;
  secondaryIpRanges?: GceSecondaryRange[];
  stackType?: string;
  ipv6AccessType?: string;
}

export const GceSubnetwork = defineResource<GceSubnetworkSpec>({
  type: 'google_compute_subnetwork',
  kopsKind: 'Subnet',
  fields: {
    ipCidrRange: { tf: 'ip_cidr_range' },
    ipv6AccessType: { tf: 'ipv6_access_type' },
    name: { tf: 'name', immutable: true },
    network: { tf: 'network', immutable: true },
    region: { tf: 'region', immutable: true },
    secondaryIpRanges: {
      tf: 'secondary_ip_range',
      kind: 'blocks',
      fields: { ipCidrRange: { tf: 'ip_cidr_range' }, rangeName: { tf: 'range_name' } },
    },
    stackType: { tf: 'stack_type' },
  },
});

export const GceSubnetworkOps = gceOps({
  decl: GceSubnetwork,
  collection: 'subnetworks',
  where: (spec) => String(spec.region),
  body: (spec, api) =>
    compact({
      network: networkLink(api, spec.network),
      ipCidrRange: spec.ipCidrRange,
      secondaryIpRanges: spec.secondaryIpRanges,
      stackType: spec.stackType,
      ipv6AccessType: spec.ipv6AccessType,
    }),
  read: (o, spec) => ({
    name: o.name,
    region: spec.region,
    network: sameLink(spec.network, o.network),
    ipCidrRange: o.ipCidrRange,
    secondaryIpRanges: ((o.secondaryIpRanges as GceSecondaryRange[] | undefined) ?? []).map((r) => ({ rangeName: r.rangeName, ipCidrRange: r.ipCidrRange })),
    stackType: o.stackType,
    ipv6AccessType: o.ipv6AccessType,
  }),
  update: {
    fields: ['secondaryIpRanges', 'stackType', 'ipv6AccessType'],
    apply: (api, at, spec, changed) => patchFields(api, at, spec, changed, {}),
  },
});

/**
 * The region's subnetworks named after the cluster that its templates use (never a subnetwork only named like
 * it); another owner's subnetworks in the cluster's network stop its deletion.
 */
export const GceSubnetworkDiscovery = discovery<{ where: string; item: Json }>(GceSubnetworkOps, {
  kind: 'subnetwork',
  by: 'relation',
  after: ['instance-template', 'instance-group-manager', 'address', 'forwarding-rule', 'router', 'backend-service'],
  list: (api) => api.listAll('subnetworks'),
  async claim(subnetworks, ctx) {
    const templates = await claimedObjects(ctx, GceInstanceTemplateDiscovery);
    const used = new Set(templates.flatMap((t) => interfaces(t).map((n) => relativeLink(String(n.subnetwork ?? '')))));
    const found = subnetworks
      .filter(({ where, item }) => where === ctx.client.region && namedForCluster(ctx, String(item.name)) && used.has(relativeLink(String(item.selfLink))))
      .map(({ item }) => foundObject(item));
    await blockNetworkUsers(ctx, 'subnetwork', subnetworks.map(({ item }) => item), new Set(found.map((f) => f.id)), (s) => [s.network], ['network']);
    return found;
  },
  holders: networkHolders('subnetwork'),
});
