import { checkNoRefusedFields } from '../../apis/fields/refuse.js';
import { apiGceLookup } from '../../cloud/gce/lookup-api.js';
import type { GceLookup } from '../../cloud/gce/lookup.js';
import type { Cloud, TerraformCloud } from '../../cloud/types.js';
import type { Lifecycle } from '../../engine/task.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import { KOPS_COMPAT_VERSION } from '../../version.js';
import { openCluster, openClusterCloud, type OpenedCluster } from '../cluster.js';
import { resolveNodeup } from './nodeup.js';
import { buildGceClusterUpdate, gceUpdateCloud } from './gce.js';
import { buildClusterUpdate, type ClusterUpdate, type CommonUpdateInputs } from './pipeline.js';

export type Phase = 'network' | 'security' | 'cluster';

export interface PrepareUpdateOptions {
  /** Environment: cloud endpoint and credentials, KOPS_FEATURE_FLAGS, nodeup overrides. */
  env: Record<string, string | undefined>;
  persistKeysets: boolean;
  lifecycleOverrides?: Record<string, Lifecycle>;
  phase?: Phase;
  clock?: () => Date;
  /** Use this cloud instead of opening the cluster's (tests, the conformance fixture world). */
  cloud?: Cloud;
  /** GCE's look-ups instead of the Compute Engine API's (the conformance fixture world). */
  gceLookup?: GceLookup;
  /** Fetches `<url>.sha256` and nodeup locations (default: HTTPS). */
  fetchText?: (url: string) => Promise<string>;
  /** The kops release nodes are bootstrapped as (default: the one this tool implements; the golden cases pin theirs). */
  kopsVersion?: string;
}

export interface PreparedUpdate {
  update: ClusterUpdate;
  /** Absent for a cloud whose direct target is not wired yet. */
  cloud?: Cloud;
  region: string;
  /** What the terraform target writes for the cluster's cloud besides its resources. */
  terraform: TerraformCloud;
  opened: OpenedCluster;
}

/**
 * What `update cluster` and `get assets` share: the cluster from the state store, its cloud with access checked,
 * nodeup's location, and the full build (completed spec, bootstrap files, tasks).
 */
export async function prepareClusterUpdate(store: ClusterStore, clusterName: string, options: PrepareUpdateOptions): Promise<PreparedUpdate> {
  const opened = await openCluster(store, clusterName, { clock: options.clock });
  const provider = opened.cluster.spec?.cloudProvider;
  checkNoRefusedFields([opened.cluster, ...(await store.listInstanceGroups(clusterName))], provider, `cluster ${clusterName} in the state store`);
  const fetchText = options.fetchText ?? fetchHttps;
  const kopsVersion = options.kopsVersion ?? KOPS_COMPAT_VERSION;
  // Asked once the cloud is known to answer: nodeup's location may need a download.
  const common = async (): Promise<CommonUpdateInputs> => ({
    store,
    clusterName,
    keystore: opened.keystore,
    secrets: opened.secrets,
    sshKeys: opened.sshKeys,
    nodeup: await resolveNodeup(options.env, kopsVersion, fetchText),
    fetchSha256: fetchText,
    kopsVersion,
    persistKeysets: options.persistKeysets,
    componentEnv: definedEnv(options.env),
    featureFlags: enabledFeatureFlags(options.env.KOPS_FEATURE_FLAGS),
  });
  if (provider === 'gce') {
    const update = await buildGceClusterUpdate({ ...(await common()), lookup: options.gceLookup ?? apiGceLookup() });
    const cloud = options.cloud ?? gceUpdateCloud(update, options.env === process.env ? undefined : options.env);
    return { update, cloud, region: update.region, terraform: cloud.terraform, opened };
  }
  const cloud = options.cloud ?? openClusterCloud(opened.cluster, { env: options.env === process.env ? undefined : options.env });
  const identity = await cloud.verifyAccess();
  const update = await buildClusterUpdate({
    ...(await common()),
    lookup: cloud.lookup,
    account: { accountId: identity.account, partition: identity.partition },
    lifecycleOverrides: options.lifecycleOverrides,
    phase: options.phase,
  });
  return { update, cloud, region: cloud.region, terraform: cloud.terraform, opened };
}

/** The environment's set variables (system components are given the ones kops passes through). */
function definedEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** KOPS_FEATURE_FLAGS as the Go kops reads it: comma separated, `+Flag` or `Flag` enables, `-Flag` disables. */
export function enabledFeatureFlags(value: string | undefined): string[] {
  const enabled = new Set<string>();
  for (const item of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (item.startsWith('-')) enabled.delete(item.slice(1));
    else enabled.add(item.replace(/^\+/, ''));
  }
  return [...enabled].sort();
}

async function fetchHttps(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}
