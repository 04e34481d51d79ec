import { CreateTagsCommand, type Filter } from '@aws-sdk/client-ec2';
import type { Actual, Created, ResourceOps, RunSession } from '../../../engine/ops.js';
import type { Ref, Task } from '../../../engine/task.js';
import { defineResource, type ResourceDecl, type ResourceType } from '../../../engine/resource.js';
import { classifyAwsError } from '../clients.js';
import type { AwsClients } from '../clients.js';
import { ownerFilters, tagsToWrite, toAwsTags, type Tags } from '../tags.js';
import type { Tagging } from '../tagging.js';
import type { AwsDiscovery, DiscoverContext, DiscoveryDecl } from './discovery.js';

/** A task spec after the engine replaced every Ref by the value it stands for. */
export type Resolved<T> = T extends Ref ? string : T extends (infer U)[] ? Resolved<U>[] : T extends object ? { [K in keyof T]: Resolved<T[K]> } : T;

/** What a find gets besides the spec: its task, the run's shared look-ups, and the type's listing when it has one. */
export interface FindContext {
  task: Task;
  session: RunSession;
  /** Every object of the type that carries the cluster's tags, listed once for the whole run (types with `list`). */
  listed?: readonly unknown[];
  /** The listing of another type, when this run made one (a route is read from its table's listing). */
  listingOf(type: string): Promise<readonly unknown[] | undefined> | undefined;
}

/**
 * One AWS resource type: its declaration (fields, Terraform names, immutability) and its particular calls.
 * `tagging` makes the `tags` field generic: changed tags are written by it, and the type's `update` only sees the
 * other changes. `list` is one paginated call for all objects of the type that carry the cluster's tags; finds of
 * the run are then served from it.
 */
export interface AwsResourceDef<S> extends ResourceDecl {
  unordered?: readonly string[];
  writeOnly?: readonly string[];
  tagging?: Tagging;
  /** `declared` are the run's tasks of the type, for a listing by their names (undefined: no listing this run). */
  list?(aws: AwsClients, clusterName: string, declared: readonly Task[]): Promise<readonly unknown[] | undefined>;
  find(aws: AwsClients, spec: Resolved<S>, ctx: FindContext): Promise<Actual | undefined>;
  create(aws: AwsClients, spec: Resolved<S>, task: Task): Promise<Created>;
  update?(aws: AwsClients, actual: Actual, spec: Resolved<S>, changed: readonly string[], task: Task): Promise<Partial<Created> | void>;
  delete(aws: AwsClients, actual: Actual): Promise<void>;
  /** How `delete cluster` finds the cluster's objects of this type; they are removed through `delete` and `tagging`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each type declares the shape of its own listing
  discover?: DiscoveryDecl<any>;
}

export interface AwsResourceType<S extends object> extends ResourceType<S> {
  ops: ResourceOps<AwsClients>;
  tagging?: Tagging;
  discover?: AwsDiscovery;
  /** The type's listing for the run (made once, by whichever find needs it first); undefined when it has none. */
  listing(aws: AwsClients, session: RunSession, clusterName: string): Promise<readonly unknown[] | undefined>;
}

export function awsResource<S extends object>(def: AwsResourceDef<S>): AwsResourceType<S> {
  const { unordered, writeOnly, tagging, list, find, create, update, delete: remove, discover, ...decl } = def;
  const resource = defineResource<S>(decl);
  const immutable = Object.entries(decl.fields)
    .filter(([, f]) => f.immutable)
    .map(([k]) => k);
  type Spec = Resolved<S>;
  const listing = (aws: AwsClients, session: RunSession, cluster: string) =>
    list ? session.memo(listingKey(decl.type), () => list(aws, cluster, session.declared(decl.type))) : Promise.resolve(undefined);
  const ops: ResourceOps<AwsClients> = {
    type: decl.type,
    immutable,
    unordered,
    writeOnly,
    async find(aws, spec, task, session) {
      const cluster = list ? clusterOf(spec.tags as Tags | undefined) : undefined;
      const listed = cluster !== undefined ? await listing(aws, session, cluster) : undefined;
      return find(aws, spec as Spec, { task, session, listed, listingOf: (type) => session.peek(listingKey(type)) });
    },
    create: (aws, spec, task) => create(aws, spec as Spec, task),
    delete: remove,
  };
  if (update || tagging) {
    ops.update = async (aws, actual, spec, changed, task) => {
      let rest = changed;
      if (tagging && changed.includes('tags')) {
        const tags = tagsToWrite(spec.tags as Tags | undefined, actual.fields.tags as Tags | undefined);
        if (Object.keys(tags).length > 0) await tagging.write(aws, actual, tags);
        rest = changed.filter((f) => f !== 'tags');
      }
      if (rest.length > 0 && update) return update(aws, actual, spec as Spec, rest, task);
    };
  }
  // A discovery without a listing of its own reads the type's (every object tagged for the cluster).
  const discoverList = discover?.list ?? (list && (async (aws: AwsClients, ctx: DiscoverContext) => (await list(aws, ctx.rules.clusterName, [])) ?? []));
  const untag = tagging && ((aws: AwsClients, actual: Actual, keys: readonly string[]) => tagging.remove(aws, actual, keys));
  return { ...resource, ops, tagging, listing, discover: discover && { ...discover, list: discoverList, delete: remove, untag } };
}

