/**
 * An in-process Kubernetes API server on the real REST paths, for everything that talks to a cluster's API: the
 * operating commands (get instances, validate, rolling update, delete instance: nodes, pods, evictions) and the
 * add-on apply (namespaces, config maps, deployments, RBAC, CRDs). Objects live in memory, keyed by their REST path:
 * discovery, list (with a `spec.nodeName` field selector), get, create, replace, merge/apply patch, delete, and
 * evictions answering 429 for pods a disruption budget protects. The test plays kubelet and controllers.
 * Over HTTPS with a serving certificate from the cluster's CA (so the production client verifies it as it would a
 * real one), or over plain HTTP without one.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export type KubeObject = { apiVersion?: string; kind?: string; metadata: { name: string; namespace?: string; [k: string]: unknown }; [k: string]: unknown };

export interface Served {
  method: string;
  path: string;
  contentType?: string;
}

interface ResourceKind {
  kind: string;
  name: string;
  namespaced: boolean;
}

/** The kinds served, by API group version, as discovery (`/api/v1`, `/apis/<g>/<v>`) lists them. */
const SERVED: Record<string, ResourceKind[]> = {
  v1: [
    { kind: 'Namespace', name: 'namespaces', namespaced: false },
    { kind: 'Node', name: 'nodes', namespaced: false },
    { kind: 'Pod', name: 'pods', namespaced: true },
    { kind: 'ConfigMap', name: 'configmaps', namespaced: true },
    { kind: 'ServiceAccount', name: 'serviceaccounts', namespaced: true },
    { kind: 'Service', name: 'services', namespaced: true },
  ],
  'apps/v1': [{ kind: 'Deployment', name: 'deployments', namespaced: true }],
  'rbac.authorization.k8s.io/v1': [{ kind: 'ClusterRole', name: 'clusterroles', namespaced: false }],
  'apiextensions.k8s.io/v1': [{ kind: 'CustomResourceDefinition', name: 'customresourcedefinitions', namespaced: false }],
};

export const nodePath = (name: string): string => `/api/v1/nodes/${name}`;
export const podPath = (namespace: string, name: string): string => `/api/v1/namespaces/${namespace}/pods/${name}`;

/** A REST path taken apart: the group version's root, namespace, resource, object name and subresource. */
interface Route {
  root: string;
  groupVersion: string;
  namespace?: string;
  resource: ResourceKind;
  name?: string;
  subresource?: string;
}

