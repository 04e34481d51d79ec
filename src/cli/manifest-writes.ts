import type { Cluster, InstanceGroup } from '../apis/types.js';
import { UserError } from '../errors.js';
import { parseSshPublicKey, SshKeyStore } from '../pki/sshkeys.js';
import type { ClusterStore } from '../statestore/clientset.js';
import { checkBeforeWrite, mergeGroups, type Incoming } from './checks.js';
import type { Manifests } from './manifests.js';

export type WriteMode = { verb: 'create' } | { verb: 'replace'; force: boolean };

/** What `create -f` / `replace -f` will write, decided (and fully checked) before the first write. */
export interface ManifestWrites {
  clusters: Array<{ object: Cluster; exists: boolean }>;
  instanceGroups: Array<{ object: InstanceGroup; clusterName: string; exists: boolean }>;
  sshCredentials: Manifests['sshCredentials'];
  additional: { clusterName: string; objects: Array<Record<string, unknown> & { apiVersion: string; kind: string }> } | undefined;
}

/** Checks every object against the input and the store; throws the first problem, having written nothing. */
export async function planManifestWrites(store: ClusterStore, manifests: Manifests, mode: WriteMode): Promise<ManifestWrites> {
  const clusters = new Map<string, Cluster>();
  const plan: ManifestWrites = { clusters: [], instanceGroups: [], sshCredentials: manifests.sshCredentials, additional: undefined };
  for (const { object, source } of manifests.clusters) {
    const name = object.metadata.name ?? '';
    const exists = name !== '' && (await store.getCluster(name)) !== undefined;
    if (mode.verb === 'create' && exists) throw new UserError(`${source}: cluster "${name}" already exists`, 'use kops replace -f to change it');
    if (mode.verb === 'replace' && !exists && !mode.force) throw new UserError(`${source}: cluster "${name}" does not exist`, 'add --force to create it');
    clusters.set(name, object);
    plan.clusters.push({ object, exists });
  }
  const clusterFor = async (name: string, source: string, what: string): Promise<Cluster> => {
    const cluster = clusters.get(name) ?? (await store.getCluster(name));
    if (!cluster) throw new UserError(`${source}: ${what}: cluster "${name}" not found`, 'create the cluster first, or put its Cluster object in the same input');
    clusters.set(name, cluster);
    return cluster;
  };
  for (const { object, source, clusterName } of manifests.instanceGroups) {
    const name = object.metadata.name ?? '';
    await clusterFor(clusterName, source, `InstanceGroup "${name}"`);
    const exists = name !== '' && (await store.getInstanceGroup(clusterName, name)) !== undefined;
    if (mode.verb === 'create' && exists) throw new UserError(`${source}: instance group "${name}" already exists in cluster "${clusterName}"`, 'use kops replace -f to change it');
    if (mode.verb === 'replace' && !exists && !mode.force) {
      throw new UserError(`${source}: instance group "${name}" does not exist in cluster "${clusterName}"`, 'add --force to create it');
    }
    plan.instanceGroups.push({ object, clusterName, exists });
  }
  for (const { object, source, clusterName } of manifests.sshCredentials) {
    await clusterFor(clusterName, source, `SSHCredential "${object.metadata.name ?? ''}"`);
    parseSshPublicKey(object.spec?.publicKey ?? '', `${source}: SSHCredential "${object.metadata.name ?? ''}" spec.publicKey`);
  }
  if (manifests.additional.length > 0) {
    if (manifests.clusters.length !== 1) {
      throw new UserError(`${manifests.additional[0].source}: objects of other API groups need exactly one Cluster in the same input`, 'they are stored with that cluster');
    }
    plan.additional = { clusterName: manifests.clusters[0].object.metadata.name!, objects: manifests.additional.map((a) => a.object) };
  }

  for (const [clusterName, cluster] of clusters) {
    const incomingGroups = manifests.instanceGroups.filter((g) => g.clusterName === clusterName);
    const incoming: Incoming[] = [...manifests.clusters.filter((c) => c.object === cluster), ...incomingGroups];
    if (incoming.length === 0) continue;
    const stored = (await store.getCluster(clusterName)) ? await store.listInstanceGroups(clusterName) : [];
    checkBeforeWrite(cluster, mergeGroups(stored, incomingGroups.map((g) => g.object)), incoming);
  }
  return plan;
}

/** Writes a checked plan: clusters first, so that instance groups always land under an existing cluster. */
export async function writeManifests(store: ClusterStore, plan: ManifestWrites): Promise<string[]> {
  const report: string[] = [];
  for (const { object, exists } of plan.clusters) {
    if (exists) await store.updateCluster(object);
    else await store.createCluster(object);
    report.push(`${exists ? 'Replaced' : 'Created'} cluster/${object.metadata.name}`);
  }
  for (const { object, clusterName, exists } of plan.instanceGroups) {
    if (exists) await store.updateInstanceGroup(clusterName, object);
    else await store.createInstanceGroup(clusterName, object);
    report.push(`${exists ? 'Replaced' : 'Created'} instancegroup/${object.metadata.name}`);
  }
  for (const { object, clusterName } of plan.sshCredentials) {
    // The Go kops files every SSHCredential under the name `admin`, whatever the object is called.
    await new SshKeyStore(store.paths(clusterName).pki).add('admin', object.spec.publicKey!, `SSHCredential "${object.metadata.name ?? ''}"`);
    report.push('Added ssh credential');
  }
  if (plan.additional) {
    await store.replaceAdditionalObjects(plan.additional.clusterName, plan.additional.objects);
    report.push(`Stored ${plan.additional.objects.length} additional object(s) with cluster/${plan.additional.clusterName}`);
  }
  return report;
}
