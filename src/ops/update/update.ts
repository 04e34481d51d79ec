import type { Cluster } from '../../apis/types.js';
import { checkZoneNameServers, precreateDnsRecords, publishesDnsRecords, zonesListedOnce, type CloudDns, type NameServerLookup } from '../../cloud/dns.js';
import { resolveNameServers } from '../../cloud/dns-resolver.js';
import type { LifecycleOverrides } from '../../engine/lifecycle.js';
import { UserError } from '../../errors.js';
import { openVfs, stateStoreS3Acl } from '../../statestore/index.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import { updateDirect } from '../../targets/direct/apply.js';
import { writeTerraformOutput } from '../../targets/terraform/output-dir.js';
import { bucketObject } from '../../targets/terraform/managed-files.js';
import { renderTerraform, type TerraformOutput } from '../../targets/terraform/render.js';
import type { ManagedFileSpec } from '../../engine/resource.js';
import { selectInstanceGroups } from '../operate/select.js';
import { limitToInstanceGroups } from './instance-group-filter.js';
import { prepareClusterUpdate, type PrepareUpdateOptions, type PreparedUpdate } from './prepare.js';

export interface UpdateClusterOptions extends Omit<PrepareUpdateOptions, 'persistKeysets' | 'lifecycleOverrides'> {
  target: 'direct' | 'terraform';
  /** Apply (direct) rather than preview; terraform output is always written. */
  yes: boolean;
  /** Folder the terraform target writes (default `out/terraform`). */
  out?: string;
  /** --instance-group / --instance-group-roles: only these groups' objects are managed. */
  instanceGroups?: readonly string[];
  instanceGroupRoles?: readonly string[];
  lifecycleOverrides?: LifecycleOverrides;
  /** The plan (stdout). */
  print: (text: string) => void;
  /** Progress, warnings and failures, one line each (stderr). */
  log: (line: string) => void;
  /** The NS look-up of the public zone's domain (default: this machine's resolver). */
  lookupNs?: NameServerLookup;
}

export interface UpdateClusterResult {
  prepared: PreparedUpdate;
  /** The terraform output folder, for the terraform target. */
  out?: string;
  /** Direct target: changes were found (and, with yes, applied). */
  changes: boolean;
}

/**
 * The terraform target's output for a prepared update: `kubernetes.tf` and `data/`, and the state-store files of a
 * file:// store. `filesRegion` is the state-store bucket's region (default: the cluster's).
 */
export async function renderClusterTerraform(prepared: PreparedUpdate, options: { filesRegion?: string } = {}): Promise<TerraformOutput> {
  const terraform = prepared.update.completed.spec.target?.terraform;
  return renderTerraform(prepared.update.tasks, {
    storeObjectAcls: await storeObjectAcls(prepared),
    s3ObjectAcl: stateStoreS3Acl(),
    clusterName: prepared.opened.clusterName,
    region: prepared.region,
    filesRegion: options.filesRegion,
    cloud: prepared.terraform,
    providerExtraConfig: terraform?.providerExtraConfig,
    filesProviderExtraConfig: terraform?.filesProviderExtraConfig,
  });
}

/** The access list of each gs:// bucket Terraform writes state-store files to, as the cluster's cloud gives it. */
async function storeObjectAcls(prepared: PreparedUpdate): Promise<Map<string, readonly string[]>> {
  const acls = new Map<string, readonly string[]>();
  const ask = prepared.terraform.storeObjectAcl;
  if (!ask) return acls;
  const buckets = new Set<string>();
  for (const task of prepared.update.tasks) {
    if (task.type !== 'managed_file' || task.shared) continue;
    const object = bucketObject(task.spec as unknown as ManagedFileSpec);
    if (object?.provider === 'google') buckets.add(object.bucket);
  }
  for (const bucket of [...buckets].sort()) {
    const acl = await ask(bucket);
    if (acl) acls.set(bucket, acl);
  }
  return acls;
}

/**
 * The region of the S3 buckets Terraform writes state-store files to, which the files provider takes (as the Go kops's
 * S3 paths give it); undefined without such files. The provider has one region: buckets in several are refused.
 */