function route(path: string): Route | undefined {
  const m = /^(\/api\/v1|\/apis\/([^/]+\/[^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?$/.exec(path);
  if (!m) return undefined;
  const groupVersion = m[2] ?? 'v1';
  const resource = SERVED[groupVersion]?.find((r) => r.name === m[4]);
  return resource && { root: m[1], groupVersion, namespace: m[3], resource, name: m[5], subresource: m[6] };
}

export class KubeApiServer {
  /** Every object, by its REST path (`/api/v1/nodes/<name>`, `/apis/apps/v1/namespaces/<ns>/deployments/<name>`). */
  readonly objects = new Map<string, KubeObject>();
  /** Paths of pods whose eviction a disruption budget refuses. */
  readonly protectedPods = new Set<string>();
  readonly requests: Served[] = [];
  url = '';
  private server?: Server;
  private version = 1;

  constructor(private readonly options: { tls?: { cert: string; key: string } } = {}) {}

  async start(): Promise<void> {
    this.store('/api/v1/namespaces/kube-system', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } });
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    const tls = this.options.tls;
    this.server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, handler) : createHttpServer(handler);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `${tls ? 'https' : 'http'}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A kubeconfig for this server with a token user; TLS verification off (plain HTTP needs it). */
  kubeconfig(): string {
    return `apiVersion: v1
kind: Config
clusters:
- name: test
  cluster:
    server: ${this.url}
    insecure-skip-tls-verify: true
users:
- name: admin
  user:
    token: not-a-secret
contexts:
- name: test
  context: {cluster: test, user: admin}
current-context: test
`;
  }

  /** The requests that change something. */
  writes(): Served[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** The annotations of kube-system (where add-on apply records each add-on). */
  annotations(): Record<string, string> {
    return (this.objects.get('/api/v1/namespaces/kube-system')!.metadata.annotations ?? {}) as Record<string, string>;
  }

  /** The objects of a collection path (`/api/v1/nodes`). */
  list(collection: string): KubeObject[] {
    return [...this.objects].filter(([path]) => path.startsWith(`${collection}/`) && !path.slice(collection.length + 1).includes('/')).map(([, o]) => o);
  }

  /** Registers (or replaces) a node for an instance, as its kubelet would (provider ID `aws:///ZONE/ID` unless given). */
  registerNode(name: string, o: { instanceId: string; zone: string; ready: boolean; controlPlane?: boolean; instanceGroup?: string; providerID?: string }): void {
    const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': o.zone };
    if (o.controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
    else labels['node-role.kubernetes.io/node'] = '';
    if (o.instanceGroup) labels['kops.k8s.io/instancegroup'] = o.instanceGroup;
    this.store(nodePath(name), {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels, uid: `uid-${name}`, creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { providerID: o.providerID ?? `aws:///${o.zone}/${o.instanceId}` },
      status: {
        conditions: [{ type: 'Ready', status: o.ready ? 'True' : 'False', reason: o.ready ? 'KubeletReady' : 'KubeletNotReady' }],
        nodeInfo: { kubeletVersion: 'v1.32.0' },
        addresses: [{ type: 'Hostname', address: name }],
      },
    });
  }

  addPod(namespace: string, name: string, o: { node: string; app?: string; priorityClassName?: string; ready?: boolean; daemonSet?: boolean }): void {
    this.store(podPath(namespace, name), {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace,
        uid: `uid-${namespace}-${name}`,
        labels: o.app ? { 'k8s-app': o.app } : {},
        ...(o.daemonSet ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: `${name}-ds`, uid: 'ds', controller: true }] } : {}),
      },
      spec: { nodeName: o.node, priorityClassName: o.priorityClassName, containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10' }] },
      status: { phase: 'Running', containerStatuses: [{ name: 'main', ready: o.ready ?? true, restartCount: 0, image: 'pause', imageID: '', state: { running: {} } }] },
    });
  }

  /** The paths of the pods scheduled on a node. */
  podsOn(node: string): string[] {
    return [...this.objects].filter(([path, o]) => path.startsWith('/api/v1/namespaces/') && o.kind === 'Pod' && nodeNameOf(o) === node).map(([path]) => path);
  }

  private store(path: string, object: KubeObject): KubeObject {
    const stored = { ...object, metadata: { ...object.metadata, resourceVersion: String(++this.version) } };
    this.objects.set(path, stored);
    return stored;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '');
    this.requests.push({ method, path, contentType: req.headers['content-type'] });
    const body = await readBody(req);
    const { code, value } = this.answer(method, path, url.searchParams, body);
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  }

  private answer(method: string, path: string, query: URLSearchParams, body: string): { code: number; value: unknown } {
    const ok = (value: unknown, code = 200) => ({ code, value });
    const discovery = discoveryFor(path);
    if (discovery) return ok(discovery);
    const r = route(path);
    if (!r) return failure(404, 'NotFound', `the server could not find the requested resource (${method} ${path})`);
    const collection = `${r.root}${r.namespace ? `/namespaces/${r.namespace}` : ''}/${r.resource.name}`;
    if (r.name === undefined) {
      if (method === 'GET') return ok(this.listAnswer(r, collection, query.get('fieldSelector') ?? ''));
      if (method !== 'POST') return failure(405, 'MethodNotAllowed', `${method} not allowed on ${path}`);
      const created = JSON.parse(body) as KubeObject;
      const objectPath = `${collection}/${created.metadata.name}`;
      if (this.objects.has(objectPath)) return failure(409, 'AlreadyExists', `${r.resource.name} "${created.metadata.name}" already exists`);
      return ok(this.store(objectPath, created), 201);
    }
    const objectPath = `${collection}/${r.name}`;
    const existing = this.objects.get(objectPath);
    if (!existing) return failure(404, 'NotFound', `${r.resource.name} "${r.name}" not found`);
    if (r.subresource === 'eviction' && r.resource.kind === 'Pod' && method === 'POST') {
      if (this.protectedPods.has(objectPath)) return failure(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.");
      this.objects.delete(objectPath);
      return ok(success('evicted'), 201);
    }
    if (r.subresource !== undefined) return failure(404, 'NotFound', `${r.resource.name}/${r.subresource} is not served`);
    switch (method) {
      case 'GET':
        return ok(existing);
      case 'PUT':
        return ok(this.store(objectPath, JSON.parse(body) as KubeObject));
      case 'PATCH':
        return ok(this.store(objectPath, mergePatch(existing, JSON.parse(body)) as KubeObject));
      case 'DELETE':
        this.objects.delete(objectPath);
        return ok(success('deleted'));
      default:
        return failure(405, 'MethodNotAllowed', `${method} not allowed on ${path}`);
    }
  }

  /** A collection's list; a namespaced kind listed without a namespace holds every namespace's objects. */
  private listAnswer(r: Route, collection: string, fieldSelector: string): unknown {
    const everyNamespace = r.resource.namespaced && !r.namespace;
    const inList = everyNamespace
      ? [...this.objects].filter(([p]) => new RegExp(`^${r.root}/namespaces/[^/]+/${r.resource.name}/[^/]+$`).test(p)).map(([, o]) => o)
      : this.list(collection);
    const node = /spec\.nodeName=([^,]+)/.exec(fieldSelector)?.[1];
    const items = inList.filter((o) => !node || nodeNameOf(o) === node);
    return { kind: `${r.resource.kind}List`, apiVersion: r.groupVersion, metadata: { resourceVersion: String(this.version) }, items };
  }
}

function discoveryFor(path: string): unknown {
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
  if (path === '/version') return { major: '1', minor: '32', gitVersion: 'v1.32.0' };
  if (path === '/apis') {
    const groups = Object.keys(SERVED)
      .filter((gv) => gv.includes('/'))
      .map((gv) => {
        const [name, version] = gv.split('/');
        return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
      });
    return { kind: 'APIGroupList', apiVersion: 'v1', groups };
  }
  const groupVersion = path === '/api/v1' ? 'v1' : /^\/apis\/([^/]+\/[^/]+)$/.exec(path)?.[1];
  const resources = groupVersion ? SERVED[groupVersion] : undefined;
  if (!resources) return undefined;
  const verbs = ['get', 'list', 'create', 'update', 'patch', 'delete'];
  const listed = resources.map((r) => ({ ...r, singularName: '', verbs }));
  if (groupVersion === 'v1') listed.push({ kind: 'Eviction', name: 'pods/eviction', namespaced: true, singularName: '', verbs: ['create'] });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources: listed };
}

const nodeNameOf = (o: KubeObject): string | undefined => (o.spec as { nodeName?: string } | undefined)?.nodeName;
const success = (message: string) => ({ kind: 'Status', apiVersion: 'v1', status: 'Success', code: 200, message });

function failure(code: number, reason: string, message: string): { code: number; value: unknown } {
  return { code, value: { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message } };
}

/** A JSON merge patch (RFC 7386): objects merge, a null removes the key, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
  });
}
