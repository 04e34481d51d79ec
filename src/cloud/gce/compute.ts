/**
 * Compute Engine through the official client (`@google-cloud/compute`, REST transport), one project and region:
 * get / insert / patch / delete / list by collection, each change waited on through its operation. Resources are
 * plain JSON objects here; each resource type maps them to and from its task spec.
 */
import { computeClientOptions, type ComputeClientOptions } from './clients.js';
import { GcsContext } from '../../statestore/gcs.js';
import { GceCloudDns } from './dns.js';
import { GceIam } from './iam.js';

export type Json = Record<string, unknown>;

type Scope = 'global' | 'region' | 'zone';

interface Collection {
  client: string;
  scope: Scope;
  /** The request field naming one resource (`network`), and the one carrying its body (`networkResource`). */
  item: string;
  body: string;
}

/** The collections kops manages, by their URL segment. */
export const COLLECTIONS = {
  networks: { client: 'NetworksClient', scope: 'global', item: 'network', body: 'networkResource' },
  subnetworks: { client: 'SubnetworksClient', scope: 'region', item: 'subnetwork', body: 'subnetworkResource' },
  routers: { client: 'RoutersClient', scope: 'region', item: 'router', body: 'routerResource' },
  firewalls: { client: 'FirewallsClient', scope: 'global', item: 'firewall', body: 'firewallResource' },
  routes: { client: 'RoutesClient', scope: 'global', item: 'route', body: 'routeResource' },
  disks: { client: 'DisksClient', scope: 'zone', item: 'disk', body: 'diskResource' },
  addresses: { client: 'AddressesClient', scope: 'region', item: 'address', body: 'addressResource' },
  forwardingRules: { client: 'ForwardingRulesClient', scope: 'region', item: 'forwardingRule', body: 'forwardingRuleResource' },
  targetPools: { client: 'TargetPoolsClient', scope: 'region', item: 'targetPool', body: 'targetPoolResource' },
  backendServices: { client: 'RegionBackendServicesClient', scope: 'region', item: 'backendService', body: 'backendServiceResource' },
  healthChecks: { client: 'RegionHealthChecksClient', scope: 'region', item: 'healthCheck', body: 'healthCheckResource' },
  instanceTemplates: { client: 'InstanceTemplatesClient', scope: 'global', item: 'instanceTemplate', body: 'instanceTemplateResource' },
  instanceGroupManagers: { client: 'InstanceGroupManagersClient', scope: 'zone', item: 'instanceGroupManager', body: 'instanceGroupManagerResource' },
  instances: { client: 'InstancesClient', scope: 'zone', item: 'instance', body: 'instanceResource' },
} as const satisfies Record<string, Collection>;

export type CollectionName = keyof typeof COLLECTIONS;

/** Where a resource lives: its collection, region or zone ('' for global ones), and name. */
export interface GceLocation {
  collection: CollectionName;
  where: string;
  name: string;
}

const OPERATIONS: Record<Scope, string> = { global: 'GlobalOperationsClient', region: 'RegionOperationsClient', zone: 'ZoneOperationsClient' };

type Paged<T> = (request: Json, options: Json) => AsyncIterable<T>;

/** The async iterators fetch page after page themselves (saying so keeps the client from warning on stderr). */
const ONE_PAGE_AT_A_TIME = { autoPaginate: false };

type AnyClient = Record<string, (request: Json) => Promise<unknown[]>> & Record<string, unknown>;

export class GceCompute {
  private readonly clients = new Map<string, Promise<AnyClient>>();
  private readonly options: ComputeClientOptions;
  /** Service accounts and the project's IAM policy, on the same endpoint and credentials. */
  readonly iam: GceIam;
  /** Cloud Storage buckets (their IAM policies), through the state store's client. */
  readonly storage: GcsContext;
  /** Cloud DNS managed zones of the project, on the same endpoint and credentials. */
  readonly dns: GceCloudDns;

  constructor(
    readonly project: string,
    readonly region: string,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.options = computeClientOptions(env);
    this.iam = new GceIam(env);
    this.storage = new GcsContext(env);
    this.dns = new GceCloudDns(this);
  }

  /** `projects/P/global/networks/N`, `projects/P/regions/R/subnetworks/S`: how the API accepts a link. */
  link(l: GceLocation): string {
    const scope = COLLECTIONS[l.collection].scope;
    const place = scope === 'global' ? 'global' : `${scope === 'region' ? 'regions' : 'zones'}/${l.where}`;
    return `projects/${this.project}/${place}/${l.collection}/${l.name}`;
  }

  async get(l: GceLocation): Promise<Json | undefined> {
    try {
      const [found] = await (await this.client(COLLECTIONS[l.collection].client)).get(this.request(l));
      return plain(found);
    } catch (err) {
      if (gceStatus(err) === 404) return undefined;
      throw err;
    }
  }

  async insert(l: GceLocation, body: Json): Promise<void> {
    const c = COLLECTIONS[l.collection];
    await this.operate(c.scope, l.where, (await this.client(c.client)).insert({ ...this.scopeRequest(l), [c.body]: { ...body, name: l.name } }));
  }

