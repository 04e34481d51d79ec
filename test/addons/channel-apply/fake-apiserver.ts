import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ResourceKind {
  kind: string;
  name: string;
  namespaced: boolean;
}

/** The kinds the fake serves, by API group version, as discovery (`/api/v1`, `/apis/<g>/<v>`) lists them. */
const SERVED: Record<string, ResourceKind[]> = {
  v1: [
    { kind: 'Namespace', name: 'namespaces', namespaced: false },
    { kind: 'ConfigMap', name: 'configmaps', namespaced: true },
    { kind: 'ServiceAccount', name: 'serviceaccounts', namespaced: true },
    { kind: 'Service', name: 'services', namespaced: true },
  ],
  'apps/v1': [{ kind: 'Deployment', name: 'deployments', namespaced: true }],
  'rbac.authorization.k8s.io/v1': [{ kind: 'ClusterRole', name: 'clusterroles', namespaced: false }],
  'apiextensions.k8s.io/v1': [{ kind: 'CustomResourceDefinition', name: 'customresourcedefinitions', namespaced: false }],
};

export interface Request {
  method: string;
  path: string;
  contentType?: string;
}

type KubeObject = { apiVersion: string; kind: string; metadata: Record<string, unknown> & { name: string } } & Record<string, unknown>;

/**
 * A Kubernetes API server speaking the REST paths an apply uses: discovery, and GET/POST/PUT/PATCH of objects, kept
 * in memory by path. Merge and apply patches are merged into the stored object (enough for these tests).
 */
export class FakeApiServer {
  readonly objects = new Map<string, KubeObject>();
  readonly requests: Request[] = [];
  private server?: Server;
  private resourceVersion = 1;

  url = '';

  async start(): Promise<void> {
    this.objects.set('/api/v1/namespaces/kube-system', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system', resourceVersion: '1' } });
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A kubeconfig for this server: plain HTTP, which client-node only allows with TLS verification off. */
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

  writes(): Request[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  annotations(): Record<string, string> {
    return (this.objects.get('/api/v1/namespaces/kube-system')!.metadata.annotations ?? {}) as Record<string, string>;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.requests.push({ method: req.method ?? '', path, contentType: req.headers['content-type'] });
    const text = await readBody(req);
    const discovery = discoveryFor(path);
    if (discovery) return { status: 200, body: discovery };
    const existing = this.objects.get(path);
    switch (req.method) {
      case 'GET':
        return existing ? { status: 200, body: existing } : notFound(path);
      case 'POST': {
        const object = JSON.parse(text) as KubeObject;
        const objectPath = `${path}/${object.metadata.name}`;
        if (this.objects.has(objectPath)) return { status: 409, body: status(409, `${objectPath} already exists`) };
        return { status: 201, body: this.store(objectPath, object) };
      }
      case 'PUT':
        if (!existing) return notFound(path);
        return { status: 200, body: this.store(path, JSON.parse(text) as KubeObject) };
      case 'PATCH':
        if (!existing) return notFound(path);
        return { status: 200, body: this.store(path, merge(existing, JSON.parse(text)) as KubeObject) };
      default:
        return { status: 405, body: status(405, `${req.method} not allowed`) };
    }
  }

  private store(path: string, object: KubeObject): KubeObject {
    const stored = { ...object, metadata: { ...object.metadata, resourceVersion: String(++this.resourceVersion) } };
    this.objects.set(path, stored);
    return stored;
  }
}

function discoveryFor(path: string): unknown {
  const groupVersion = path === '/api/v1' ? 'v1' : /^\/apis\/([^/]+\/[^/]+)$/.exec(path)?.[1];
  const resources = groupVersion ? SERVED[groupVersion] : undefined;
  if (!resources) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources: resources.map((r) => ({ ...r, singularName: '', verbs: ['get', 'create', 'update', 'patch'] })) };
}

function merge(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) base[key] = merge(base[key], value);
  return base;
}

const status = (code: number, message: string) => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, message });
const notFound = (path: string) => ({ status: 404, body: status(404, `${path} not found`) });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
  });
}
