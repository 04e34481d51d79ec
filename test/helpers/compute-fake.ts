/**
 * An in-process Compute Engine REST API on loopback, built from the API description that `@google-cloud/compute`
 * ships (its protos.json: every method's HTTP rule, request and resource messages). Nothing in it knows kops or a
 * particular resource type: resources are stored by their URL path, and the method's name and HTTP rule decide
 * what a request does.
 * - `Insert` (POST on a collection): the body's `name` becomes the path; 409 `alreadyExists` when taken; an Operation
 *   (already DONE) is returned and kept under the scope's `operations` collection.
 * - `Get` / `Delete` on an item: 404 `notFound` when absent; a delete is refused with 400
 *   `resourceInUseByAnotherResource` while another stored resource links to it (as Compute Engine does).
 * - `List` on a collection: `filter` (`field = value`, `!=`, `eq`/`ne` with a regular expression, terms joined by
 *   `AND` or in parentheses), `maxResults` and `pageToken`; `AggregatedList` groups a type's resources by scope.
 * - `Patch` merges the body's top-level fields, `Update` replaces the resource, `Set*` custom methods merge the
 *   body's fields that the resource message declares; operations answer `Wait`. Other methods: 501.
 * - Instance group managers run their instances as Compute Engine does (test/helpers/compute-fake-groups.ts):
 *   `targetSize` instances from the template, `Resize`, `RecreateInstances`, `DeleteInstances`, `AbandonInstances`,
 *   `ListManagedInstances`; deleting a manager deletes its instances.
 * Every body is checked against the method's message (unknown field, wrong type: 400 `invalid`), as are query
 * parameters against the request message. Links given as `projects/...` or `global|regions|zones/...` are stored as
 * full URLs, as Compute Engine reports them.
 * Legacy HTTP health checks, which the protos leave out, are described from the REST reference.
 * The same server answers the IAM and Resource Manager paths under `/v1/` (test/helpers/iam-fake.ts) and Cloud DNS
 * under `/dns/v1/` (test/helpers/dns-fake.ts), as the one
 * endpoint kops is given is the root of every Google API it calls.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { managedGroups } from './compute-fake-groups.js';
import { createDnsFake, type DnsFake } from './dns-fake.js';
import { createIamFake, type IamFake } from './iam-fake.js';

type Json = Record<string, unknown>;

interface ProtoField {
  type: string;
  rule?: string;
  keyType?: string;
}

interface ProtoMessage {
  fields: Record<string, ProtoField>;
}

interface Route {
  service: string;
  method: string;
  verb: string;
  /** Per segment: a literal, or a variable matching `width` segments. */
  segments: ({ literal: string } | { variable: string; width: number })[];
  requestType: string;
  responseType: string;
  /** The request field that holds the body (camelCase), if any. */
  bodyField?: string;
}

interface ApiDescription {
  messages: Map<string, ProtoMessage>;
  routes: Route[];
}

let described: ApiDescription | undefined;

/** The Compute Engine v1 description from the installed package (read once per process). */
export function computeApiDescription(): ApiDescription {
  if (described) return described;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@google-cloud/compute/build/protos/protos.json');
  const root = JSON.parse(readFileSync(file, 'utf8')) as { nested: Json };
  const v1 = (((((root.nested.google as Json).nested as Json).cloud as Json).nested as Json).compute as Json).nested as Json;
  const v1Nested = (v1.v1 as Json).nested as Record<string, Json>;
  const messages = new Map<string, ProtoMessage>();
  const routes: Route[] = [];
  for (const [name, node] of Object.entries(v1Nested)) {
    if (node.fields) messages.set(name, { fields: node.fields as Record<string, ProtoField> });
    if (!node.methods) continue;
    for (const [method, def] of Object.entries(node.methods as Record<string, Json>)) {
      const options = (def.options ?? {}) as Record<string, string>;
      for (const verb of ['get', 'post', 'put', 'patch', 'delete']) {
        const template = options[`(google.api.http).${verb}`];
        if (!template) continue;
        const body = options['(google.api.http).body'];
        routes.push({
          service: name,
          method,
          verb: verb.toUpperCase(),
          segments: parseTemplate(template),
          requestType: def.requestType as string,
          responseType: def.responseType as string,
          bodyField: body && body !== '*' ? camel(body) : undefined,
        });
      }
    }
  }
  describeLegacyHttpHealthChecks(messages, routes);
  // Literal segments first: `/networks/{network}/addPeering` beats a looser template of the same length.
  routes.sort((a, b) => variables(a) - variables(b));
  described = { messages, routes };
  return described;
}