/** A run serves one cluster: one listing per type. */
const listingKey = (type: string) => `listing:${type}`;

/** The cluster a spec's `KubernetesCluster` tag names (kops puts it on every object it owns); the listings filter on it. */
export function clusterOf(tags: Tags | undefined): string | undefined {
  return tags?.KubernetesCluster || undefined;
}

/** The EC2 filter of a type's listing: every object tagged for the cluster. */
export function clusterFilter(clusterName: string): Filter[] {
  return [{ Name: 'tag:KubernetesCluster', Values: [clusterName] }];
}

/** The EC2 filter of what `delete cluster` lists: every object tagged for the cluster, owned or shared. */
export function clusterTagKeyFilter(clusterName: string): Filter[] {
  return [{ Name: 'tag-key', Values: ['KubernetesCluster', `kubernetes.io/cluster/${clusterName}`] }];
}

/** Every item of a paginated listing. */
export async function collect<P, T>(pages: AsyncIterable<P>, pick: (page: P) => readonly T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

/**
 * The object kops made for a task, by its owner tags (Name and cluster): from the type's listing when the run has
 * one, else (an object not there, made since, or tagged differently) by a describe with those filters.
 */
export async function findOwned<T>(
  ctx: FindContext,
  tags: Tags | undefined,
  what: string,
  describe: (filters: Filter[]) => Promise<readonly T[] | undefined>,
): Promise<T | undefined> {
  const filters = ownerFilters(tags);
  if (!filters) return undefined;
  const listed = single(ctx.listed as readonly T[] | undefined, what, filters);
  return listed ?? single(await describe(filters), what, filters);
}

/** Runs a describe-like call; "not found" means undefined. */
export async function orUndefined<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (classifyAwsError(err) === 'notFound') return undefined;
    throw err;
  }
}

/**
 * The single object a look-up by tags found; two are an error (kops cannot tell which is its own). The tag
 * filters are checked again here: not every implementation of every Describe call applies them.
 */
export function single<T>(found: readonly T[] | undefined, what: string, filters?: Filter[]): T | undefined {
  const items = found?.filter((item) => matchesTagFilters(item as { Tags?: { Key?: string; Value?: string }[] }, filters ?? []));
  if (!items || items.length === 0) return undefined;
  if (items.length > 1) {
    const by = filters?.map((f) => `${f.Name}=${f.Values?.join('|')}`).join(', ') ?? '';
    throw new Error(`found ${items.length} ${what}s matching ${by}; expected one (remove or re-tag the extra ones)`);
  }
  return items[0];
}

function matchesTagFilters(item: { Tags?: { Key?: string; Value?: string }[] }, filters: readonly Filter[]): boolean {
  const tags = item.Tags ?? [];
  return filters.every((f) => {
    if (f.Name === 'tag-key') return tags.some((t) => f.Values?.includes(t.Key ?? ''));
    if (!f.Name?.startsWith('tag:')) return true;
    const key = f.Name.slice('tag:'.length);
    return tags.some((t) => t.Key === key && f.Values?.includes(t.Value ?? ''));
  });
}

/** Adds missing or different tags to an EC2 object (tags added by others are left alone, as the Go kops does). */
export async function writeEc2Tags(aws: AwsClients, id: string, desired: Tags | undefined, actual: Tags | undefined): Promise<void> {
  const tags = tagsToWrite(desired, actual);
  if (Object.keys(tags).length > 0) await aws.ec2.send(new CreateTagsCommand({ Resources: [id], Tags: toAwsTags(tags) }));
}

/** Polls `check` until it returns a value, up to `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 300_000, everyMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The parsed form of a JSON policy, for comparing documents that differ only in layout. */
function sameJson(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return a === b;
  }
}

/** The cloud's copy of a JSON document, reported as the desired text when they mean the same. */
export function reportedJson(actual: string | undefined, desired: string | undefined): string | undefined {
  if (actual === undefined) return undefined;
  return sameJson(actual, desired) ? desired : actual;
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function decodePolicy(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
