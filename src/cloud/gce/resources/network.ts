import { defineResource } from '../../../engine/resource.js';
import { gceOps } from './common.js';
import { truncateName } from '../../../apis/go/truncate.js';
import { relativeLink, type Json } from '../compute.js';
import { safeClusterName } from '../lookup.js';
import { claimedObjects, discovery, foundObject, interfaces, networkHolders } from './discovery.js';
import { GceInstanceTemplateDiscovery } from './instance-template.js';

/** A VPC network; kops makes it in custom mode (its own subnetworks) unless the cluster shares an existing one. */
export interface GceNetworkSpec {
  name: string;
  project?: string;
  autoCreateSubnetworks?: boolean;
}

export const GceNetwork = defineResource<GceNetworkSpec>({
  type: 'google_compute_network',
  kopsKind: 'Network',
  fields: {
    autoCreateSubnetworks: { tf: 'auto_create_subnetworks', immutable: true },
    name: { tf: 'name', immutable: true },
    project: { tf: 'project', immutable: true },
  },
});

export const GceNetworkOps = gceOps({
  decl: GceNetwork,
  collection: 'networks',
  where: () => '',
  body: (spec) => ({ autoCreateSubnetworks: spec.autoCreateSubnetworks ?? false }),
  read: (o, spec) => ({ name: o.name, autoCreateSubnetworks: o.autoCreateSubnetworks ?? false, project: spec.project === undefined ? undefined : /projects\/([^/]+)\//.exec(String(o.selfLink))?.[1] }),
});

/** The network named after the cluster, and only when its templates use it: a shared network is never the cluster's. */
export const GceNetworkDiscovery = discovery<Json>(GceNetworkOps, {
  kind: 'network',
  by: 'relation',
  after: ['subnetwork', 'firewall-rule', 'route', 'router', 'instance-template', 'instance-group-manager', 'forwarding-rule'],
  list: (api) => api.list('networks', ''),
  async claim(networks, ctx) {
    const name = truncateName(safeClusterName(ctx.rules.clusterName), 63, false);
    const templates = await claimedObjects(ctx, GceInstanceTemplateDiscovery);
    const used = new Set(templates.flatMap((t) => interfaces(t).map((n) => relativeLink(String(n.network ?? '')))));
    return networks.filter((n) => n.name === name && used.has(relativeLink(String(n.selfLink)))).map(foundObject);
  },
  holders: networkHolders('network'),
});