/**
 * Legacy HTTP health checks (`global/httpHealthChecks`) are still in Compute Engine v1, but the package's protos
 * leave them out: their methods and message, as the v1 REST reference gives them, added to the description.
 */
function describeLegacyHttpHealthChecks(messages: Map<string, ProtoMessage>, routes: Route[]): void {
  const s = (type: string): ProtoField => ({ type });
  messages.set('HttpHealthCheck', {
    fields: {
      checkIntervalSec: s('int32'),
      creationTimestamp: s('string'),
      description: s('string'),
      healthyThreshold: s('int32'),
      host: s('string'),
      id: s('uint64'),
      kind: s('string'),
      name: s('string'),
      port: s('int32'),
      requestPath: s('string'),
      selfLink: s('string'),
      timeoutSec: s('int32'),
      unhealthyThreshold: s('int32'),
    },
  });
  messages.set('HttpHealthCheckList', { fields: { id: s('string'), items: { type: 'HttpHealthCheck', rule: 'repeated' }, kind: s('string'), nextPageToken: s('string'), selfLink: s('string') } });
  const project = { variable: 'project', width: 1 };
  const item = { variable: 'httpHealthCheck', width: 1 };
  const collection = [{ literal: 'compute' }, { literal: 'v1' }, { literal: 'projects' }, project, { literal: 'global' }, { literal: 'httpHealthChecks' }];
  const request = (name: string, fields: Record<string, ProtoField>) => messages.set(name, { fields: { project: s('string'), requestId: s('string'), ...fields } });
  request('InsertHttpHealthCheckRequest', { httpHealthCheckResource: s('HttpHealthCheck') });
  request('GetHttpHealthCheckRequest', { httpHealthCheck: s('string') });
  request('DeleteHttpHealthCheckRequest', { httpHealthCheck: s('string') });
  request('UpdateHttpHealthCheckRequest', { httpHealthCheck: s('string'), httpHealthCheckResource: s('HttpHealthCheck') });
  request('ListHttpHealthChecksRequest', { filter: s('string'), maxResults: s('uint32'), orderBy: s('string'), pageToken: s('string'), returnPartialSuccess: s('bool') });
  const route = (method: string, verb: string, segments: Route['segments'], requestType: string, responseType: string, bodyField?: string): Route => ({ service: 'HttpHealthChecks', method, verb, segments, requestType, responseType, bodyField });
  routes.push(
    route('Insert', 'POST', collection, 'InsertHttpHealthCheckRequest', 'Operation', 'httpHealthCheckResource'),
    route('List', 'GET', collection, 'ListHttpHealthChecksRequest', 'HttpHealthCheckList'),
    route('Get', 'GET', [...collection, item], 'GetHttpHealthCheckRequest', 'HttpHealthCheck'),
    route('Delete', 'DELETE', [...collection, item], 'DeleteHttpHealthCheckRequest', 'Operation'),
    route('Update', 'PUT', [...collection, item], 'UpdateHttpHealthCheckRequest', 'Operation', 'httpHealthCheckResource'),
  );
}

function parseTemplate(template: string): Route['segments'] {
  const out: Route['segments'] = [];
  for (const part of template.replace(/^\//, '').match(/\{[^}]*\}|[^/]+/g) ?? []) {
    const v = /^\{([^=}]+)(?:=([^}]*))?\}$/.exec(part);
    if (!v) out.push({ literal: part });
    else out.push({ variable: camel(v[1]), width: v[2] ? v[2].split('/').length : 1 });
  }
  return out;
}

function variables(r: Route): number {
  return r.segments.filter((s) => 'variable' in s).length;
}

