import { isDeepStrictEqual } from 'node:util';
import { UserError } from '../errors.js';
import { decodeDocuments, encodeObject } from '../apis/codec.js';
import type { AdditionalObject, Cluster, InstanceGroup } from '../apis/types.js';
import { ClusterPaths, KNOWN_CLUSTER_ENTRIES, checkObjectName, StatePaths } from './layout.js';
import type { VfsPath } from './vfs.js';

export interface ClusterStoreOptions {
  /** Stamps `metadata.creationTimestamp` on objects created without one. */
  clock?: () => Date;
  /**
   * Told once per object read with fields this version does not know (written by a newer kops); such fields are kept
   * unchanged and written back as they were.
   */
  warn?: (message: string) => void;
}

/** Reads of one listing in flight at once: enough to hide an object store's latency, few enough for its rate limits. */
const PARALLEL_READS = 16;

/**
 * The Go kops state-store layout over a `--state` base: `<cluster>/config`, `<cluster>/instancegroup/<name>`,
 * `<cluster>/cluster-completed.spec`, and the folders the keystore, secrets and nodeup configs live in.
 */
export class ClusterStore {
  private readonly clock: () => Date;
  private readonly warn: (message: string) => void;
  private readonly warned = new Set<string>();
  /** The bytes of each spec object as this store first read them (or last wrote them): what a write expects to find. */
  private readonly seen = new Map<string, Buffer>();

  constructor(
    readonly base: VfsPath,
    options: ClusterStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.warn = options.warn ?? (() => undefined);
  }

  paths(clusterName: string): ClusterPaths {
    return new ClusterPaths(this.base.join(checkObjectName('Cluster', clusterName)));
  }