async function s3FilesRegion(prepared: PreparedUpdate): Promise<string | undefined> {
  const { cloud } = prepared;
  if (!cloud || prepared.update.completed.spec.cloudProvider !== 'aws') return undefined;
  const buckets = new Set<string>();
  for (const task of prepared.update.tasks) {
    if (task.type !== 'managed_file' || task.shared) continue;
    const spec = task.spec as unknown as ManagedFileSpec;
    if (spec.location.startsWith('s3://')) buckets.add(bucketObject(spec)!.bucket);
  }
  const regions = new Map<string, string>();
  for (const bucket of [...buckets].sort()) {
    const region = await cloud.lookup.bucketRegion(bucket);
    if (region) regions.set(bucket, region);
  }
  const distinct = [...new Set(regions.values())];
  if (distinct.length > 1) {
    const where = [...regions].map(([bucket, region]) => `${bucket} in ${region}`).join(', ');
    throw new UserError(`update cluster --target terraform: the state-store files go to S3 buckets of different regions (${where})`, 'keep the state store and the discovery store in buckets of one region: Terraform writes the files with one provider');
  }
  return distinct[0];
}

/**
 * `update cluster`: builds the cluster's objects and writes them as terraform, or previews / applies them on the
 * cloud directly, then records the completed spec. The caller holds the cluster's lock.
 */
export async function updateCluster(store: ClusterStore, clusterName: string, options: UpdateClusterOptions): Promise<UpdateClusterResult> {
  const { target, yes } = options;
  const prepared = await prepareClusterUpdate(store, clusterName, {
    ...options,
    persistKeysets: yes || target === 'terraform',
    lifecycleOverrides: options.lifecycleOverrides && Object.fromEntries(options.lifecycleOverrides),
  });
  const { update } = prepared;
  const dns = prepared.cloud?.dns && zonesListedOnce(prepared.cloud.dns);
  // As kops does for every target, preview included: a public zone without name servers stops the update.
  if (dns) {
    const warning = await checkZoneNameServers(update.completed, dns, {
      ignoreMissing: Boolean(options.env.DNS_IGNORE_NS_CHECK),
      lookupNs: options.lookupNs ?? resolveNameServers,
    });
    if (warning) options.log(warning);
  }
  const names = options.instanceGroups ?? [];
  const roles = options.instanceGroupRoles ?? [];
  if (names.length > 0 || roles.length > 0) {
    const selected = new Set(selectInstanceGroups(update.instanceGroups, names, roles, clusterName).map((ig) => ig.metadata.name));
    update.tasks = limitToInstanceGroups(update.tasks, update.instanceGroups.filter((ig) => !selected.has(ig.metadata.name)), clusterName);
  }

  if (target === 'terraform') {
    const out = options.out || 'out/terraform';
    const rendered = await renderClusterTerraform(prepared, { filesRegion: await s3FilesRegion(prepared) });
    for (const w of rendered.storeWrites) await openVfs(w.location).write(w.contents);
    await writeTerraformOutput(out, rendered.files);
    return { prepared, out, changes: true };
  }

  const { cloud } = prepared;
  if (!cloud) {
    throw new UserError(`update cluster: applying directly is not supported for ${(update.completed.spec.cloudProvider ?? 'this cloud').toUpperCase()} yet`, 'use --target terraform and apply the output with terraform');
  }
  const result = await updateDirect(update.tasks, { provider: cloud.direct(), yes, lifecycleOverrides: options.lifecycleOverrides, out: options.print, log: options.log });
  const changes = result.outcomes.some((o) => o.action === 'create' || o.action === 'update');
  // The network and security phases leave the cluster's own objects alone, its DNS names with them.
  const clusterPhase = options.phase !== 'network' && options.phase !== 'security';
  if (yes && clusterPhase && dns && publishesDnsRecords(update.completed)) await precreateDns(update.completed, dns, options.log);
  if (yes) await store.writeCompletedSpec(update.completed);
  return { prepared, changes };
}

/**
 * The cluster's DNS names made with a placeholder address where its zone has none yet, so that nothing caches their
 * absence before the control plane publishes its own. A failure only slows the cluster's start: it is a warning.
 */
async function precreateDns(cluster: Cluster, dns: CloudDns, log: (line: string) => void): Promise<void> {
  try {
    const made = await precreateDnsRecords(cluster, dns);
    if (made.length) log(`Pre-created DNS records: ${made.join(', ')}`);
  } catch (err) {
    log(`W: unable to pre-create DNS records - cluster startup may be slower: ${(err as Error).message}`);
  }
}
