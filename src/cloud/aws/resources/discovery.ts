import type { Actual } from '../../../engine/ops.js';
import type { Blocker, DeleteRules } from '../../types.js';
import { awsErrorCode, classifyAwsError, type AwsClients, type AwsErrorClass } from '../clients.js';
import type { Tagging } from '../tagging.js';
import type { Tags } from '../tags.js';

/** One object of the cluster a discovery claims, and what removing it takes. */
export interface Found {
  /** Shown to the user; unique within its kind. */
  id: string;
  name: string;
  /** `untag` for a shared object: it only loses the cluster's tags. */
  action: 'delete' | 'untag';
  /** What the type's delete op (or its tagging, to untag) is given. */
  actual: Actual;
  /** Its tags: an untag removes the cluster's among them. */
  tags?: Tags;
  /** Not listed for the user: a step of deleting another listed object. */
  internal?: boolean;
}

/** A foreign object that stops the deletion of one of the cluster's objects (by its id). */
export interface Holding {
  blockedId: string;
  by: string;
  hint: string;
}

/** What a discovery is given: the cluster, the rules, and the other discoveries' listings and findings. */
export interface DiscoverContext {
  aws: AwsClients;
  rules: DeleteRules;
  /** Look for the cluster's DNS records. */
  dns: boolean;
  /** The listing of a discovery, made once per run. */
  listing<T = unknown>(discovery: AwsDiscovery): Promise<readonly T[]>;
  /** What the discoveries of a kind claimed. */
  found(kind: string): Promise<readonly Found[]>;
  /** Records a foreign object that would stop deletion half way. */
  block(holding: Holding): void;
  /** How one of the cluster's objects is named in messages (`vpc vpc-1 (name)`), once discovery is over. */
  label(id: string): string;
}

/**
 * How `delete cluster` finds the objects of one kind: one listing, then which of them are the cluster's (by the
 * cluster's tags, or by kops's naming scheme for what it does not tag), and what outside the cluster is in the way.
 */
export interface DiscoveryDecl<T> {
  /** The kind as people call it (`vpc`, `autoscaling-group`, `iam-role`). */
  kind: string;
  by: 'tags' | 'naming' | 'relation';
  /** Kinds whose objects must all be gone before one of this kind goes (its users). */
  after: readonly string[];
  list?(aws: AwsClients, ctx: DiscoverContext): Promise<readonly T[]>;
  claim(listed: readonly T[], ctx: DiscoverContext): readonly Found[] | Promise<readonly Found[]>;
  /** Asked when AWS keeps refusing to delete an object: what outside the cluster holds it right now. */
  holders?(found: Found, ctx: DiscoverContext): Promise<Blocker[]>;
}

/** A discovery with the calls that remove what it finds: its type's delete op and tagging. */
export interface AwsDiscovery<T = unknown> extends DiscoveryDecl<T> {
  /** Absent for kinds that are only looked at for what they block (a peering connection). */
  delete?(aws: AwsClients, actual: Actual): Promise<void>;
  tagging?: Tagging;
}

/** Lets a declaration's `claim` see the type of its own listing. */
export function discovery<T>(decl: DiscoveryDecl<T>): DiscoveryDecl<T> {
  return decl;
}

/** A kind delete must remove that no model declares (instances of groups, leftover interfaces, ...). */
export function discoverOnly<T>(decl: AwsDiscovery<T>): AwsDiscovery<T> {
  return decl;
}

/** Found objects of a kind, one per listed object `claim` accepts; shared objects are untagged when `untag` is set. */
export function byOwnership<T>(
  listed: readonly T[],
  ctx: DiscoverContext,
  facts: (item: T) => { id?: string; name?: string; tags: Tags; named?: boolean; actual?: Actual } | undefined,
  options: { untag?: boolean } = {},
): Found[] {
  const out: Found[] = [];
  for (const item of listed) {
    const f = facts(item);
    if (!f?.id) continue;
    const owner = f.named === undefined ? ctx.rules.ownership(f.tags) : ctx.rules.ownershipOrName(f.tags, f.named);
    if (!owner || (owner === 'shared' && !options.untag)) continue;
    out.push({ id: f.id, name: f.name ?? f.tags.Name ?? '', action: owner === 'owned' ? 'delete' : 'untag', actual: f.actual ?? { id: f.id, fields: {} }, tags: f.tags });
  }
  return out;
}

/** The ids a kind's discovery will delete (not the shared ones it only untags). */
export async function deletedIds(ctx: DiscoverContext, kind: string): Promise<Set<string>> {
  return new Set((await ctx.found(kind)).filter((f) => f.action === 'delete').map((f) => f.id));
}

const GONE_CODES = new Set(['Gateway.NotAttached', 'InvalidAssociationID.NotFound']);
const IN_USE_CODES = new Set(['VolumeInUse', 'InvalidNetworkInterface.InUse', 'IncorrectInstanceState', 'InvalidGroup.InUse']);

/** How a failed removal is handled: already gone is success, in use is waited on, the rest is an error. */
export function deletionErrorClass(err: unknown): AwsErrorClass {
  const code = awsErrorCode(err);
  const message = (err as { message?: string })?.message ?? '';
  if (GONE_CODES.has(code)) return 'notFound';
  if (IN_USE_CODES.has(code)) return 'dependencyViolation';
  if (code === 'InvalidChangeBatch' && /not found/i.test(message)) return 'notFound';
  return classifyAwsError(err);
}

/** Runs a step of a removal whose "not found" answer means the step is done already. */
export async function ignoreGone(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (err) {
    if (deletionErrorClass(err) !== 'notFound') throw err;
  }
}