  /** Names of the clusters in the store: the folders directly below the base that hold a `config`. */
  async listClusters(): Promise<string[]> {
    const names: string[] = [];
    for (const path of await this.base.readTree()) {
      const relative = path.url.slice(this.base.url.length).replace(/^\//, '').split('/');
      if (relative.length === 2 && relative[1] === StatePaths.config) names.push(relative[0]);
    }
    return names;
  }

  /** The stored Cluster, with `spec.configBase` filled in as the Go kops does on read; undefined when absent. */
  async getCluster(name: string): Promise<Cluster | undefined> {
    const paths = this.paths(name);
    const data = await paths.config.readIfExists();
    if (!data) return undefined;
    this.remember(paths.config, data);
    const cluster = this.decodeOne<Cluster>(data, paths.config, 'Cluster');
    cluster.metadata.name ||= name;
    cluster.spec ??= {};
    cluster.spec.configBase ||= paths.root.url;
    return cluster;
  }

  /** Like getCluster, but a missing cluster is a UserError. */
  async requireCluster(name: string): Promise<Cluster> {
    const cluster = await this.getCluster(name);
    if (!cluster) {
      throw new UserError(`cluster "${name}" not found in state store ${this.base.url}`, 'check --name and --state (kops get clusters lists them)');
    }
    return cluster;
  }

  /** Stores a new cluster; refuses when one of that name exists. Returns what was stored. */
  async createCluster(cluster: Cluster): Promise<Cluster> {
    const name = checkObjectName('Cluster', cluster.metadata?.name);
    const stored = this.stamped(cluster);
    if (!(await this.paths(name).config.createNew(encodeObject(stored)))) {
      throw new UserError(`cluster "${name}" already exists in state store ${this.base.url}`, 'use kops replace or kops edit to change it, or pick another name');
    }
    return stored;
  }

  /** Replaces an existing cluster's config; `metadata.generation` goes up when the spec changed. */
  async updateCluster(cluster: Cluster): Promise<Cluster> {
    const name = checkObjectName('Cluster', cluster.metadata?.name);
    const old = await this.requireCluster(name);
    const stored = withGeneration(structuredClone(cluster), old);
    await this.writeIfUnchanged(this.paths(name).config, encodeObject(stored), `cluster "${name}"`);
    return stored;
  }

  /**
   * Removes everything under `<cluster>/`. Refuses (deleting nothing) when it finds an entry kops does not write,
   * since that means `--state` points at something that is not only this cluster. `config` goes last, so an
   * interrupted delete leaves a cluster that is still listed and can be deleted again.
   */
  async deleteClusterState(name: string): Promise<void> {
    const root = this.paths(name).root;
    const files = await root.readTree();
    for (const file of files) {
      const top = file.url.slice(root.url.length + 1).split('/')[0];
      if (!KNOWN_CLUSTER_ENTRIES.includes(top)) {
        throw new UserError(`refusing to delete cluster state: unknown file ${file.url}`, `move it out of ${root.url} and run again`);
      }
    }
    const config = this.paths(name).config.url;
    for (const file of files) if (file.url !== config) await file.remove();
    await root.removeTree();
  }

  /** The cluster's instance groups in name order, read a few at a time (one request each on a remote store). */
  async listInstanceGroups(clusterName: string): Promise<InstanceGroup[]> {
    const entries = await this.paths(clusterName).instanceGroups.readDir();
    const groups: (InstanceGroup | undefined)[] = new Array(entries.length);
    let next = 0;
    const reader = async () => {
      while (next < entries.length) {
        const at = next++;
        groups[at] = await this.getInstanceGroup(clusterName, entries[at].base);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, entries.length) }, reader));
    return groups.filter((group): group is InstanceGroup => group !== undefined);
  }

  /** The stored InstanceGroup, labelled with its cluster as the Go kops does on read; undefined when absent. */
  async getInstanceGroup(clusterName: string, name: string): Promise<InstanceGroup | undefined> {
    const path = this.paths(clusterName).instanceGroup(name);
    const data = await path.readIfExists();
    if (!data) return undefined;
    this.remember(path, data);
    const group = this.decodeOne<InstanceGroup>(data, path, 'InstanceGroup');
    group.metadata.name ||= name;
    group.metadata.labels = { ...group.metadata.labels, 'kops.k8s.io/cluster': clusterName };
    return group;
  }

  async createInstanceGroup(clusterName: string, group: InstanceGroup): Promise<InstanceGroup> {
    const name = checkObjectName('InstanceGroup', group.metadata?.name);
    const stored = this.stamped(group);
    if (!(await this.paths(clusterName).instanceGroup(name).createNew(encodeObject(stored)))) {
      throw new UserError(`instance group "${name}" already exists in cluster "${clusterName}"`, 'use kops edit instancegroup to change it, or pick another name');
    }
    return stored;
  }

  /** Replaces an existing instance group; `metadata.generation` goes up when the spec changed. */
  async updateInstanceGroup(clusterName: string, group: InstanceGroup): Promise<InstanceGroup> {
    const name = checkObjectName('InstanceGroup', group.metadata?.name);
    const old = await this.getInstanceGroup(clusterName, name);
    if (!old) {
      throw new UserError(`instance group "${name}" not found in cluster "${clusterName}"`, 'kops get instancegroups lists them');
    }
    const stored = withGeneration(this.stamped(group), old);
    await this.writeIfUnchanged(this.paths(clusterName).instanceGroup(name), encodeObject(stored), `instance group "${name}" of cluster "${clusterName}"`);
    return stored;
  }

  /** Writes an instance group whether or not it exists (create or replace). */
  async putInstanceGroup(clusterName: string, group: InstanceGroup): Promise<InstanceGroup> {
    const name = checkObjectName('InstanceGroup', group.metadata?.name);
    const stored = this.stamped(group);
    await this.paths(clusterName).instanceGroup(name).write(encodeObject(stored));
    return stored;
  }

  async deleteInstanceGroup(clusterName: string, name: string): Promise<void> {
    await this.paths(clusterName).instanceGroup(name).remove();
  }

  /** `cluster-completed.spec`: the populated cluster nodes and later commands read. */
  async writeCompletedSpec(cluster: Cluster): Promise<void> {
    const name = checkObjectName('Cluster', cluster.metadata?.name);
    await this.paths(name).completedSpec.write(encodeObject(cluster));
  }

  async readCompletedSpec(clusterName: string): Promise<Cluster | undefined> {
    const path = this.paths(clusterName).completedSpec;
    const data = await path.readIfExists();
    return data && this.decodeOne<Cluster>(data, path, 'Cluster');
  }

  /** Non-kops objects kept with the cluster (`clusteraddons/default`); empty when none were stored. */
  async listAdditionalObjects(clusterName: string): Promise<AdditionalObject[]> {
    const data = await this.paths(clusterName).additionalObjects.readIfExists();
    if (!data) return [];
    const path = this.paths(clusterName).additionalObjects;
    return decodeDocuments(data.toString('utf8'), path.url, { allowOtherKinds: true }) as AdditionalObject[];
  }

  /** Replaces the cluster's additional objects: YAML documents joined as the Go kops's kubemanifest writes them. */
  async replaceAdditionalObjects(clusterName: string, objects: readonly AdditionalObject[]): Promise<void> {
    const documents = objects.filter((obj) => Object.keys(obj).length > 0).map((obj) => encodeObject(obj));
    await this.paths(clusterName).additionalObjects.write(documents.join('\n---\n\n'));
  }

  private remember(path: VfsPath, data: Buffer): void {
    if (!this.seen.has(path.url)) this.seen.set(path.url, data);
  }

  /** Writes a spec object only if nobody changed it since this store read it (compare-and-swap). */
  private async writeIfUnchanged(path: VfsPath, text: string, what: string): Promise<void> {
    const expected = this.seen.get(path.url);
    const data = Buffer.from(text);
    if (expected && !(await path.replaceIfUnchanged(data, expected))) {
      throw new UserError(`${what} was changed by someone else since this command read it; nothing was written`, 'run the command again to start from the current version');
    }
    if (!expected) await path.write(data);
    this.seen.set(path.url, data);
  }

  private decodeOne<T extends { kind: string; metadata: object }>(data: Buffer, path: VfsPath, kind: T['kind']): T {
    const unknown: string[] = [];
    const objects: unknown[] = decodeDocuments(data.toString('utf8'), path.url, { onUnknownField: (field) => unknown.push(field), keepUnknownFields: true });
    if (unknown.length > 0) {
      const subject = unknown[0].split(': ')[0];
      const fields = unknown.map((f) => f.slice(subject.length + 2));
      const message = `${subject} in ${path.url} has fields this version of kops does not know: ${fields.join(', ')}; they are kept unchanged`;
      if (!this.warned.has(message)) this.warn(message);
      this.warned.add(message);
    }
    const [object] = objects as Array<Partial<T> | undefined>;
    if (objects.length !== 1 || object?.kind !== kind) {
      throw new UserError(`${path.url}: expected one ${kind} object, found ${describeKinds(objects)}`, 'fix or restore this file in the state store');
    }
    object.metadata ??= {};
    return object as T;
  }

  private stamped<T extends Cluster | InstanceGroup>(obj: T): T {
    const copy = structuredClone(obj);
    copy.metadata = { ...copy.metadata };
    copy.metadata.creationTimestamp ||= formatTimestamp(this.clock());
    return copy;
  }
}

/** Kubernetes metav1.Time form: RFC 3339 in UTC, whole seconds. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

function withGeneration<T extends Cluster | InstanceGroup>(next: T, old: T): T {
  if (!isDeepStrictEqual(normalise(next.spec), normalise(old.spec))) {
    next.metadata = { ...next.metadata, generation: (old.metadata.generation ?? 0) + 1 };
  }
  return next;
}

/** Drops undefined members so that `{a: undefined}` and `{}` compare equal. */
function normalise(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function describeKinds(objects: unknown[]): string {
  if (objects.length === 0) return 'no object';
  return objects.map((o) => (o as { kind?: string } | null)?.kind ?? 'an object without kind').join(', ');
}
