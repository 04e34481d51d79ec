/**
 * What a GCE cluster owns, found as the Go kops finds it (pkg/resources/gce): instance templates by their
 * `cluster-name` metadata, the managed instance groups that run them, etcd disks by the cluster label, the network
 * and subnetworks only when named after the cluster and used by its templates, the rest by names generated from
 * the cluster's (or carrying its name hash). A network or subnetwork something else uses blocks the deletion, named.
 */
import { hashString, truncateName } from '../../apis/go/truncate.js';
import type { Blocker, ClusterObject, ClusterObjects, CloudDiscovery } from '../types.js';
import { lastComponent, parseLink, relativeLink, type GceCompute, type Json } from './compute.js';
import { classifyGceError, describeGceError } from './direct.js';
import { safeClusterName } from './lookup.js';
import { GCE_LABEL_CLUSTER, safeObjectName, serviceAccountName } from './names.js';
import { GceHttpHealthCheckOps } from './resources/http-health-check.js';
import { GceProjectIamBindingOps, projectIamBindingId } from './resources/project-iam-binding.js';
import { GceServiceAccountOps } from './resources/service-account.js';

/** The types whose objects must be gone before one of this type can go (they refer to it). */
const USERS: Record<string, string[]> = {
  'backend-service': ['forwarding-rule'],
  'instance-group-manager': ['backend-service'],
  'target-pool': ['forwarding-rule', 'instance-group-manager'],
  'health-check': ['backend-service'],
  'http-health-check': ['target-pool'],
  'instance-template': ['instance-group-manager'],
  disk: ['instance-group-manager'],
  address: ['forwarding-rule'],
  subnetwork: ['instance-template', 'instance-group-manager', 'address', 'forwarding-rule', 'router', 'backend-service'],
  network: ['subnetwork', 'firewall-rule', 'route', 'router', 'instance-template', 'instance-group-manager', 'forwarding-rule'],
  'service-account': ['project-iam-binding', 'instance-template', 'instance-group-manager'],
};

/** The roles kops makes a service account for (gce.ServiceAccountName of each). */
const ACCOUNT_ROLES = ['control-plane', 'bastion', 'node'];

const MAX_PREFIX_TOKENS = 5;
const UUID_LENGTH = 36;

export function gceDiscovery(api: GceCompute): CloudDiscovery {
  return {
    async discover(clusterName) {
      const found = await findOwned(api, clusterName);
      const objects = ordered(found.map(({ type, object }) => clusterObject(type, object)));
      const blockers = await foreignUsers(api, objects, found);
      return { objects, blockers } satisfies ClusterObjects;
    },
    async remove(object) {
      if (object.type === 'service-account') return GceServiceAccountOps.delete(api, { id: object.id, fields: {} });
      if (object.type === 'project-iam-binding') return GceProjectIamBindingOps.delete(api, { id: object.id, fields: {} });
      if (object.type === 'http-health-check') return GceHttpHealthCheckOps.delete(api, { id: object.id, fields: {} });
      const at = parseLink(object.id);
      if (!at) throw new Error(`cannot tell which object ${object.id} is`);
      await api.delete(at);
    },
    async explainRefusal(object) {
      if (object.type !== 'network' && object.type !== 'subnetwork') return [];
      return foreignUsers(api, [object], []);
    },
    classify: classifyGceError,
    describe: describeGceError,
  };
}

interface Found {
  type: string;
  object: Json;
}