function camel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export interface ComputeFake {
  endpoint: string;
  /** Stored resources by URL path (`/compute/v1/projects/p/global/networks/n`), operations included. */
  resources: Map<string, Json>;
  /** The IAM and Resource Manager side (service accounts, IAM policies). */
  iam: IamFake;
  /** The Cloud DNS side (managed zones and their record sets). */
  dns: DnsFake;
  /** `METHOD path` of every request, in order. */
  requests: string[];
  /** Resources other than operations and projects, by path (service accounts included). */
  objects(): string[];
  stop(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ComputeFakeOptions {
  /**
   * Projects that exist, as every real project does, with their default compute account
   * (`<number>-compute@developer.gserviceaccount.com`, numbered from 1).
   */
  projects?: readonly string[];
}

const PROJECT_PATH = /^\/compute\/v1\/projects\/[^/]+$/;

export async function startComputeFake(options: ComputeFakeOptions = {}): Promise<ComputeFake> {
  const api = computeApiDescription();
  const resources = new Map<string, Json>();
  (options.projects ?? []).forEach((name, i) => {
    resources.set(`/compute/v1/projects/${name}`, { kind: 'compute#project', name, defaultServiceAccount: `${i + 1}-compute@developer.gserviceaccount.com` });
  });
  const iam = createIamFake();
  const dns = createDnsFake();
  const requests: string[] = [];
  let counter = 1000;
  let base = '';
  const groups = managedGroups({
    resources,
    base: () => base,
    nextId: () => ++counter,
    operation: (target, type) => operation(target, type),
    fail: (status, reason, message) => {
      throw new ApiError(status, reason, message);
    },
    check: (value, type, at) => checkMessage(value, type, at),
  });

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (err instanceof ApiError) return sendError(res, err);
      sendError(res, new ApiError(500, 'backendError', (err as Error).message));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname.replace(/\/$/, '');
    requests.push(`${req.method} ${path}`);
    if (path.startsWith('/v1/')) {
      const answer = iam.handle(req.method ?? 'GET', path, url.searchParams, (await readBody(req)).toString('utf8'));
      return send(res, answer.status, answer.json);
    }
    if (path.startsWith('/dns/v1/')) {
      const answer = dns.handle(req.method ?? 'GET', path, url.searchParams, (await readBody(req)).toString('utf8'));
      return send(res, answer.status, answer.json);
    }
    const match = route(req.method ?? 'GET', path);
    if (!match) throw new ApiError(404, 'notFound', `no method of the Compute Engine API serves ${req.method} ${path}`);
    const { route: r, params } = match;
    checkQuery(r, url.searchParams, params);
    const raw = await readBody(req);
    let body: unknown;
    if (r.bodyField) {
      // The client sends an empty message as "" (or nothing).
      const text = raw.toString('utf8').trim();
      body = text && text !== '""' ? JSON.parse(text) : {};
      const type = api.messages.get(r.requestType)!.fields[r.bodyField].type;
      checkMessage(body, type, r.bodyField);
    } else if (!['', '{}', '""'].includes(raw.toString('utf8').trim())) {
      throw new ApiError(400, 'invalid', `${r.service}.${r.method} takes no body`);
    }
    send(res, 200, dispatch(r, path, url.searchParams, body as Json));
  }

  function route(verb: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const parts = path.replace(/^\//, '').split('/');
    for (const r of api.routes) {
      if (r.verb !== verb) continue;
      const params: Record<string, string> = {};
      let i = 0;
      let ok = true;
      for (const s of r.segments) {
        if ('literal' in s) {
          if (parts[i] !== s.literal) ok = false;
          i++;
        } else {
          if (i + s.width > parts.length) ok = false;
          params[s.variable] = decodeURIComponent(parts.slice(i, i + s.width).join('/'));
          i += s.width;
        }
        if (!ok) break;
      }
      if (ok && i === parts.length) return { route: r, params };
    }
    return undefined;
  }

  function checkQuery(r: Route, query: URLSearchParams, params: Record<string, string>): void {
    const fields = api.messages.get(r.requestType)!.fields;
    for (const key of query.keys()) {
      if (key.startsWith('$')) continue;
      if (!(key in fields) || key in params || key === r.bodyField) throw new ApiError(400, 'invalid', `${r.service}.${r.method}: unknown query parameter "${key}"`);
    }
  }

  function checkMessage(value: unknown, type: string, at: string): void {
    const message = api.messages.get(type);
    if (!message) throw new ApiError(500, 'backendError', `message ${type} is not described`);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ApiError(400, 'invalid', `${at}: expected an object (${type})`);
    for (const [key, v] of Object.entries(value)) {
      const field = message.fields[key];
      if (!field) throw new ApiError(400, 'invalid', `Invalid JSON payload received. Unknown name "${key}" at '${at}': Cannot find field in ${type}.`);
      checkField(v, field, `${at}.${key}`);
    }
  }

  function checkField(value: unknown, field: ProtoField, at: string): void {
    if (value === null) return;
    if (field.keyType) {
      if (typeof value !== 'object' || Array.isArray(value)) throw new ApiError(400, 'invalid', `${at}: expected a map`);
      for (const [k, v] of Object.entries(value)) checkScalarOrMessage(v, field.type, `${at}.${k}`);
      return;
    }
    if (field.rule === 'repeated') {
      if (!Array.isArray(value)) throw new ApiError(400, 'invalid', `${at}: expected a list`);
      value.forEach((v, i) => checkScalarOrMessage(v, field.type, `${at}[${i}]`));
      return;
    }
    checkScalarOrMessage(value, field.type, at);
  }

  function checkScalarOrMessage(value: unknown, type: string, at: string): void {
    const ok = (() => {
      switch (type) {
        case 'string':
        case 'bytes':
          return typeof value === 'string';
        case 'bool':
          return typeof value === 'boolean';
        case 'int32':
        case 'uint32':
        case 'sint32':
        case 'fixed32':
          return Number.isInteger(value);
        case 'int64':
        case 'uint64':
        case 'sint64':
        case 'fixed64':
          return Number.isInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value));
        case 'double':
        case 'float':
          return typeof value === 'number';
        default:
          checkMessage(value, type, at);
          return true;
      }
    })();
    if (!ok) throw new ApiError(400, 'invalid', `${at}: ${JSON.stringify(value)} is not a ${type}`);
  }

  function dispatch(r: Route, path: string, query: URLSearchParams, body: Json): Json {
    if (r.service === 'InstanceGroupManagers' && ['Insert', 'Patch', 'Update'].includes(r.method)) groups.checkTemplates(linked(body, projectOf(path)));
    const answer = dispatchGeneric(r, path, query, body);
    // A manager's instances follow the manager (the operation's target is the manager).
    const target = String(answer.targetLink ?? '').replace(base, '');
    if (['Insert', 'Patch', 'Update'].includes(r.method) && groups.isManager(target)) groups.settle(target);
    return answer;
  }

  function dispatchGeneric(r: Route, path: string, query: URLSearchParams, body: Json): Json {
    if (r.method === 'Insert') return insert(r, path, body);
    if (r.method === 'Get') return get(path);
    if (r.method === 'Delete') return remove(path);
    if (r.method === 'List') return list(r, path, query);
    if (r.method === 'AggregatedList') return aggregated(r, path, query);
    if (r.method === 'Patch') return modify(path, 'patch', (old) => ({ ...old, ...linked(body, projectOf(path)) }));
    if (r.method === 'Update') return modify(path, 'update', (old) => ({ ...linked(body, projectOf(path)), ...identity(old) }));
    if (r.service === 'InstanceGroupManagers') {
      const answer = groups.custom(r.method, itemOf(path), query, linked(body ?? {}, projectOf(path)));
      if (answer) return answer;
    }
    if (r.method === 'Wait' && r.service.endsWith('Operations')) return get(itemOf(path));
    if (r.method.startsWith('Set') && r.bodyField) return setMethod(r, path, body);
    throw new ApiError(501, 'notImplemented', `${r.service}.${r.method} is not implemented by this fake`);
  }

  function insert(r: Route, collection: string, body: Json): Json {
    const name = body.name;
    if (typeof name !== 'string' || !/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) {
      throw new ApiError(400, 'invalid', `Invalid value for field 'resource.name': '${String(name)}'. Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)'`);
    }
    const path = `${collection}/${name}`;
    if (resources.has(path)) throw new ApiError(409, 'alreadyExists', `The resource '${relative(path)}' already exists`);
    const type = api.messages.get(r.requestType)!.fields[r.bodyField!].type;
    const fields = api.messages.get(type)!.fields;
    const stored: Json = { ...linked(body, projectOf(path)), kind: `compute#${type[0].toLowerCase()}${type.slice(1)}`, id: String(++counter), creationTimestamp: new Date(0).toISOString(), selfLink: base + path };
    const scope = scopeOf(path);
    if (scope.region && 'region' in fields) stored.region = `${base}${scope.prefix.replace(/\/regions\/.*/, '')}/regions/${scope.region}`;
    if (scope.zone && 'zone' in fields) stored.zone = `${base}${scope.prefix.replace(/\/zones\/.*/, '')}/zones/${scope.zone}`;
    resources.set(path, stored);
    return operation(path, 'insert');
  }

  function get(path: string): Json {
    const found = resources.get(path);
    if (!found) throw new ApiError(404, 'notFound', `The resource '${relative(path)}' was not found`);
    return found;
  }

  function remove(path: string): Json {
    get(path);
    const link = base + path;
    for (const [other, value] of resources) {
      if (other !== path && !other.includes('/operations/') && mentions(value, link)) {
        throw new ApiError(400, 'resourceInUseByAnotherResource', `The ${kindOf(path)} resource '${relative(path)}' is already being used by '${relative(other)}'`);
      }
    }
    if (groups.isManager(path)) groups.removeInstances(path);
    resources.delete(path);
    return operation(path, 'delete');
  }

  function modify(path: string, kind: string, change: (old: Json) => Json): Json {
    resources.set(path, change(get(path)));
    return operation(path, kind);
  }

  function setMethod(r: Route, path: string, body: Json): Json {
    const item = itemOf(path);
    const old = get(item);
    const getRoute = api.routes.find((g) => g.service === r.service && g.method === 'Get');
    const resourceFields = getRoute ? api.messages.get(getRoute.responseType)!.fields : {};
    const merged = { ...old };
    for (const [k, v] of Object.entries(linked(body, projectOf(item)))) if (k in resourceFields) merged[k] = v;
    resources.set(item, merged);
    return operation(item, camel(r.method.replace(/^S/, 's')));
  }

  function list(r: Route, collection: string, query: URLSearchParams): Json {
    const prefix = `${collection}/`;
    const items = [...resources.entries()]
      .filter(([p]) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .map(([, v]) => v);
    return page(filtered(items, query.get('filter')), query, (slice) => ({ kind: `compute#${lowerFirst(r.responseType)}`, items: slice }));
  }

  function aggregated(r: Route, path: string, query: URLSearchParams): Json {
    const m = /^(.*\/projects\/[^/]+)\/aggregated\/([^/]+)$/.exec(path);
    if (!m) throw new ApiError(501, 'notImplemented', `${r.service}.${r.method} is not implemented by this fake`);
    const [, project, collection] = m;
    const listType = api.messages.get(r.responseType)!.fields.items.type;
    const listField = Object.entries(api.messages.get(listType)!.fields).find(([, f]) => f.rule === 'repeated')![0];
    const scopes = new Map<Json, string>();
    for (const [p, item] of resources) {
      if (!p.startsWith(`${project}/`)) continue;
      const rest = p.slice(project.length + 1).split('/');
      if (rest[0] === 'global' && rest.length === 3 && rest[1] === collection) scopes.set(item, 'global');
      else if ((rest[0] === 'regions' || rest[0] === 'zones') && rest.length === 4 && rest[2] === collection) scopes.set(item, `${rest[0]}/${rest[1]}`);
    }
    const all = filtered([...scopes.keys()], query.get('filter'));
    return page(all, query, (slice) => {
      const groups: Record<string, Json> = {};
      for (const item of slice) ((groups[scopes.get(item)!] ??= { [listField]: [] })[listField] as Json[]).push(item);
      return { kind: `compute#${lowerFirst(r.responseType)}`, items: groups };
    });
  }

  function page(items: Json[], query: URLSearchParams, shape: (slice: Json[]) => Json): Json {
    const sorted = [...items].sort((a, b) => String(a.selfLink ?? a.name).localeCompare(String(b.selfLink ?? b.name)));
    const max = Math.min(Number(query.get('maxResults') || 500), 500);
    const start = query.get('pageToken') ? Number(Buffer.from(query.get('pageToken')!, 'base64url').toString()) : 0;
    if (!Number.isInteger(start) || start < 0) throw new ApiError(400, 'invalid', 'Invalid value for pageToken');
    const slice = sorted.slice(start, start + max);
    const out = shape(slice);
    if (slice.length === 0) delete out.items;
    if (start + max < sorted.length) out.nextPageToken = Buffer.from(String(start + max)).toString('base64url');
    return out;
  }

  function operation(target: string, type: string): Json {
    const scope = scopeOf(target);
    const name = `operation-${++counter}`;
    const path = `${scope.prefix}/operations/${name}`;
    const op: Json = {
      kind: 'compute#operation',
      id: String(counter),
      name,
      operationType: type,
      status: 'DONE',
      progress: 100,
      targetLink: base + target,
      selfLink: base + path,
    };
    if (scope.region) op.region = `${base}${scope.prefix}`;
    if (scope.zone) op.zone = `${base}${scope.prefix}`;
    resources.set(path, op);
    return op;
  }

  /** Strings that name a resource relative to the API (`projects/...`, `global/...`) become full URLs. */
  function linked(value: Json, project: string): Json {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') {
        if (/^projects\/[^/]+\/(global|regions|zones)\//.test(v)) return `${base}/compute/v1/${v}`;
        if (project && /^(global|regions|zones)\//.test(v)) return `${base}/compute/v1/projects/${project}/${v}`;
        return v;
      }
      if (Array.isArray(v)) return v.map(walk);
      if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return walk(value) as Json;
  }

  // Idle connections stay open as long as Google's front ends keep them (Node's default, 5 s, is far shorter).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint: base,
    resources,
    iam,
    dns,
    requests,
    objects: () => [...[...resources.keys()].filter((p) => !p.includes('/operations/') && !PROJECT_PATH.test(p)), ...iam.resources.keys()].sort(),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function identity(old: Json): Json {
  const keep: Json = {};
  for (const k of ['name', 'id', 'kind', 'selfLink', 'creationTimestamp', 'region', 'zone']) if (old[k] !== undefined) keep[k] = old[k];
  return keep;
}

function scopeOf(path: string): { prefix: string; region?: string; zone?: string } {
  const m = /^(.*\/projects\/[^/]+)\/(global|regions\/([^/]+)|zones\/([^/]+))\//.exec(path);
  if (!m) throw new ApiError(400, 'invalid', `${path} is not inside a project scope`);
  return { prefix: `${m[1]}/${m[2]}`, region: m[3], zone: m[4] };
}

function projectOf(path: string): string {
  return /\/projects\/([^/]+)\//.exec(path)?.[1] ?? '';
}

function itemOf(customMethodPath: string): string {
  return customMethodPath.slice(0, customMethodPath.lastIndexOf('/'));
}

function relative(path: string): string {
  return path.replace(/^\/compute\/v1\//, '');
}

function kindOf(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 2];
}

function lowerFirst(s: string): string {
  return s[0].toLowerCase() + s.slice(1);
}

function mentions(value: unknown, link: string): boolean {
  if (typeof value === 'string') return value === link;
  if (Array.isArray(value)) return value.some((v) => mentions(v, link));
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => k !== 'selfLink' && mentions(v, link));
  return false;
}

/** Compute Engine's list filter: `field = value`, `!=`, `eq`/`ne` (regular expression, whole value), AND of terms. */
function filtered(items: Json[], filter: string | null): Json[] {
  if (!filter?.trim()) return items;
  const terms = parseFilter(filter);
  return items.filter((item) => terms.every((t) => t.test(item)));
}

function parseFilter(filter: string): { test(item: Json): boolean }[] {
  const text = filter.trim();
  const bracketed = text.startsWith('(');
  if (bracketed && text.replace(/\([^()]*\)/g, '').replace(/\bAND\b/g, '').trim()) throw new ApiError(400, 'invalid', `Invalid list filter expression: ${filter}`);
  const parts = bracketed ? [...text.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]) : text.split(/\s+AND\s+/);
  return parts.map((part) => {
    const m = /^\s*([A-Za-z][\w.-]*)\s*(=|!=|:|\beq\b|\bne\b)\s*(?:"([^"]*)"|'([^']*)'|(\S+))\s*$/.exec(part);
    if (!m) throw new ApiError(400, 'invalid', `Invalid list filter expression: ${filter}`);
    const [, field, op, dq, sq, bare] = m;
    const value = dq ?? sq ?? bare;
    const read = (item: Json) => field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), item);
    if (op === 'eq' || op === 'ne') {
      const re = new RegExp(`^(?:${value})$`);
      return { test: (item: Json) => re.test(String(read(item) ?? '')) === (op === 'eq') };
    }
    if (op === ':') return { test: (item: Json) => read(item) !== undefined && (value === '*' || String(read(item)) === value) };
    return { test: (item: Json) => (String(read(item) ?? '') === value) === (op === '=') };
  });
}

function send(res: ServerResponse, status: number, json: unknown): void {
  const text = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, err: ApiError): void {
  send(res, err.status, { error: { code: err.status, message: err.message, errors: [{ domain: 'global', reason: err.reason, message: err.message }] } });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
