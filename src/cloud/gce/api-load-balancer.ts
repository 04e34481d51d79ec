import type { GceCompute } from './compute.js';
import { safeClusterName } from './lookup.js';
import { GCE_LABEL_CLUSTER } from './names.js';

/**
 * The IP of the cluster's API forwarding rule (labelled with the cluster and `name: api`), as clients of a gossip
 * cluster reach it; undefined until the cloud has given it one.
 */
export async function findGceApiAddress(compute: GceCompute, clusterName: string): Promise<string | undefined> {
  const rules = await compute.list('forwardingRules', compute.region, `labels.${GCE_LABEL_CLUSTER} = "${safeClusterName(clusterName)}"`);
  const api = rules.filter((r) => (r.labels as Record<string, string> | undefined)?.name === 'api');
  return api.map((r) => r.IPAddress as string | undefined).find((ip) => ip && /^[0-9.:a-f]+$/.test(ip));
}