async function findOwned(api: GceCompute, clusterName: string): Promise<Found[]> {
  const safe = safeClusterName(clusterName);
  const hash = hashString(safe, 6);
  const inRegion = (zone: string) => zone.startsWith(`${api.region}-`);
  const matchesName = (name: string, maxParts = 8) => {
    const tokens = name.split('-');
    for (let i = 1; i <= Math.min(maxParts, tokens.length); i++) {
      const id = tokens.slice(0, i).join('-');
      if (id && (name === safeObjectName(id, clusterName) || name.includes(hash))) return true;
    }
    return false;
  };
  const out: Found[] = [];
  const add = (type: string, objects: Json[]) => out.push(...objects.map((object) => ({ type, object })));

  const templates = (await api.list('instanceTemplates', '')).filter((t) => metadataValue(t, 'cluster-name') === clusterName);
  add('instance-template', templates);
  const templateLinks = new Set(templates.map((t) => relativeLink(String(t.selfLink))));
  const networkLinks = new Set(templates.flatMap((t) => interfaces(t).map((n) => relativeLink(String(n.network ?? '')))));
  const subnetLinks = new Set(templates.flatMap((t) => interfaces(t).map((n) => relativeLink(String(n.subnetwork ?? '')))));

  const managers = (await api.listAll('instanceGroupManagers'))
    .filter(({ where, item }) => inRegion(where) && templateLinks.has(relativeLink(String(item.instanceTemplate ?? ((item.versions as Json[] | undefined) ?? [])[0]?.instanceTemplate ?? ''))))
    .map(({ item }) => item);
  add('instance-group-manager', managers);
  const managerNames = new Set(managers.map((m) => String(m.name)));

  add('disk', (await api.listAll('disks', `labels.${GCE_LABEL_CLUSTER} = "${safe}"`)).filter(({ where }) => inRegion(where)).map(({ item }) => item));

  const pools = (await api.list('targetPools', api.region)).filter((p) => matchesName(String(p.name)));
  add('target-pool', pools);
  // Legacy HTTP health checks are found through the cluster's target pools, as kops finds them.
  const httpChecks = [...new Set(pools.flatMap((p) => ((p.healthChecks as string[] | undefined) ?? []).map(relativeLink)))];
  add('http-health-check', httpChecks.filter((link) => matchesName(lastComponent(link))).map((link) => ({ name: lastComponent(link), selfLink: link })));

  add('forwarding-rule', (await api.list('forwardingRules', api.region)).filter((r) => matchesName(String(r.name))));
  add('address', (await api.list('addresses', api.region)).filter((a) => matchesName(String(a.name))));

  const services = (await api.list('backendServices', api.region)).filter((s) => {
    const backends = (s.backends as Json[] | undefined) ?? [];
    return backends.length > 0 && backends.every((b) => managerNames.has(lastComponent(String(b.group))));
  });
  add('backend-service', services);
  const checks = new Set(services.flatMap((s) => ((s.healthChecks as string[] | undefined) ?? []).map(relativeLink)));
  add('health-check', (await api.list('healthChecks', api.region)).filter((h) => checks.has(relativeLink(String(h.selfLink)))));

  add(
    'firewall-rule',
    (await api.list('firewalls', '')).filter((f) => {
      const tags = (f.targetTags as string[] | undefined) ?? [];
      return matchesName(String(f.name), MAX_PREFIX_TOKENS) && tags.length > 0 && tags.every((t) => t.startsWith(`${safe}-`) || t.includes(hash));
    }),
  );
  const routePrefix = safe.length + 1 > 63 - UUID_LENGTH ? `${safe.slice(0, 63 - UUID_LENGTH - 1)}-` : `${safe}-`;
  add('route', (await api.list('routes', '')).filter((r) => String(r.name).length >= UUID_LENGTH && String(r.name).slice(0, -UUID_LENGTH) === routePrefix));

  add('subnetwork', (await api.list('subnetworks', api.region)).filter((s) => matchesName(String(s.name)) && subnetLinks.has(relativeLink(String(s.selfLink)))));
  add('router', (await api.list('routers', api.region)).filter((r) => matchesName(String(r.name))));
  const networkName = truncateName(safe, 63, false);
  add('network', (await api.list('networks', '')).filter((n) => n.name === networkName && networkLinks.has(relativeLink(String(n.selfLink)))));
  out.push(...(await findAccounts(api, clusterName)));
  return out;
}

/**
 * The cluster's service accounts (their ids are made from the cluster's name, as kops lists them), and their
 * members in the project policy's unconditional bindings, one object per role: kops adds them, so they go too.
 */
