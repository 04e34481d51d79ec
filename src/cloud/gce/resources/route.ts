/**
 * Routes are made by the cloud controller for pod ranges (kops declares none): the cluster's are named with its
 * prefix and a UUID; another owner's routes in the cluster's network stop its deletion.
 */
import type { Json } from '../compute.js';
import { safeClusterName } from '../lookup.js';
import { deleteByLink } from './common.js';
import { blockNetworkUsers, discoverOnly, foundObject } from './discovery.js';

const UUID_LENGTH = 36;
const MAX_NAME_LENGTH = 63;

export const GceRouteDiscovery = discoverOnly<Json>({
  kind: 'route',
  by: 'naming',
  after: [],
  list: (api) => api.list('routes', ''),
  async claim(routes, ctx) {
    const safe = safeClusterName(ctx.rules.clusterName);
    const prefix = safe.length + 1 > MAX_NAME_LENGTH - UUID_LENGTH ? `${safe.slice(0, MAX_NAME_LENGTH - UUID_LENGTH - 1)}-` : `${safe}-`;
    const found = routes.filter((r) => String(r.name).length >= UUID_LENGTH && String(r.name).slice(0, -UUID_LENGTH) === prefix).map(foundObject);
    const others = routes.filter((r) => !String(r.name).startsWith('default-route-'));
    await blockNetworkUsers(ctx, 'route', others, new Set(found.map((f) => f.id)), (r) => [r.network]);
    return found;
  },
  delete: deleteByLink,
});
