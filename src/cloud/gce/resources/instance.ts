/**
 * Instances are the managed instance groups' (deleted with them): only looked at for instances of other owners in
 * the cluster's network or subnetworks, which stop its deletion.
 */
import { lastComponent, type Json } from '../compute.js';
import { blockNetworkUsers, discoverOnly, interfaces, metadataValue } from './discovery.js';

export const GceInstanceDiscovery = discoverOnly<{ where: string; item: Json }>({
  kind: 'instance',
  by: 'relation',
  after: [],
  list: (api) => api.listAll('instances'),
  async claim(instances, ctx) {
    const managers = new Set((await ctx.found('instance-group-manager')).map((f) => f.name));
    const started = (item: Json) => {
      const creator = metadataValue(item, 'created-by') ?? '';
      return creator.includes('/instanceGroupManagers/') && managers.has(lastComponent(creator));
    };
    const others = instances.map(({ item }) => item).filter((item) => !started(item));
    await blockNetworkUsers(ctx, 'instance', others, new Set(), (i) => interfaces(i).flatMap((n) => [n.network, n.subnetwork]));
    return [];
  },
});
