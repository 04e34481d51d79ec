import { defineResource, type Val } from '../../../engine/resource.js';
import { compact, gceOps, regionalLink, sameLink } from './common.js';
import type { Json } from '../compute.js';
import { discovery, foundObject, namedForCluster } from './discovery.js';

/** A regional IP address: external for the public API, or an internal VIP in a subnetwork shared by forwarding rules. */
export interface GceAddressSpec {
  name: string;
  region: string;
  addressType?: string;
  purpose?: string;
  subnetwork?: Val<string>;
}

export const GceAddress = defineResource<GceAddressSpec>({
  type: 'google_compute_address',
  kopsKind: 'Address',
  fields: {
    addressType: { tf: 'address_type', immutable: true },
    name: { tf: 'name', immutable: true },
    purpose: { tf: 'purpose', immutable: true },
    region: { tf: 'region', immutable: true, notInTerraform: true },
    subnetwork: { tf: 'subnetwork', immutable: true },
  },
});

export const GceAddressOps = gceOps({
  decl: GceAddress,
  collection: 'addresses',
  where: (spec) => String(spec.region),
  body: (spec, api) =>
    compact({
      addressType: spec.addressType,
      purpose: spec.purpose,
      subnetwork: spec.subnetwork === undefined ? undefined : regionalLink(api, 'subnetworks', String(spec.region), spec.subnetwork),
    }),
  read: (o, spec) => ({
    name: o.name,
    region: spec.region,
    addressType: spec.addressType === undefined ? undefined : (o.addressType ?? 'EXTERNAL'),
    purpose: spec.purpose === undefined ? undefined : o.purpose,
    subnetwork: sameLink(spec.subnetwork, o.subnetwork),
  }),
  // The reserved IP once the cloud has picked it; its link (which forwarding rules also accept) until then.
  attrs: (o) => ({ address: o.address ?? o.selfLink }),
});

/** The region's addresses named after the cluster. */
export const GceAddressDiscovery = discovery<Json>(GceAddressOps, {
  kind: 'address',
  by: 'naming',
  after: ['forwarding-rule'],
  list: (api) => api.list('addresses', api.region),
  claim: (addresses, ctx) => addresses.filter((a) => namedForCluster(ctx, String(a.name))).map(foundObject),
});
