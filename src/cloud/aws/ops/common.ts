import { CreateTagsCommand, type Filter } from '@aws-sdk/client-ec2';
import type { Actual, Created, ResourceOps, RunSession } from '../../../engine/ops.js';
import type { Ref, Task } from '../../../engine/task.js';
import type { ResourceDecl } from '../resources/declare.js';
import { classifyAwsError } from '../clients.js';
import type { AwsClients } from '../clients.js';
import { tagsToWrite, toAwsTags, type Tags } from '../tags.js';

/** A task spec after the engine replaced every Ref by the value it stands for. */
export type Resolved<T> = T extends Ref ? string : T extends (infer U)[] ? Resolved<U>[] : T extends object ? { [K in keyof T]: Resolved<T[K]> } : T;

export interface AwsOpsDef<S> {
  unordered?: readonly string[];
  writeOnly?: readonly string[];
  find(aws: AwsClients, spec: Resolved<S>, task: Task, session: RunSession): Promise<Actual | undefined>;
  create(aws: AwsClients, spec: Resolved<S>, task: Task): Promise<Created>;
  update?(aws: AwsClients, actual: Actual, spec: Resolved<S>, changed: readonly string[], task: Task): Promise<Partial<Created> | void>;
  delete(aws: AwsClients, actual: Actual): Promise<void>;
}

/** Ops for one declared resource type; which fields are immutable comes from its declaration. */
export function awsOps<S>(decl: ResourceDecl & { task(name: string, spec: S): unknown }, def: AwsOpsDef<S>): ResourceOps<AwsClients> {
  const immutable = Object.entries(decl.fields)
    .filter(([, f]) => f.immutable)
    .map(([k]) => k);
  return { type: decl.type, immutable, ...(def as unknown as Omit<ResourceOps<AwsClients>, 'type'>) };
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
