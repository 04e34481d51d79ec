import type { Actual, ErrorClass } from '../engine/ops.js';
import type { Blocker, ClusterObject, CloudDiscovery, DeleteRules, DiscoverOptions } from './types.js';

type Tags = Readonly<Record<string, string>>;

/** One object of the cluster a kind's discovery claims, and what removing it takes. */
export interface Found {
  /** Shown to the user; unique within its kind. */
  id: string;
  name: string;
  /** `untag` for a shared object: it only loses the cluster's tags. */
  action: 'delete' | 'untag';
  /** What the type's delete op (or its untagging) is given. */
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

/** What a kind's discovery is given: the cloud's clients, the rules, and the other kinds' listings and findings. */
export interface DiscoverContext<C> {
  client: C;
  rules: DeleteRules;
  /** Look for the cluster's DNS records. */
  dns: boolean;
  /** The listing of a kind's discovery, made once per run. */
  listing<T = unknown>(discovery: KindDiscovery<C>): Promise<readonly T[]>;
  /** What the discoveries of a kind claimed. */
  found(kind: string): Promise<readonly Found[]>;
  /** Records a foreign object that would stop deletion half way. */
  block(holding: Holding): void;
  /** How one of the cluster's objects is named in messages (`vpc vpc-1 (name)`), once discovery is over. */
  label(id: string): string;
}

/**
 * How `delete cluster` finds the objects of one kind: one listing, then which of them are the cluster's (by the
 * cluster's tags or labels, or by kops's naming scheme for what it does not tag), and what outside the cluster is in
 * the way.
 */
export interface DiscoveryDecl<C, T> {
  /** The kind as people call it (`vpc`, `autoscaling-group`, `iam-role`). */
  kind: string;
  by: 'tags' | 'naming' | 'relation';
  /** Kinds whose objects must all be gone before one of this kind goes (its users). */
  after: readonly string[];
  list?(client: C, ctx: DiscoverContext<C>): Promise<readonly T[]>;
  claim(listed: readonly T[], ctx: DiscoverContext<C>): readonly Found[] | Promise<readonly Found[]>;
  /** Asked when the cloud keeps refusing to delete an object: what outside the cluster holds it right now. */
  holders?(found: Found, ctx: DiscoverContext<C>): Promise<Blocker[]>;
}

/** A kind's discovery with the calls that remove what it finds (its type's delete op and untagging). */
export interface KindDiscovery<C, T = unknown> extends DiscoveryDecl<C, T> {
  /** Absent for kinds that are only looked at for what they block (a peering connection). */
  delete?(client: C, actual: Actual): Promise<void>;
  untag?(client: C, actual: Actual, keys: readonly string[]): Promise<void>;
}

/** Found objects, one per listed object the cluster's tags claim; shared ones are untagged when `untag` is set. */
export function byOwnership<C, T>(
  listed: readonly T[],
  ctx: DiscoverContext<C>,
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
export async function deletedIds<C>(ctx: DiscoverContext<C>, kind: string): Promise<Set<string>> {
  return new Set((await ctx.found(kind)).filter((f) => f.action === 'delete').map((f) => f.id));
}

interface Claimed<C> {
  discovery: KindDiscovery<C>;
  found: Found;
}

/**
 * A cloud's discovery for `delete cluster` from its kinds' discoveries: each claims the cluster's objects, and each
 * object is removed through its kind's delete op, or loses the cluster's tags when shared.
 */
export function discoveryOfKinds<C>(
  client: C,
  discoveries: readonly KindDiscovery<C>[],
  errors: { classify(err: unknown): ErrorClass; describe(err: unknown): string },
): CloudDiscovery {
  const claimed = new Map<string, Claimed<C>>();
  let context: DiscoverContext<C> | undefined;
  const claimOf = (o: ClusterObject) => {
    const c = claimed.get(o.key);
    if (!c) throw new Error(`${o.key} was not found by this discovery`);
    return c;
  };
  return {
    async discover(_clusterName, options) {
      const run = await discoverAll(client, discoveries, options);
      context = run.context;
      const keysOfKind = new Map<string, string[]>();
      for (const c of run.claimed) {
        claimed.set(keyOf(c), c);
        keysOfKind.set(c.discovery.kind, [...(keysOfKind.get(c.discovery.kind) ?? []), keyOf(c)]);
      }
      const rank = new Map(deletionOrder(discoveries).map((kind, i) => [kind, i]));
      const objects = run.claimed.map(
        (c): ClusterObject => ({
          key: keyOf(c),
          type: c.discovery.kind,
          id: c.found.id,
          name: c.found.name,
          action: c.found.action,
          after: c.discovery.after.flatMap((kind) => keysOfKind.get(kind) ?? []),
          ...(c.found.internal ? { internal: true } : {}),
        }),
      );
      objects.sort((a, b) => rank.get(a.type)! - rank.get(b.type)! || a.id.localeCompare(b.id));
      return { objects, blockers: run.blockers };
    },
    async remove(o) {
      const { discovery, found } = claimOf(o);
      if (found.action === 'delete') {
        if (!discovery.delete) throw new Error(`${o.key} is never deleted by kops`);
        return discovery.delete(client, found.actual);
      }
      if (!discovery.untag) throw new Error(`${o.key} is shared, and its kind has no tags to remove`);
      await discovery.untag(client, found.actual, context!.rules.clusterTagKeys(found.tags ?? {}));
    },
    async explainRefusal(o) {
      const { discovery, found } = claimOf(o);
      return discovery.holders && context ? discovery.holders(found, context) : [];
    },
    classify: (err) => errors.classify(err),
    describe: (err) => errors.describe(err),
  };
}

const keyOf = <C>(c: Claimed<C>) => `${c.discovery.kind}:${c.found.id}`;

/**
 * Runs every discovery: each lists once, and claims once the kinds it reads have claimed. Blockers come in the
 * order of the discoveries, each naming the cluster's object it holds.
 */
async function discoverAll<C>(
  client: C,
  discoveries: readonly KindDiscovery<C>[],
  options: DiscoverOptions,
): Promise<{ claimed: Claimed<C>[]; blockers: Blocker[]; context: DiscoverContext<C> }> {
  const listings = new Map<KindDiscovery<C>, Promise<readonly unknown[]>>();
  const claims = new Map<KindDiscovery<C>, Promise<readonly Found[]>>();
  const holdings = new Map<KindDiscovery<C>, Holding[]>(discoveries.map((d) => [d, []]));
  const labels = new Map<string, string>();
  const contextFor = (d: KindDiscovery<C> | undefined): DiscoverContext<C> => ({
    client,
    rules: options.rules,
    dns: options.dns,
    listing: <T>(of: KindDiscovery<C>) => listingOf(of) as Promise<readonly T[]>,
    found: async (kind) => (await Promise.all(discoveries.filter((x) => x.kind === kind).map(claimOf))).flat(),
    block: (h) => (d ? holdings.get(d)!.push(h) : undefined),
    label: (id) => labels.get(id) ?? id,
  });
  const listingOf = (d: KindDiscovery<C>) => {
    if (!listings.has(d)) listings.set(d, d.list ? d.list(client, contextFor(d)) : Promise.resolve([]));
    return listings.get(d)!;
  };
  const claimOf = (d: KindDiscovery<C>) => {
    if (!claims.has(d)) claims.set(d, listingOf(d).then((listed) => d.claim(listed, contextFor(d))));
    return claims.get(d)!;
  };
  for (const d of discoveries) void listingOf(d);
  const perDiscovery = await Promise.all(discoveries.map(claimOf));
  const claimed = discoveries.flatMap((discovery, i) => perDiscovery[i].map((found) => ({ discovery, found })));
  for (const { discovery, found } of claimed) {
    if (!labels.has(found.id)) labels.set(found.id, options.rules.label(discovery.kind, found.id, found.name));
  }
  const seen = new Set<string>();
  const blockers = discoveries
    .flatMap((d) => holdings.get(d)!)
    .map((h) => ({ blocked: labels.get(h.blockedId) ?? h.blockedId, by: h.by, hint: h.hint }))
    .filter((b) => {
      const key = `${b.blocked}|${b.by}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { claimed, blockers, context: contextFor(undefined) };
}

/** Every kind, each after the kinds that must go before it. */
export function deletionOrder<C>(discoveries: readonly KindDiscovery<C>[]): string[] {
  const after = new Map<string, Set<string>>();
  for (const d of discoveries) after.set(d.kind, new Set([...(after.get(d.kind) ?? []), ...d.after]));
  const out: string[] = [];
  const visit = (kind: string): void => {
    if (out.includes(kind)) return;
    for (const p of after.get(kind) ?? []) visit(p);
    out.push(kind);
  };
  for (const kind of after.keys()) visit(kind);
  return out;
}
