import { publishesDnsRecords } from '../../cloud/dns.js';
import { openCloud, regionOfZone } from '../../cloud/index.js';
import type { ClusterObjects } from '../../cloud/types.js';
import type { Cluster } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import { defaultDeletePolicy, deleteObjects, type DeletePolicy, type DeleteEvent, type DeleteReport } from './delete.js';
import { deleteRules } from './rules.js';

export interface DeleteClusterOptions {
  yes: boolean;
  unregister?: boolean;
  /** Delete the cloud objects of a cluster the state store does not hold. */
  external?: boolean;
  region?: string;
  policy?: Partial<DeletePolicy>;
  /** Environment for the cloud's clients (default: the process's). */
  env?: Record<string, string | undefined>;
}

export type DeleteClusterOutcome =
  | { kind: 'unregistered' | 'would-unregister' }
  /** Without --yes: what would go. */
  | { kind: 'planned'; found: ClusterObjects }
  /** Foreign objects use the cluster's network: nothing was deleted. */
  | { kind: 'blocked'; found: ClusterObjects }
  | { kind: 'failed'; found: ClusterObjects; report: DeleteReport }
  | { kind: 'deleted'; found: ClusterObjects; report: DeleteReport; seconds: number };

/**
 * `kops delete cluster`: finds what the cluster owns through its cloud's discovery, refuses when something outside
 * the cluster uses its network, deletes (or untags, for shared objects) through the engine's scheduler, then
 * removes the cluster's state. `onFound` sees the objects before anything is deleted.
 */
export async function deleteClusterFlow(
  store: ClusterStore,
  name: string,
  options: DeleteClusterOptions,
  on: { found?: (found: ClusterObjects) => void; event?: (e: DeleteEvent) => void } = {},
): Promise<DeleteClusterOutcome> {
  const cluster = await store.getCluster(name);
  if (!cluster && !options.external) {
    throw new UserError(`cluster "${name}" not found in the state store`, 'check --name and --state; --external deletes the cloud resources of a cluster the state store does not hold');
  }
  if (options.unregister) {
    if (!cluster) throw new UserError(`cluster "${name}" is not registered in the state store`);
    if (!options.yes) return { kind: 'would-unregister' };
    await store.deleteClusterState(name);
    return { kind: 'unregistered' };
  }
  const provider = cluster?.spec?.cloudProvider ?? 'aws';
  if (provider !== 'aws' && provider !== 'gce') throw new UserError(`cluster "${name}" runs on ${provider}; kops delete cluster only deletes AWS and GCE clusters`);
  const region = options.region ?? clusterRegion(cluster, provider, options.env ?? process.env);
  const cloud = openCloud(provider, { region, env: options.env, project: cluster?.spec?.project });
  await cloud.verifyAccess();

  const dns = cluster ? publishesDnsRecords(cluster) : !name.endsWith('.k8s.local');
  let found: ClusterObjects;
  try {
    found = await cloud.discovery.discover(name, { dns, rules: deleteRules(name) });
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`listing the cloud resources of cluster "${name}": ${cloud.discovery.describe(err)}`);
  }
  on.found?.(found);
  if (!options.yes) return { kind: 'planned', found };
  if (found.blockers.length > 0) return { kind: 'blocked', found };

  const started = Date.now();
  const report = await deleteObjects(cloud.discovery, found.objects, { ...defaultDeletePolicy, ...options.policy }, on.event);
  if (report.failed.length > 0) return { kind: 'failed', found, report };
  if (cluster) await store.deleteClusterState(name);
  return { kind: 'deleted', found, report, seconds: (Date.now() - started) / 1000 };
}

/** The region of the cluster's subnets (GCE subnets name it, AWS ones have a zone), else the environment's default. */
function clusterRegion(cluster: Cluster | undefined, provider: string, env: Record<string, string | undefined>): string {
  const subnets = cluster?.spec?.subnets ?? [];
  const region = provider === 'gce' ? subnets.find((s) => s.region)?.region : undefined;
  if (region) return region;
  const zone = subnets.find((s) => s.zone)?.zone;
  if (zone) return regionOfZone(provider, zone);
  if (provider === 'gce') throw new UserError('spec.subnets: no subnet names its region', 'set spec.subnets[].region, or pass --region');
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
}
