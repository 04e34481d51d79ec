/**
 * What the GCE kinds' discoveries for `delete cluster` share (pkg/resources/gce's rules): kops's naming scheme for
 * what it names after the cluster, the links one object holds to another, and the foreign users of the cluster's
 * network and subnetworks, which stop its deletion.
 */
import { hashString } from '../../../apis/go/truncate.js';
import type { ResourceOps } from '../../../engine/ops.js';
import type { DiscoverContext as KindContext, DiscoveryDecl as KindDecl, Found, KindDiscovery } from '../../kind-discovery.js';
import type { Blocker } from '../../types.js';
import { lastComponent, relativeLink, type GceCompute, type Json } from '../compute.js';
import { safeClusterName } from '../lookup.js';
import { safeObjectName } from '../names.js';

export { deletedIds, type Found } from '../../kind-discovery.js';

export type GceDiscovery<T = unknown> = KindDiscovery<GceCompute, T>;
export type DiscoverContext = KindContext<GceCompute>;

/** A type's discovery: what it finds is removed through the type's delete op. */
export function discovery<T>(ops: Pick<ResourceOps<GceCompute>, 'delete'>, decl: KindDecl<GceCompute, T>): GceDiscovery<T> {
  return { ...decl, delete: (api, actual) => ops.delete(api, actual) };
}

/** A kind only looked at for what it blocks (instances and routes kops does not make). */
export function discoverOnly<T>(decl: GceDiscovery<T>): GceDiscovery<T> {
  return decl;
}

/** One listed Compute Engine object as found: its link as id, removed by that link. */
export function foundObject(object: Json): Found {
  const id = relativeLink(String(object.selfLink));
  return { id, name: String(object.name), action: 'delete', actual: { id, fields: {} } };
}

const MAX_NAME_PARTS = 8;

/**
 * Whether a name is one kops generates for the cluster: `<object>-<cluster>` for an object name of up to `maxParts`
 * dash-separated parts, or any name carrying the hash of the cluster's name (given to names cut to fit).
 */
export function namedForCluster(ctx: DiscoverContext, name: string, maxParts = MAX_NAME_PARTS): boolean {
  return namedAfterCluster(ctx.rules.clusterName, name, maxParts);
}

/** namedForCluster for a cluster given by name. */
export function namedAfterCluster(clusterName: string, name: string, maxParts = MAX_NAME_PARTS): boolean {
  const hash = hashString(safeClusterName(clusterName), 6);
  if (name.includes(hash)) return true;
  const tokens = name.split('-');
  for (let i = 1; i <= Math.min(maxParts, tokens.length); i++) {
    if (name === safeObjectName(tokens.slice(0, i).join('-'), clusterName)) return true;
  }
  return false;
}

/** A zone of the cluster's region. */
export const inRegion = (api: GceCompute, zone: string) => zone.startsWith(`${api.region}-`);

/** The network interfaces of an instance or an instance template. */
export function interfaces(resource: Json): Json[] {
  const holder = (resource.properties as Json | undefined) ?? resource;
  return (holder.networkInterfaces as Json[] | undefined) ?? [];
}

/** A metadata value of an instance or an instance template. */
export function metadataValue(resource: Json, key: string): string | undefined {
  const holder = (resource.properties as Json | undefined) ?? resource;
  const items = ((holder.metadata as Json | undefined)?.items as { key?: string; value?: string }[] | undefined) ?? [];
  return items.find((i) => i.key === key)?.value;
}

/** The listed objects a kind's discovery claimed, as listed. */
export async function claimedObjects(ctx: DiscoverContext, of: GceDiscovery<Json>): Promise<Json[]> {
  const ids = new Set((await ctx.found(of.kind)).map((f) => f.id));
  return (await ctx.listing<Json>(of)).filter((o) => ids.has(relativeLink(String(o.selfLink))));
}

/** The last path component of each link an object holds (`backends[].group`, `healthChecks[]`). */
export const linkNames = (links: unknown[]) => links.map((l) => lastComponent(String(l ?? '')));

type NetworkKind = 'network' | 'subnetwork';

/** The cluster's networks (or subnetworks) being deleted, by link. */
async function ownedNetworks(ctx: DiscoverContext, kinds: readonly NetworkKind[]): Promise<Map<string, { kind: string; found: Found }>> {
  const out = new Map<string, { kind: string; found: Found }>();
  for (const kind of kinds) for (const found of await ctx.found(kind)) out.set(found.id, { kind, found });
  return out;
}

/** A foreign object that uses the cluster's network or subnetwork, named with what to do about it. */
function holding(kind: string, id: string, target: { kind: string; found: Found }) {
  return { by: `${kind} ${id}`, todo: `delete the ${kind} or move it out of ${target.kind} ${target.found.name}` };
}

/**
 * Records as blockers the listed objects of another owner (not claimed by the cluster) that use its network or a
 * subnetwork through one of the links `used` reads (a subnetwork's discovery looks at networks only).
 */
export async function blockNetworkUsers(
  ctx: DiscoverContext,
  kind: string,
  listed: readonly Json[],
  claimed: ReadonlySet<string>,
  used: (item: Json) => unknown[],
  targets: readonly NetworkKind[] = ['network', 'subnetwork'],
): Promise<void> {
  const owned = await ownedNetworks(ctx, targets);
  if (!owned.size) return;
  for (const item of listed) {
    const id = relativeLink(String(item.selfLink));
    if (claimed.has(id)) continue;
    const target = used(item)
      .map((link) => owned.get(relativeLink(String(link ?? ''))))
      .find(Boolean);
    if (!target) continue;
    const h = holding(kind, id, target);
    ctx.block({ blockedId: target.found.id, by: h.by, hint: ctx.rules.hint(h.todo) });
  }
}

/** The users of a network or subnetwork right now (asked when the cloud keeps refusing to delete it). */
export function networkHolders(kind: NetworkKind) {
  return async (found: Found, ctx: DiscoverContext): Promise<Blocker[]> => {
    const api = ctx.client;
    const target = { kind, found };
    const users: [string, Json, unknown[]][] = [
      ...(await api.listAll('instances')).map(({ item }): [string, Json, unknown[]] => ['instance', item, interfaces(item).flatMap((n) => [n.network, n.subnetwork])]),
      ...(await api.list('firewalls', '')).map((f): [string, Json, unknown[]] => ['firewall-rule', f, [f.network]]),
      ...(await api.list('routes', '')).filter((r) => !String(r.name).startsWith('default-route-')).map((r): [string, Json, unknown[]] => ['route', r, [r.network]]),
      ...(await api.listAll('subnetworks')).map(({ item }): [string, Json, unknown[]] => ['subnetwork', item, [item.network]]),
      ...(await api.listAll('forwardingRules')).map(({ item }): [string, Json, unknown[]] => ['forwarding-rule', item, [item.network, item.subnetwork]]),
    ];
    return users
      .filter(([, item, links]) => relativeLink(String(item.selfLink)) !== found.id && links.some((l) => relativeLink(String(l ?? '')) === found.id))
      .map(([userKind, item]) => {
        const h = holding(userKind, relativeLink(String(item.selfLink)), target);
        return { blocked: ctx.label(found.id), by: h.by, hint: ctx.rules.hint(h.todo) };
      });
  };
}
