import { defineResource, type Val } from '../../../engine/resource.js';
import { gceOps, networkLink, regionalLink, sameLink } from './common.js';
import { parseLink, relativeLink, type GceCompute, type Json } from '../compute.js';
import type { ResourceOps } from '../../../engine/ops.js';
import { discovery, foundObject, namedForCluster } from './discovery.js';

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

export const GceRouterOps = gceOps({
  decl: GceRouter,
  collection: 'routers',
  where: (spec) => String(spec.region),
  body: (spec, api) => ({ network: networkLink(api, spec.network) }),
  read: (o, spec) => ({ name: o.name, region: spec.region, network: sameLink(spec.network, o.network) }),
});

function natBody(spec: Json, api: GceCompute): Json {
  return {
    name: spec.name,
    natIpAllocateOption: spec.natIpAllocateOption,
    sourceSubnetworkIpRangesToNat: spec.sourceSubnetworkIpRangesToNat,
    subnetworks: (spec.subnetworks as GceRouterNatSubnetwork[]).map((s) => ({ name: regionalLink(api, 'subnetworks', String(spec.region), s.name), sourceIpRangesToNat: s.sourceIpRangesToNat })),
  };
}

/** Cloud NAT is a list inside its router: created, changed and deleted by patching the router's `nats`. */
export const GceRouterNatOps: ResourceOps<GceCompute> = {
  type: GceRouterNat.type,
  immutable: ['name', 'region', 'router'],
  unordered: ['subnetworks'],
  subsetMaps: [],
  async find(api, spec) {
    const router = await api.get({ collection: 'routers', where: String(spec.region), name: String(spec.router) });
    const nat = ((router?.nats as Json[] | undefined) ?? []).find((n) => n.name === spec.name);
    if (!router || !nat) return undefined;
    const wanted = (spec.subnetworks as GceRouterNatSubnetwork[]) ?? [];
    return {
      id: `${relativeLink(String(router.selfLink))}/nats/${String(spec.name)}`,
      fields: {
        name: nat.name,
        region: spec.region,
        router: spec.router,
        natIpAllocateOption: nat.natIpAllocateOption,
        sourceSubnetworkIpRangesToNat: nat.sourceSubnetworkIpRangesToNat,
        subnetworks: ((nat.subnetworks as Json[] | undefined) ?? []).map((s) => ({
          name: wanted.map((w) => sameLink(w.name, s.name)).find((v) => v !== s.name) ?? s.name,
          sourceIpRangesToNat: s.sourceIpRangesToNat,
        })),
      },
    };
  },
  async create(api, spec) {
    await setNat(api, String(spec.region), String(spec.router), String(spec.name), natBody(spec, api));
    return { id: `${api.link({ collection: 'routers', where: String(spec.region), name: String(spec.router) })}/nats/${String(spec.name)}` };
  },
  async update(api, _actual, spec) {
    await setNat(api, String(spec.region), String(spec.router), String(spec.name), natBody(spec, api));
  },
  async delete(api, actual) {
    const [router, name] = actual.id.split('/nats/');
    const at = parseLink(router);
    if (!at) throw new Error(`cannot tell which router ${router} is`);
    await setNat(api, at.where, at.name, name, undefined);
  },
};

/**
 * Puts (or, without a body, takes out) one NAT of the router's list. The whole router is written back: a patch
 * cannot empty the list (the client leaves an empty list out of the request).
 */
async function setNat(api: GceCompute, region: string, routerName: string, name: string, nat: Json | undefined): Promise<void> {
  const at = { collection: 'routers' as const, where: region, name: routerName };
  const router = await api.get(at);
  if (!router) throw Object.assign(new Error(`router ${routerName} not found`), { code: 404 });
  const others = ((router.nats as Json[] | undefined) ?? []).filter((n) => n.name !== name);
  await api.update(at, { ...router, nats: nat ? [...others, nat] : others });
}

/** The region's routers (with their NAT) named after the cluster. */
export const GceRouterDiscovery = discovery<Json>(GceRouterOps, {
  kind: 'router',
  by: 'naming',
  after: [],
  list: (api) => api.list('routers', api.region),
  claim: (routers, ctx) => routers.filter((r) => namedForCluster(ctx, String(r.name))).map(foundObject),
});
