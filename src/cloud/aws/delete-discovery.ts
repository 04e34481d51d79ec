import type { Blocker, ClusterObject, CloudDiscovery, DiscoverOptions } from '../types.js';
import { describeAwsError, type AwsClients } from './clients.js';
import { deletionErrorClass, type AwsDiscovery, type DiscoverContext, type Found, type Holding } from './resources/discovery.js';
import { AWS_DISCOVERIES } from './resources/index.js';

interface Claimed {
  discovery: AwsDiscovery;
  found: Found;
}

/**
 * `delete cluster` on AWS: each kind's discovery (declared in its type's file) claims the cluster's objects, and
 * each object is removed through its type's delete op, or loses the cluster's tags when shared.
 */
export function awsDiscovery(aws: AwsClients, discoveries: readonly AwsDiscovery[] = AWS_DISCOVERIES): CloudDiscovery {
  const claimed = new Map<string, Claimed>();
  let context: DiscoverContext | undefined;
  const claimOf = (o: ClusterObject) => {
    const c = claimed.get(o.key);
    if (!c) throw new Error(`${o.key} was not found by this discovery`);
    return c;
  };
  return {
    async discover(clusterName, options) {
      const run = await discoverAll(aws, discoveries, options);
      context = run.context;
      const keysOfKind = new Map<string, string[]>();
      for (const c of run.claimed) {
        const key = keyOf(c);
        claimed.set(key, c);
        keysOfKind.set(c.discovery.kind, [...(keysOfKind.get(c.discovery.kind) ?? []), key]);
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
        return discovery.delete(aws, found.actual);
      }
      if (!discovery.tagging) throw new Error(`${o.key} is shared, and its kind has no tags to remove`);
      await discovery.tagging.remove(aws, found.actual, context!.rules.clusterTagKeys(found.tags ?? {}));
    },
    async explainRefusal(o) {
      const { discovery, found } = claimOf(o);
      return discovery.holders && context ? discovery.holders(found, context) : [];
    },
    classify: deletionErrorClass,
    describe: describeAwsError,
  };
}

const keyOf = (c: Claimed) => `${c.discovery.kind}:${c.found.id}`;

/**
 * Runs every discovery: each lists once, and claims once the kinds it reads have claimed. Blockers come in the
 * order of the discoveries, each naming the cluster's object it holds.
 */
export async function discoverAll(
  aws: AwsClients,
  discoveries: readonly AwsDiscovery[],
  options: DiscoverOptions,
): Promise<{ claimed: Claimed[]; blockers: Blocker[]; context: DiscoverContext }> {
  const listings = new Map<AwsDiscovery, Promise<readonly unknown[]>>();
  const claims = new Map<AwsDiscovery, Promise<readonly Found[]>>();
  const holdings = new Map<AwsDiscovery, Holding[]>(discoveries.map((d) => [d, []]));
  const labels = new Map<string, string>();
  const contextFor = (d: AwsDiscovery | undefined): DiscoverContext => ({
    aws,
    rules: options.rules,
    dns: options.dns,
    listing: <T>(of: AwsDiscovery) => listingOf(of) as Promise<readonly T[]>,
    found: async (kind) => (await Promise.all(discoveries.filter((x) => x.kind === kind).map(claimOf))).flat(),
    block: (h) => (d ? holdings.get(d)!.push(h) : undefined),
    label: (id) => labels.get(id) ?? id,
  });
  const listingOf = (d: AwsDiscovery) => {
    if (!listings.has(d)) listings.set(d, d.list ? d.list(aws, contextFor(d)) : Promise.resolve([]));
    return listings.get(d)!;
  };
  const claimOf = (d: AwsDiscovery) => {
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
export function deletionOrder(discoveries: readonly AwsDiscovery[] = AWS_DISCOVERIES): string[] {
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
