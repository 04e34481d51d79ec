import { defineResource, type Val } from '../../../engine/resource.js';
import { compact, gceOps, labelsOf, networkLink, regionalLink, sameLink, setLabels } from './common.js';
import { relativeLink } from '../compute.js';
import type { Json } from '../compute.js';
import { blockNetworkUsers, discovery, foundObject, namedForCluster } from './discovery.js';

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

export const GceForwardingRuleOps = gceOps({
  decl: GceForwardingRule,
  collection: 'forwardingRules',
  where: (spec) => String(spec.region),
  body: (spec, api) =>
    compact({
      IPAddress: spec.ipAddress === undefined ? undefined : relativeLink(String(spec.ipAddress)),
      IPProtocol: spec.ipProtocol,
      loadBalancingScheme: spec.loadBalancingScheme,
      portRange: spec.portRange,
      ports: spec.ports,
      target: spec.target === undefined ? undefined : relativeLink(String(spec.target)),
      backendService: spec.backendService === undefined ? undefined : relativeLink(String(spec.backendService)),
      network: spec.network === undefined ? undefined : networkLink(api, spec.network),
      subnetwork: spec.subnetwork === undefined ? undefined : regionalLink(api, 'subnetworks', String(spec.region), spec.subnetwork),
      labels: spec.labels,
    }),
  read: (o, spec) => ({
    name: o.name,
    region: spec.region,
    // Reported as the IP, given as the address's IP or link: not compared (it cannot change anyway).
    ipAddress: undefined,
    ipProtocol: o.IPProtocol,
    loadBalancingScheme: o.loadBalancingScheme,
    portRange: spec.portRange === undefined ? undefined : o.portRange,
    ports: spec.ports === undefined ? undefined : (o.ports ?? []),
    target: sameLink(spec.target, o.target),
    backendService: sameLink(spec.backendService, o.backendService),
    network: sameLink(spec.network, o.network),
    subnetwork: sameLink(spec.subnetwork, o.subnetwork),
    labels: labelsOf(o),
  }),
  update: { fields: ['labels'], apply: (api, at, spec) => setLabels(api, at, spec.labels) },
});

/**
 * The rules in the cluster's region named after the cluster; another owner's rules (in any region) on the cluster's
 * network or subnetworks stop its deletion.
 */
export const GceForwardingRuleDiscovery = discovery<{ where: string; item: Json }>(GceForwardingRuleOps, {
  kind: 'forwarding-rule',
  by: 'naming',
  after: [],
  list: (api) => api.listAll('forwardingRules'),
  async claim(rules, ctx) {
    const found = rules.filter(({ where, item }) => where === ctx.client.region && namedForCluster(ctx, String(item.name))).map(({ item }) => foundObject(item));
    await blockNetworkUsers(ctx, 'forwarding-rule', rules.map(({ item }) => item), new Set(found.map((f) => f.id)), (r) => [r.network, r.subnetwork]);
    return found;
  },
});
