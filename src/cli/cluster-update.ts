import { checkNoRefusedFields } from '../apis/fields/refuse.js';
import { UserError } from '../errors.js';
import { createAwsClients, verifyAwsAccess, type AwsClients } from '../cloud/aws/clients.js';
import { regionOfZone } from '../cloud/aws/lookup.js';
import { sdkLookup } from '../cloud/aws/lookup-sdk.js';
import type { Lifecycle } from '../engine/task.js';
import { buildClusterUpdate, type ClusterUpdate } from '../ops/update/pipeline.js';
import { buildGceClusterUpdate } from '../ops/update/gce.js';
import { apiGceLookup } from '../cloud/gce/lookup-api.js';
import { resolveNodeup } from '../ops/update/nodeup.js';
import { KOPS_COMPAT_VERSION } from '../version.js';
import { openClusterPki, type ClusterPki } from './cluster-pki.js';
import type { CliContext } from './context.js';
import { openClusterStore } from './store.js';

export type Phase = 'network' | 'security' | 'cluster';

export interface PreparedUpdate {
  update: ClusterUpdate;
  /** Absent for a cloud whose direct target is not wired yet (GCE: terraform only). */
  aws?: AwsClients;
  region: string;
  /** Set for a GCE cluster: Terraform then uses the google provider. */
  google?: { project: string };
  pki: ClusterPki;
}

/**
 * What `update cluster` and `get assets` share: the cluster from the state store, checked AWS access in its region,
 * nodeup's location, and the full build (completed spec, bootstrap files, tasks).
 */
export async function prepareClusterUpdate(
  ctx: CliContext,
  positional: string | undefined,
  options: { persistKeysets: boolean; lifecycleOverrides?: Record<string, Lifecycle>; phase?: Phase },
): Promise<PreparedUpdate> {
  const store = await openClusterStore(ctx);
  const pki = await openClusterPki(ctx, positional);
  const cloud = (pki.cluster.spec as { cloudProvider?: string }).cloudProvider;
  checkNoRefusedFields([pki.cluster, ...(await store.listInstanceGroups(pki.clusterName))], cloud, `cluster ${pki.clusterName} in the state store`);
  if (cloud === 'gce') {
    const update = await buildGceClusterUpdate({
      store,
      clusterName: pki.clusterName,
      lookup: apiGceLookup(),
      keystore: pki.keystore,
      sshKeys: pki.sshKeys,
      nodeup: await resolveNodeup(ctx.env, KOPS_COMPAT_VERSION, fetchText),
      fetchSha256: fetchText,
      kopsVersion: KOPS_COMPAT_VERSION,
      persistKeysets: options.persistKeysets,
      featureFlags: enabledFeatureFlags(ctx.env.KOPS_FEATURE_FLAGS),
    });
    for (const name of update.createdKeysets) ctx.log(1, `created keyset ${name}`);
    return { update, region: update.region, google: { project: update.project }, pki };
  }
  const region = clusterRegion(pki.cluster.spec as Record<string, unknown>, pki.clusterName);
  const aws = createAwsClients({ region });
  const identity = await verifyAwsAccess(aws);
  const update = await buildClusterUpdate({
    store,
    clusterName: pki.clusterName,
    aws,
    lookup: sdkLookup(region),
    account: { accountId: identity.account, partition: identity.arn.split(':')[1] || 'aws' },
    keystore: pki.keystore,
    sshKeys: pki.sshKeys,
    nodeup: await resolveNodeup(ctx.env, KOPS_COMPAT_VERSION, fetchText),
    fetchSha256: fetchText,
    kopsVersion: KOPS_COMPAT_VERSION,
    persistKeysets: options.persistKeysets,
    lifecycleOverrides: options.lifecycleOverrides,
    featureFlags: enabledFeatureFlags(ctx.env.KOPS_FEATURE_FLAGS),
    phase: options.phase,
  });
  for (const name of update.createdKeysets) ctx.log(1, `created keyset ${name}`);
  return { update, aws, region, pki };
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

/** The region of a cluster: that of its subnets' zones. */
function clusterRegion(spec: Record<string, unknown>, clusterName: string): string {
  const zones = ((spec.subnets as { zone?: string }[] | undefined) ?? []).map((s) => s.zone).filter((z): z is string => Boolean(z));
  if (zones.length === 0) throw new UserError(`cluster ${clusterName} spec.subnets: no subnet has a zone`, 'set spec.subnets[].zone so that the region is known');
  return regionOfZone(zones[0]);
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}
