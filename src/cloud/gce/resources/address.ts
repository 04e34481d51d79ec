import { defineResource, type Val } from '../../../engine/resource.js';

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
