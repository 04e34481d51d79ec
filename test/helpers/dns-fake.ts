/**
 * The Cloud DNS v1 REST paths, served next to the Compute Engine fake under `/dns/v1/`: managed zones, their record
 * sets and changes, as the API documents them. Nothing in it knows kops.
 * - `POST .../managedZones` creates a zone (409 alreadyExists when the name is taken) with its SOA and NS record
 *   sets; `GET` reads one (404 notFound) or lists them (maxResults, pageToken, dnsName); `DELETE` removes an empty
 *   zone (400 containerNotEmpty while it holds records other than SOA and NS).
 * - `GET .../managedZones/Z/rrsets` lists record sets (name, type, maxResults, pageToken).
 * - `POST .../managedZones/Z/changes` applies deletions then additions atomically: a deletion must match the stored
 *   set exactly (404 notFound when absent, 412 conditionNotMet when its values differ), an addition must be new
 *   (409 alreadyExists); names must be fully qualified and inside the zone (400 invalid). Answers the change, done.
 * Bodies are checked against the fields each message has (400 invalid otherwise).
 */
type Json = Record<string, unknown>;

export interface DnsRecordSet {
  kind?: string;
  name: string;
  type: string;
  ttl?: number;
  rrdatas: string[];
}

export interface DnsFake {
  /** Zones by `project/zoneName`. */
  zones: Map<string, Json>;
  /** Record sets by `project/zoneName`, in the order they were added. */
  records: Map<string, DnsRecordSet[]>;
  /** Items in a list page when the request sets no maxResults (small, so that clients are seen to page). */
  defaultPageSize: number;
  /** Makes a zone as a user would (outside kops). */
  createZone(project: string, name: string, dnsName: string): Json;
  /** Answers one request under `/dns/v1/`. */
  handle(method: string, path: string, query: URLSearchParams, body: string): { status: number; json: Json };
}

class DnsApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const ZONE_FIELDS = ['name', 'dnsName', 'description', 'visibility', 'kind', 'labels', 'nameServers', 'dnssecConfig', 'privateVisibilityConfig'];
const RECORD_FIELDS = ['kind', 'name', 'type', 'ttl', 'rrdatas', 'signatureRrdatas', 'routingPolicy'];
const CHANGE_FIELDS = ['kind', 'additions', 'deletions', 'isServing'];

