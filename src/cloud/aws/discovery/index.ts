import type { ClusterObject, CloudDiscovery, DiscoverOptions } from '../../types.js';
import { describeAwsError, type AwsClients } from '../clients.js';
import { deletionErrorClass } from './aws-util.js';
import { discoverCluster } from './discover.js';
import { prerequisites } from './order.js';
import { resourceKey, type ClusterResource, type Discovery } from './resource.js';

/** Discovery for `delete cluster` on AWS: what the cluster owns, and each object's removal call. */
export function awsDiscovery(aws: AwsClients): CloudDiscovery {
  return awsDiscoveryOf(aws, (clusterName, options) => discoverCluster(aws, { clusterName, dns: options.dns }));
}

/** The same over another way of finding the objects (tests hand it a fixed list). */
export function awsDiscoveryOf(aws: AwsClients, find: (clusterName: string, options: DiscoverOptions) => Promise<Discovery>): CloudDiscovery {
  const found = new Map<string, ClusterResource>();
  const resourceOf = (o: ClusterObject) => {
    const r = found.get(o.key);
    if (!r) throw new Error(`${o.key} was not found by this discovery`);
    return r;
  };
  return {
    async discover(clusterName, options) {
      const discovery = await find(clusterName, options);
      const keysOfType = new Map<string, string[]>();
      for (const r of discovery.resources) {
        found.set(resourceKey(r), r);
        keysOfType.set(r.type, [...(keysOfType.get(r.type) ?? []), resourceKey(r)]);
      }
      const objects = discovery.resources.map(
        (r): ClusterObject => ({
          key: resourceKey(r),
          type: r.type,
          id: r.id,
          name: r.name,
          action: r.action,
          after: prerequisites(r.type).flatMap((t) => keysOfType.get(t) ?? []),
          ...(r.internal ? { internal: true } : {}),
        }),
      );
      return { objects, blockers: discovery.blockers };
    },
    remove: (o) => resourceOf(o).run(aws),
    async explainRefusal(o) {
      const r = resourceOf(o);
      return r.findBlockers ? r.findBlockers(aws) : [];
    },
    classify: deletionErrorClass,
    describe: describeAwsError,
  };
}