  /** JSON merge of `body` into the resource (its fingerprint, when it has one, sent along). */
  async patch(l: GceLocation, body: Json): Promise<void> {
    const c = COLLECTIONS[l.collection];
    await this.operate(c.scope, l.where, (await this.client(c.client)).patch({ ...this.request(l), [c.body]: body }));
  }

  /** Replaces the resource with `body` (PUT): unlike a patch, it can empty a list. */
  async update(l: GceLocation, body: Json): Promise<void> {
    const c = COLLECTIONS[l.collection];
    await this.operate(c.scope, l.where, (await this.client(c.client)).update({ ...this.request(l), [c.body]: body }));
  }

  /** A custom method of one resource (`setLabels`, `setTargetPools`, `resize`, ...). */
  async call(l: GceLocation, method: string, fields: Json): Promise<void> {
    await this.operate(COLLECTIONS[l.collection].scope, l.where, (await this.client(COLLECTIONS[l.collection].client))[method]({ ...this.request(l), ...fields }));
  }

  async delete(l: GceLocation): Promise<void> {
    await this.operate(COLLECTIONS[l.collection].scope, l.where, (await this.client(COLLECTIONS[l.collection].client)).delete(this.request(l)));
  }

  /** Every resource of the collection in one region or zone (or global), the filter applied by the API. */
  async list(collection: CollectionName, where: string, filter?: string): Promise<Json[]> {
    const client = await this.client(COLLECTIONS[collection].client);
    const out: Json[] = [];
    const iterable = (client.listAsync as unknown as Paged<unknown>)({ ...this.scopeRequest({ collection, where }), ...(filter ? { filter } : {}) }, ONE_PAGE_AT_A_TIME);
    for await (const item of iterable) out.push(plain(item));
    return out;
  }

  /** The instances a zonal managed instance group runs, each with the template version it was made from. */
  async managedInstances(l: GceLocation): Promise<Json[]> {
    const client = await this.client(COLLECTIONS[l.collection].client);
    const out: Json[] = [];
    for await (const item of (client.listManagedInstancesAsync as unknown as Paged<unknown>)(this.request(l), ONE_PAGE_AT_A_TIME)) out.push(plain(item));
    return out;
  }

  /** The collection across every region and zone of the project (`aggregatedList`), with each item's location. */
  async listAll(collection: CollectionName, filter?: string): Promise<{ where: string; item: Json }[]> {
    const client = await this.client(COLLECTIONS[collection].client);
    const out: { where: string; item: Json }[] = [];
    const iterable = (client.aggregatedListAsync as unknown as Paged<[string, Json]>)({ project: this.project, ...(filter ? { filter } : {}) }, ONE_PAGE_AT_A_TIME);
    for await (const [scope, list] of iterable) {
      for (const item of (list[collection] as unknown[] | undefined) ?? []) out.push({ where: scope.split('/')[1] ?? '', item: plain(item) });
    }
    return out;
  }

  /** Zones of the region, by name. */
  async zones(): Promise<string[]> {
    const client = await this.client('ZonesClient');
    const out: string[] = [];
    for await (const z of (client.listAsync as unknown as Paged<Json>)({ project: this.project }, ONE_PAGE_AT_A_TIME)) {
      if (lastComponent(String(z.region ?? '')) === this.region) out.push(String(z.name));
    }
    return out.sort();
  }

  /** The project itself (`projects.get`): its default service account, quotas, common metadata. */
  async projectInfo(): Promise<Json> {
    const [project] = await (await this.client('ProjectsClient')).get({ project: this.project });
    return plain(project);
  }

  /**
   * A global collection the client does not serve (legacy HTTP health checks), called on its REST path with the
   * client's own credentials and endpoint: `get` is undefined on 404; changes are waited on as the client's are.
   */
  async restGet(collection: string, name: string): Promise<Json | undefined> {
    try {
      return await this.rest('GET', `${collection}/${name}`);
    } catch (err) {
      if (gceStatus(err) === 404) return undefined;
      throw err;
    }
  }

  async restInsert(collection: string, body: Json): Promise<void> {
    await this.operate('global', '', this.rest('POST', collection, body).then((op) => [op]));
  }

  async restUpdate(collection: string, name: string, body: Json): Promise<void> {
    await this.operate('global', '', this.rest('PUT', `${collection}/${name}`, body).then((op) => [op]));
  }

  async restDelete(collection: string, name: string): Promise<void> {
    await this.operate('global', '', this.rest('DELETE', `${collection}/${name}`).then((op) => [op]));
  }

  private rest(method: string, path: string, data?: Json): Promise<Json> {
    return this.googleApi('compute', method, `projects/${this.project}/global/${path}`, data);
  }

