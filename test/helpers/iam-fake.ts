/**
 * The IAM (v1) and Resource Manager (v1) REST paths kops calls, served next to the Compute Engine fake under
 * `/v1/`: resources stored by their path, as Google's resource-oriented JSON APIs behave, and any resource's IAM
 * policy. Nothing in it knows kops.
 * - `POST .../{collection}` creates (the id from the body's id field, the resource from its body field; 409
 *   ALREADY_EXISTS when taken), `GET` reads (404 NOT_FOUND when absent), `PUT` writes the fields the resource
 *   message declares, `DELETE` removes (404 afterwards); `GET` on a collection lists with pageSize and pageToken.
 * - `POST {resource}:getIamPolicy` / `:setIamPolicy`: every project has a policy, other resources only when stored;
 *   a write whose etag is not the policy's current one is refused with 409 ABORTED; each write gives a new etag.
 *   A write adding a `serviceAccount:` member is refused with 400 INVALID_ARGUMENT while that account does not
 *   exist, or is not yet visible: `accountPropagation` makes each new account unseen by that many policy writes
 *   naming it (IAM is eventually consistent: a fresh account is not known at once to the services checking members).
 * Bodies and query parameters are checked against the fields each method takes (400 INVALID_ARGUMENT otherwise).
 */
type Json = Record<string, unknown>;

export interface IamPolicy {
  version?: number;
  etag?: string;
  bindings?: { role: string; members: string[]; condition?: Json }[];
}

export interface IamFake {
  /** Stored resources by path (`/v1/projects/p/serviceAccounts/a@p.iam.gserviceaccount.com`). */
  resources: Map<string, Json>;
  /** IAM policies by resource path (`projects/p`). */
  policies: Map<string, IamPolicy>;
  /** Policy writes naming an account made from now on that still do not see it (default 0: visible at once). */
  accountPropagation: number;
  /** Answers one request under `/v1/`. */
  handle(method: string, path: string, query: URLSearchParams, body: string): { status: number; json: Json };
}

interface Collection {
  /** The list response's field. */
  listField: string;
  /** The create request's id field and resource field. */
  idField: string;
  bodyField: string;
  idPattern: RegExp;
  /** Fields of the resource message a client may write. */
  writable: string[];
  /** The stored resource's last path segment and the fields the service fills in. */
  made(parent: string, id: string, serial: number): { key: string; fields: Json };
}

/** Collections by their path segment. */
const COLLECTIONS: Record<string, Collection> = {
  serviceAccounts: {
    listField: 'accounts',
    idField: 'accountId',
    bodyField: 'serviceAccount',
    idPattern: /^[a-z](?:[-a-z0-9]{4,28}[a-z0-9])$/,
    writable: ['displayName', 'description'],
    made(parent, id, serial) {
      const project = parent.split('/')[1];
      const email = `${id}@${project}.iam.gserviceaccount.com`;
      return { key: email, fields: { projectId: project, uniqueId: String(serial), email, oauth2ClientId: String(serial), etag: etag(serial) } };
    },
  },
};

class IamApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createIamFake(): IamFake {
  const resources = new Map<string, Json>();
  const policies = new Map<string, IamPolicy>();
  /** Accounts not yet visible to policy writes, with the writes left before they are. */
  const unseen = new Map<string, number>();
  let serial = 5000;

  function handle(method: string, path: string, query: URLSearchParams, text: string): { status: number; json: Json } {
    try {
      const body = text.trim() && text.trim() !== '""' ? (JSON.parse(text) as unknown) : {};
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new IamApiError(400, 'INVALID_ARGUMENT', 'the request body must be a JSON object');
      return { status: 200, json: dispatch(method, decodeURIComponent(path.replace(/\/$/, '')), query, body as Json) };
    } catch (err) {
      const e = err instanceof IamApiError ? err : new IamApiError(400, 'INVALID_ARGUMENT', (err as Error).message);
      return { status: e.status, json: { error: { code: e.status, message: e.message, status: e.code } } };
    }
  }