export function createDnsFake(): DnsFake {
  const zones = new Map<string, Json>();
  const records = new Map<string, DnsRecordSet[]>();
  let serial = 7000;

  function handle(method: string, path: string, query: URLSearchParams, text: string): { status: number; json: Json } {
    try {
      const body = text.trim() && text.trim() !== '""' ? (JSON.parse(text) as unknown) : {};
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new DnsApiError(400, 'invalid', 'the request body must be a JSON object');
      return { status: 200, json: dispatch(method, decodeURIComponent(path.replace(/\/$/, '')), query, body as Json) };
    } catch (err) {
      const e = err instanceof DnsApiError ? err : new DnsApiError(400, 'invalid', (err as Error).message);
      return { status: e.status, json: { error: { code: e.status, message: e.message, errors: [{ reason: e.reason, message: e.message, domain: 'global' }] } } };
    }
  }

  function dispatch(method: string, path: string, query: URLSearchParams, body: Json): Json {
    const m = /^\/dns\/v1\/projects\/([^/]+)\/managedZones(?:\/([^/]+)(?:\/(rrsets|changes))?)?$/.exec(path);
    if (!m) throw new DnsApiError(404, 'notFound', `no method of the Cloud DNS API serves ${method} ${path}`);
    const [, project, zone, sub] = m;
    if (!zone && method === 'POST') return createZone(project, body);
    if (!zone && method === 'GET') return listZones(project, query, body);
    if (zone && !sub && method === 'GET') return readZone(project, zone, query, body);
    if (zone && !sub && method === 'DELETE') return deleteZone(project, zone, query, body);
    if (sub === 'rrsets' && method === 'GET') return listRecords(project, zone, query, body);
    if (sub === 'changes' && method === 'POST') return change(project, zone, query, body);
    throw new DnsApiError(404, 'notFound', `no method of the Cloud DNS API serves ${method} ${path}`);
  }

  function createZone(project: string, body: Json): Json {
    accept(new URLSearchParams(), [], body, ZONE_FIELDS);
    const name = String(body.name ?? '');
    const dnsName = String(body.dnsName ?? '');
    if (!/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) throw new DnsApiError(400, 'invalid', `Invalid value for 'entity.managedZone.name': '${name}'`);
    if (!dnsName.endsWith('.')) throw new DnsApiError(400, 'invalid', `Invalid value for 'entity.managedZone.dnsName': '${dnsName}'`);
    const key = `${project}/${name}`;
    if (zones.has(key)) throw new DnsApiError(409, 'alreadyExists', `The resource 'entity.managedZone' named '${name}' already exists`);
    const id = String(++serial);
    const stored: Json = { kind: 'dns#managedZone', visibility: 'public', ...body, id, nameServers: ['ns-cloud-a1.googledomains.com.'], creationTime: new Date(0).toISOString() };
    zones.set(key, stored);
    records.set(key, [
      { kind: 'dns#resourceRecordSet', name: dnsName, type: 'NS', ttl: 21600, rrdatas: ['ns-cloud-a1.googledomains.com.'] },
      { kind: 'dns#resourceRecordSet', name: dnsName, type: 'SOA', ttl: 21600, rrdatas: ['ns-cloud-a1.googledomains.com. cloud-dns-hostmaster.google.com. 1 21600 3600 259200 300'] },
    ]);
    return stored;
  }

  function zoneOf(project: string, zone: string): Json {
    const found = zones.get(`${project}/${zone}`);
    if (!found) throw new DnsApiError(404, 'notFound', `The 'parameters.managedZone' resource named '${zone}' does not exist.`);
    return found;
  }

  function readZone(project: string, zone: string, query: URLSearchParams, body: Json): Json {
    accept(query, [], body, []);
    return zoneOf(project, zone);
  }

  function deleteZone(project: string, zone: string, query: URLSearchParams, body: Json): Json {
    accept(query, [], body, []);
    zoneOf(project, zone);
    const key = `${project}/${zone}`;
    if ((records.get(key) ?? []).some((r) => r.type !== 'SOA' && r.type !== 'NS')) throw new DnsApiError(400, 'containerNotEmpty', `The resource named '${zone}' cannot be deleted because it is not empty`);
    zones.delete(key);
    records.delete(key);
    return {};
  }

  function listZones(project: string, query: URLSearchParams, body: Json): Json {
    accept(query, ['maxResults', 'pageToken', 'dnsName'], body, []);
    const dnsName = query.get('dnsName');
    const all = [...zones.entries()].filter(([k, z]) => k.startsWith(`${project}/`) && (!dnsName || z.dnsName === dnsName)).map(([, z]) => z);
    return page(all, query, 'managedZones', 'dns#managedZonesListResponse', fake.defaultPageSize);
  }

  function listRecords(project: string, zone: string, query: URLSearchParams, body: Json): Json {
    accept(query, ['maxResults', 'pageToken', 'name', 'type'], body, []);
    zoneOf(project, zone);
    const name = query.get('name');
    const type = query.get('type');
    if (type && !name) throw new DnsApiError(400, 'invalid', 'type is only accepted together with name');
    const all = (records.get(`${project}/${zone}`) ?? []).filter((r) => (!name || r.name === name) && (!type || r.type === type));
    return page(all as unknown as Json[], query, 'rrsets', 'dns#resourceRecordSetsListResponse', fake.defaultPageSize);
  }

  function change(project: string, zone: string, query: URLSearchParams, body: Json): Json {
    accept(query, [], body, CHANGE_FIELDS);
    const z = zoneOf(project, zone);
    const key = `${project}/${zone}`;
    const sets = [...(records.get(key) ?? [])];
    const additions = recordSets(body.additions, String(z.dnsName));
    const deletions = recordSets(body.deletions, String(z.dnsName));
    if (!additions.length && !deletions.length) throw new DnsApiError(400, 'invalid', 'The change has no additions or deletions');
    for (const d of deletions) {
      const at = sets.findIndex((r) => r.name === d.name && r.type === d.type);
      if (at < 0) throw new DnsApiError(404, 'notFound', `The 'entity.change.deletions[${d.name}][${d.type}]' resource does not exist.`);
      const stored = sets[at];
      if ((d.ttl !== undefined && d.ttl !== stored.ttl) || JSON.stringify(d.rrdatas) !== JSON.stringify(stored.rrdatas)) {
        throw new DnsApiError(412, 'conditionNotMet', `The resource 'entity.change.deletions[${d.name}][${d.type}]' does not match the current state`);
      }
      sets.splice(at, 1);
    }
    for (const a of additions) {
      if (sets.some((r) => r.name === a.name && r.type === a.type)) throw new DnsApiError(409, 'alreadyExists', `The resource 'entity.change.additions[${a.name}][${a.type}]' named '${a.name} (${a.type})' already exists`);
      sets.push({ kind: 'dns#resourceRecordSet', ...a });
    }
    records.set(key, sets);
    return { kind: 'dns#change', id: String(++serial), status: 'done', startTime: new Date(0).toISOString(), additions, deletions };
  }

  function recordSets(value: unknown, zoneName: string): DnsRecordSet[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new DnsApiError(400, 'invalid', 'additions and deletions are lists of record sets');
    return value.map((r: Json) => {
      accept(new URLSearchParams(), [], r, RECORD_FIELDS);
      const name = String(r.name ?? '');
      const type = String(r.type ?? '');
      if (!name.endsWith('.') || !(name === zoneName || name.endsWith(`.${zoneName}`))) throw new DnsApiError(400, 'invalid', `Invalid value for 'entity.change.additions[${name}].name': '${name}' is not in zone ${zoneName}`);
      if (!type || !Array.isArray(r.rrdatas) || r.rrdatas.length === 0) throw new DnsApiError(400, 'invalid', `record set ${name} needs a type and rrdatas`);
      return { name, type, ...(r.ttl === undefined ? {} : { ttl: Number(r.ttl) }), rrdatas: (r.rrdatas as unknown[]).map(String) };
    });
  }

  const fake: DnsFake = {
    zones,
    records,
    defaultPageSize: 2,
    createZone: (project, name, dnsName) => createZone(project, { name, dnsName }),
    handle,
  };
  return fake;
}

function page(all: Json[], query: URLSearchParams, field: string, kind: string, defaultSize: number): Json {
  const size = Math.min(Number(query.get('maxResults') || defaultSize), 1000);
  const start = query.get('pageToken') ? Number(Buffer.from(query.get('pageToken')!, 'base64url').toString()) : 0;
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(size) || size < 1) throw new DnsApiError(400, 'invalid', 'invalid page token or size');
  const out: Json = { kind, [field]: all.slice(start, start + size) };
  if (start + size < all.length) out.nextPageToken = Buffer.from(String(start + size)).toString('base64url');
  return out;
}

function accept(query: URLSearchParams, params: string[], body: Json, fields: string[]): void {
  for (const key of query.keys()) if (!key.startsWith('$') && key !== 'alt' && key !== 'prettyPrint' && !params.includes(key)) throw new DnsApiError(400, 'invalid', `unknown query parameter "${key}"`);
  for (const key of Object.keys(body)) if (!fields.includes(key)) throw new DnsApiError(400, 'invalid', `Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
}
