import { defineResource, type Val } from '../../../engine/resource.js';

/** A Cloud Router, which only exists here to carry the Cloud NAT of private subnetworks. */
export interface GceRouterSpec {
  name: string;
  network: Val<string>;
  region: string;
}

export const GceRouter = defineResource<GceRouterSpec>({
  type: 'google_compute_router',
  kopsKind: 'Router',
  fields: {
    name: { tf: 'name', immutable: true },
    network: { tf: 'network', immutable: true },
    region: { tf: 'region', immutable: true, notInTerraform: true },
  },
});

export interface GceRouterNatSubnetwork {
  name: Val<string>;
  sourceIpRangesToNat: string[];
}

/** Cloud NAT on the router: outbound traffic of the listed (private) subnetworks. */
export interface GceRouterNatSpec {
  name: string;
  region: string;
  router: Val<string>;
  natIpAllocateOption: string;
  sourceSubnetworkIpRangesToNat: string;
  subnetworks: GceRouterNatSubnetwork[];
}

export const GceRouterNat = defineResource<GceRouterNatSpec>({
  type: 'google_compute_router_nat',
  kopsKind: 'Router',
  fields: {
    name: { tf: 'name', immutable: true },
    natIpAllocateOption: { tf: 'nat_ip_allocate_option' },
    region: { tf: 'region', immutable: true },
    router: { tf: 'router', immutable: true },
    sourceSubnetworkIpRangesToNat: { tf: 'source_subnetwork_ip_ranges_to_nat' },
    subnetworks: {
      tf: 'subnetwork',
      kind: 'blocks',
      fields: { name: { tf: 'name' }, sourceIpRangesToNat: { tf: 'source_ip_ranges_to_nat' } },
    },
  },
});