  function dispatch(method: string, path: string, query: URLSearchParams, body: Json): Json {
    const custom = /^\/v1\/(.+):(getIamPolicy|setIamPolicy)$/.exec(path);
    if (custom && method === 'POST') return custom[2] === 'getIamPolicy' ? getPolicy(custom[1], body) : setPolicy(custom[1], body);
    const parts = path.split('/');
    const last = parts[parts.length - 1];
    if (last in COLLECTIONS) {
      if (method === 'POST') return create(path, COLLECTIONS[last], body, query);
      if (method === 'GET') return list(path, COLLECTIONS[last], query, body);
    }
    const parent = parts[parts.length - 2];
    if (parent in COLLECTIONS) {
      if (method === 'GET') return read(path, query, body);
      if (method === 'DELETE') {
        read(path, query, body);
        resources.delete(path);
        policies.delete(path.replace(/^\/v1\//, ''));
        return {};
      }
      if (method === 'PUT') return write(path, COLLECTIONS[parent], query, body);
    }
    throw new IamApiError(404, 'NOT_FOUND', `no method serves ${method} ${path}`);
  }

  function create(collection: string, c: Collection, body: Json, query: URLSearchParams): Json {
    accept(query, [], body, [c.idField, c.bodyField]);
    const id = body[c.idField];
    if (typeof id !== 'string' || !c.idPattern.test(id)) throw new IamApiError(400, 'INVALID_ARGUMENT', `${c.idField} '${String(id)}' does not match ${c.idPattern.source}`);
    const given = (body[c.bodyField] ?? {}) as Json;
    accept(new URLSearchParams(), [], given, c.writable);
    const parent = collection.replace(/^\/v1\//, '').replace(/\/[^/]+$/, '');
    const { key, fields } = c.made(parent, id, ++serial);
    const path = `${collection}/${key}`;
    if (resources.has(path)) throw new IamApiError(409, 'ALREADY_EXISTS', `${path.replace(/^\/v1\//, '')} already exists`);
    const stored = { name: path.replace(/^\/v1\//, ''), ...given, ...fields };
    resources.set(path, stored);
    if (fake.accountPropagation > 0) unseen.set(path, fake.accountPropagation);
    return stored;
  }

  function read(path: string, query: URLSearchParams, body: Json): Json {
    accept(query, [], body, []);
    const found = resources.get(path);
    if (!found) throw new IamApiError(404, 'NOT_FOUND', `${path.replace(/^\/v1\//, '')} was not found`);
    return found;
  }

  function write(path: string, c: Collection, query: URLSearchParams, body: Json): Json {
    const found = read(path, query, {});
    const identity = Object.keys(found).filter((k) => !c.writable.includes(k));
    accept(query, [], body, [...c.writable, ...identity]);
    for (const k of identity) {
      if (body[k] !== undefined && body[k] !== found[k]) throw new IamApiError(400, 'INVALID_ARGUMENT', `${k} cannot be changed`);
    }
    const updated = { ...found };
    for (const k of c.writable) {
      if (body[k] === undefined || body[k] === '') delete updated[k];
      else updated[k] = body[k];
    }
    resources.set(path, updated);
    return updated;
  }

  function list(collection: string, c: Collection, query: URLSearchParams, body: Json): Json {
    accept(query, ['pageSize', 'pageToken'], body, []);
    const prefix = `${collection}/`;
    const all = [...resources.entries()].filter(([p]) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).sort(([a], [b]) => a.localeCompare(b));
    const size = Math.min(Number(query.get('pageSize') || 100), 100);
    const start = query.get('pageToken') ? Number(Buffer.from(query.get('pageToken')!, 'base64url').toString()) : 0;
    if (!Number.isInteger(start) || start < 0) throw new IamApiError(400, 'INVALID_ARGUMENT', 'invalid page token');
    const out: Json = {};
    const slice = all.slice(start, start + size).map(([, v]) => v);
    if (slice.length) out[c.listField] = slice;
    if (start + size < all.length) out.nextPageToken = Buffer.from(String(start + size)).toString('base64url');
    return out;
  }

  function policyOf(resource: string): IamPolicy {
    if (!/^projects\/[^/]+$/.test(resource) && !resources.has(`/v1/${resource}`)) throw new IamApiError(404, 'NOT_FOUND', `${resource} was not found`);
    let policy = policies.get(resource);
    if (!policy) {
      policy = { version: 1, etag: etag(++serial), bindings: [] };
      policies.set(resource, policy);
    }
    return policy;
  }

  function getPolicy(resource: string, body: Json): Json {
    accept(new URLSearchParams(), [], body, ['options']);
    accept(new URLSearchParams(), [], (body.options ?? {}) as Json, ['requestedPolicyVersion']);
    return structuredClone(policyOf(resource)) as Json;
  }

  function setPolicy(resource: string, body: Json): Json {
    accept(new URLSearchParams(), [], body, ['policy', 'updateMask']);
    const given = body.policy as IamPolicy | undefined;
    if (!given || typeof given !== 'object') throw new IamApiError(400, 'INVALID_ARGUMENT', 'policy is required');
    accept(new URLSearchParams(), [], given as Json, ['version', 'etag', 'bindings', 'auditConfigs']);
    const current = policyOf(resource);
    if (given.etag !== undefined && given.etag !== current.etag) {
      throw new IamApiError(409, 'ABORTED', 'There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.');
    }
    const present = new Set((current.bindings ?? []).flatMap((b) => b.members));
    for (const b of given.bindings ?? []) {
      accept(new URLSearchParams(), [], b as unknown as Json, ['role', 'members', 'condition']);
      if (!b.members?.length) throw new IamApiError(400, 'INVALID_ARGUMENT', `binding of ${b.role} has no members`);
    }
    const added = [...new Set((given.bindings ?? []).flatMap((b) => b.members))].filter((m) => !present.has(m));
    for (const member of added) checkAccountVisible(member);
    const stored: IamPolicy = { version: given.version ?? 1, etag: etag(++serial), bindings: structuredClone(given.bindings ?? []) };
    policies.set(resource, stored);
    return structuredClone(stored) as Json;
  }

  /** A `serviceAccount:EMAIL` member must name an account the policy service can see. */
  function checkAccountVisible(member: string): void {
    const email = /^serviceAccount:(.+)$/.exec(member)?.[1];
    if (!email) return;
    const path = `/v1/projects/${email.split('@')[1]?.split('.')[0]}/serviceAccounts/${email}`;
    const left = unseen.get(path) ?? 0;
    if (left > 0) {
      if (left === 1) unseen.delete(path);
      else unseen.set(path, left - 1);
    }
    if (!resources.has(path) || left > 0) throw new IamApiError(400, 'INVALID_ARGUMENT', `Service account ${email} does not exist.`);
  }

  const fake: IamFake = { resources, policies, accountPropagation: 0, handle };
  return fake;
}

function accept(query: URLSearchParams, params: string[], body: Json, fields: string[]): void {
  for (const key of query.keys()) if (!key.startsWith('$') && key !== 'alt' && !params.includes(key)) throw new IamApiError(400, 'INVALID_ARGUMENT', `unknown query parameter "${key}"`);
  for (const key of Object.keys(body)) if (!fields.includes(key)) throw new IamApiError(400, 'INVALID_ARGUMENT', `Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
}

function etag(serial: number): string {
  return Buffer.from(`etag-${serial}`).toString('base64');
}