async function findAccounts(api: GceCompute, clusterName: string): Promise<Found[]> {
  const ids = new Set(ACCOUNT_ROLES.map((role) => serviceAccountName(role, clusterName)));
  const accounts = (await api.iam.listServiceAccounts(api.project)).filter((a) => ids.has(a.email.split('@')[0]));
  if (!accounts.length) return [];
  const members = new Set(accounts.map((a) => `serviceAccount:${a.email}`));
  const policy = await api.iam.getProjectPolicy(api.project);
  const bindings = (policy.bindings ?? []).flatMap((b) => {
    const ours = b.condition ? [] : (b.members ?? []).filter((m) => members.has(m));
    return ours.length ? [{ type: 'project-iam-binding', object: { name: `${b.role} ${ours.join(', ')}`, selfLink: projectIamBindingId(api.project, b.role, ours) } }] : [];
  });
  return [...accounts.map((a) => ({ type: 'service-account', object: { name: a.email, selfLink: a.name } })), ...bindings];
}

function clusterObject(type: string, object: Json): ClusterObject {
  const id = relativeLink(String(object.selfLink));
  return { key: `${type}:${id}`, type, id, name: String(object.name), action: 'delete', after: [] };
}

/** Users first: each object waits for the objects of the types that refer to it. */
function ordered(objects: ClusterObject[]): ClusterObject[] {
  for (const o of objects) o.after = objects.filter((u) => (USERS[o.type] ?? []).includes(u.type)).map((u) => u.key);
  const depth = new Map<string, number>();
  const depthOf = (type: string): number => {
    if (!depth.has(type)) depth.set(type, 1 + Math.max(-1, ...(USERS[type] ?? []).map(depthOf)));
    return depth.get(type)!;
  };
  return objects.sort((a, b) => depthOf(a.type) - depthOf(b.type) || a.id.localeCompare(b.id));
}

/**
 * Objects the cluster does not own that use its network or subnetworks: instances not started by its managed
 * instance groups, firewall rules, routes, subnetworks and forwarding rules of others.
 */
async function foreignUsers(api: GceCompute, owned: ClusterObject[], found: Found[]): Promise<Blocker[]> {
  const links = new Map(owned.filter((o) => o.type === 'network' || o.type === 'subnetwork').map((o) => [o.id, o]));
  if (!links.size) return [];
  const ours = new Set(owned.map((o) => o.id));
  const managers = new Set(found.filter((f) => f.type === 'instance-group-manager').map((f) => String(f.object.name)));
  const blockers: Blocker[] = [];
  const check = (kind: string, item: Json, used: unknown[]) => {
    const id = relativeLink(String(item.selfLink));
    if (ours.has(id)) return;
    for (const link of used) {
      const target = links.get(relativeLink(String(link ?? '')));
      if (!target) continue;
      blockers.push({ blocked: `${target.type} ${target.name}`, by: `${kind} ${id}`, hint: `delete the ${kind} or move it out of ${target.type} ${target.name}, then run delete cluster again` });
      return;
    }
  };
  for (const { item } of await api.listAll('instances')) {
    const creator = metadataValue(item, 'created-by') ?? '';
    if (managers.has(lastComponent(creator)) && creator.includes('/instanceGroupManagers/')) continue;
    check('instance', item, interfaces(item).flatMap((n) => [n.network, n.subnetwork]));
  }
  for (const f of await api.list('firewalls', '')) check('firewall-rule', f, [f.network]);
  for (const r of await api.list('routes', '')) if (!String(r.name).startsWith('default-route-')) check('route', r, [r.network]);
  for (const { item } of await api.listAll('subnetworks')) check('subnetwork', item, [item.network]);
  for (const { item } of await api.listAll('forwardingRules')) check('forwarding-rule', item, [item.network, item.subnetwork]);
  return blockers.sort((a, b) => a.by.localeCompare(b.by));
}

function interfaces(resource: Json): Json[] {
  const holder = (resource.properties as Json | undefined) ?? resource;
  return (holder.networkInterfaces as Json[] | undefined) ?? [];
}

function metadataValue(resource: Json, key: string): string | undefined {
  const holder = (resource.properties as Json | undefined) ?? resource;
  const items = ((holder.metadata as Json | undefined)?.items as { key?: string; value?: string }[] | undefined) ?? [];
  return items.find((i) => i.key === key)?.value;
}