  /**
   * A call on the v1 REST path of a Google API (`compute`, `dns`) with the client's credentials, at the endpoint
   * KOPS_GCE_ENDPOINT names or at the API's own; a failure carries the HTTP status as `code`.
   */
  async googleApi(api: string, method: string, path: string, data?: Json): Promise<Json> {
    const client = await this.client('GlobalOperationsClient');
    const auth = client.auth as unknown as { request(o: Json): Promise<{ data: unknown }> };
    const { protocol = 'https', apiEndpoint = `${api}.googleapis.com`, port } = this.options;
    const url = `${protocol}://${apiEndpoint}${port ? `:${port}` : ''}/${api}/v1/${path}`;
    try {
      return plain((await auth.request({ url, method, ...(data ? { data } : {}) })).data);
    } catch (err) {
      throw restError(err);
    }
  }

  private request(l: GceLocation): Json {
    return { ...this.scopeRequest(l), [COLLECTIONS[l.collection].item]: l.name };
  }

  private scopeRequest(l: Pick<GceLocation, 'collection' | 'where'>): Json {
    const scope = COLLECTIONS[l.collection].scope;
    if (scope === 'global') return { project: this.project };
    return { project: this.project, [scope]: l.where };
  }

  /** Waits for the operation a change started, and fails with its error if it has one. */
  private async operate(scope: Scope, where: string, started: Promise<unknown[]>): Promise<void> {
    const [first] = (await started) as [{ latestResponse?: Json }];
    let op = plain(first?.latestResponse ?? first);
    const operations = await this.client(OPERATIONS[scope]);
    while (op.status !== 'DONE') {
      const [next] = await operations.wait({ project: this.project, ...(scope === 'global' ? {} : { [scope]: where }), operation: String(op.name) });
      op = plain(next);
    }
    const errors = ((op.error as Json | undefined)?.errors as Json[] | undefined) ?? [];
    if (errors.length) throw new GceOperationError(Number(op.httpErrorStatusCode ?? 400), String(errors[0].code ?? ''), errors.map((e) => String(e.message)).join('; '));
  }

  private client(name: string): Promise<AnyClient> {
    let c = this.clients.get(name);
    if (!c) {
      c = import('@google-cloud/compute').then((m) => new (m.default as unknown as Record<string, new (o: ComputeClientOptions) => AnyClient>)[name](this.options));
      this.clients.set(name, c);
    }
    return c;
  }
}

/** An operation that finished with an error (the change was refused after it was accepted). */
export class GceOperationError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** A REST call's failure with the HTTP status as `code` and the API's error body as message, as the client reports. */
function restError(err: unknown): unknown {
  const e = err as { status?: number; response?: { status?: number; data?: unknown } };
  const status = e?.response?.status ?? e?.status;
  if (typeof status !== 'number') return err;
  const body = e.response?.data;
  return Object.assign(new Error(typeof body === 'string' ? body : JSON.stringify(body)), { code: status });
}

/** The client's messages as plain JSON (absent, not null, when unset). */
function plain(value: unknown): Json {
  const text = JSON.stringify(value, (_k, v: unknown) => (v === null ? undefined : v));
  return text === undefined ? {} : (JSON.parse(text) as Json);
}

export function lastComponent(link: string): string {
  return link.slice(link.lastIndexOf('/') + 1);
}

/** `https://.../compute/v1/projects/P/regions/R/x/N` → `projects/P/regions/R/x/N` (already relative: unchanged). */
export function relativeLink(link: string): string {
  const at = link.indexOf('projects/');
  return at < 0 ? link : link.slice(at);
}

/** Where a link points (a relative or full URL of a managed collection). */
export function parseLink(link: string): (GceLocation & { project: string }) | undefined {
  const m = /^projects\/([^/]+)\/(?:global|regions\/([^/]+)|zones\/([^/]+))\/([^/]+)\/([^/]+)$/.exec(relativeLink(link));
  if (!m || !(m[4] in COLLECTIONS)) return undefined;
  return { project: m[1], where: m[2] ?? m[3] ?? '', collection: m[4] as CollectionName, name: m[5] };
}

/** The HTTP status of a client error (the REST transport reports it as `code`). */
export function gceStatus(err: unknown): number | undefined {
  const e = err as { code?: unknown; status?: unknown };
  if (typeof e?.code === 'number') return e.code;
  if (typeof e?.status === 'number') return e.status;
  return undefined;
}

/** The API's reason (`alreadyExists`, `resourceInUseByAnotherResource`, ...) and message of a client error. */
export function gceReason(err: unknown): { reason: string; message: string } {
  if (err instanceof GceOperationError) return { reason: err.reason, message: err.message };
  // The generated REST clients (IAM, Resource Manager) keep the API's error body on the response.
  const answered = (err as { response?: { data?: { error?: { message?: string; status?: string; errors?: { reason?: string }[] } } } })?.response?.data?.error;
  if (answered?.message) return { reason: answered.errors?.[0]?.reason ?? answered.status ?? '', message: answered.message };
  const message = (err as Error)?.message ?? String(err);
  try {
    const body = JSON.parse(message) as { error?: { message?: string; errors?: { reason?: string }[] } };
    return { reason: body.error?.errors?.[0]?.reason ?? '', message: body.error?.message ?? message };
  } catch {
    return { reason: '', message };
  }
}
