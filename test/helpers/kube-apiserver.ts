/**
 * An in-process Kubernetes API server over HTTPS, for the operating commands (get instances, validate, rolling update,
 * delete instance): discovery, nodes (list, get, patch, delete), pods (list with a node field selector, get) and
 * evictions, answering 429 for pods a PodDisruptionBudget protects. Objects live in memory; the test plays kubelet.
 * The serving certificate is issued from the cluster's CA, so the production client verifies it as it would a real one.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = { apiVersion?: string; kind?: string; metadata: { name: string; namespace?: string; [k: string]: unknown }; [k: string]: unknown };

export interface Served {
  method: string;
  path: string;
}

export class KubeApiServer {
  readonly nodes = new Map<string, Obj>();
  readonly pods = new Map<string, Obj>();
  /** `namespace/name` of pods whose eviction a disruption budget refuses. */
  readonly protectedPods = new Set<string>();
  readonly requests: Served[] = [];
  url = '';
  private server?: Server;
  private version = 1;

  constructor(private readonly tls: { cert: string; key: string }) {}

  async start(): Promise<void> {
    this.server = createServer({ cert: this.tls.cert, key: this.tls.key }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Registers (or replaces) a node for an instance, as its kubelet would (provider ID `aws:///ZONE/ID` unless given). */
  registerNode(name: string, o: { instanceId: string; zone: string; ready: boolean; controlPlane?: boolean; instanceGroup?: string; providerID?: string }): void {
    const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': o.zone };
    if (o.controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
    else labels['node-role.kubernetes.io/node'] = '';
    if (o.instanceGroup) labels['kops.k8s.io/instancegroup'] = o.instanceGroup;
    this.nodes.set(name, {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels, uid: `uid-${name}`, resourceVersion: String(++this.version), creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { providerID: o.providerID ?? `aws:///${o.zone}/${o.instanceId}` },
      status: {
        conditions: [{ type: 'Ready', status: o.ready ? 'True' : 'False', reason: o.ready ? 'KubeletReady' : 'KubeletNotReady' }],
        nodeInfo: { kubeletVersion: 'v1.32.0' },
        addresses: [{ type: 'Hostname', address: name }],
      },
    });
  }

  addPod(namespace: string, name: string, o: { node: string; app?: string; priorityClassName?: string; ready?: boolean; daemonSet?: boolean }): void {
    this.pods.set(`${namespace}/${name}`, {
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

  podsOn(node: string): string[] {
    return [...this.pods.values()].filter((p) => (p.spec as { nodeName?: string }).nodeName === node).map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://x');
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname });
    const body = await readBody(req);
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const p = url.pathname.replace(/\/+$/, '');
    let m: RegExpExecArray | null;
    if (p === '/api') return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
    if (p === '/apis') return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
    if (p === '/version') return send(200, { major: '1', minor: '32', gitVersion: 'v1.32.0' });
    if (p === '/api/v1') {
      return send(200, {
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: [
          { name: 'nodes', singularName: 'node', namespaced: false, kind: 'Node', verbs: ['get', 'list', 'patch', 'delete'] },
          { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list'] },
          { name: 'pods/eviction', singularName: '', namespaced: true, kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
        ],
      });
    }
    if (p === '/api/v1/nodes' && method === 'GET') return send(200, list('NodeList', [...this.nodes.values()], this.version));
    if ((m = /^\/api\/v1\/nodes\/([^/]+)$/.exec(p))) {
      const node = this.nodes.get(m[1]);
      if (!node) return send(404, status(404, 'NotFound', `nodes "${m[1]}" not found`));
      if (method === 'GET') return send(200, node);
      if (method === 'PATCH') {
        const merged = merge(node, JSON.parse(body)) as Obj;
        merged.metadata.resourceVersion = String(++this.version);
        this.nodes.set(m[1], merged);
        return send(200, merged);
      }
      if (method === 'DELETE') {
        this.nodes.delete(m[1]);
        return send(200, status(200, 'Success', 'deleted'));
      }
    }
    if (p === '/api/v1/pods' && method === 'GET') {
      const selector = url.searchParams.get('fieldSelector') ?? '';
      const node = /spec\.nodeName=([^,]+)/.exec(selector)?.[1];
      const pods = [...this.pods.values()].filter((x) => !node || (x.spec as { nodeName?: string }).nodeName === node);
      return send(200, list('PodList', pods, this.version));
    }
    if ((m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)$/.exec(p)) && method === 'GET') {
      const pod = this.pods.get(`${m[1]}/${m[2]}`);
      return pod ? send(200, pod) : send(404, status(404, 'NotFound', `pods "${m[2]}" not found`));
    }
    if ((m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/eviction$/.exec(p)) && method === 'POST') {
      const key = `${m[1]}/${m[2]}`;
      if (!this.pods.has(key)) return send(404, status(404, 'NotFound', `pods "${m[2]}" not found`));
      if (this.protectedPods.has(key)) {
        return send(429, status(429, 'TooManyRequests', 'Cannot evict pod as it would violate the pod\'s disruption budget.'));
      }
      this.pods.delete(key);
      return send(201, status(201, 'Success', 'evicted'));
    }
    send(404, status(404, 'NotFound', `the server could not find the requested resource (${method} ${p})`));
  }
}

const list = (kind: string, items: Obj[], version: number) => ({ kind, apiVersion: 'v1', metadata: { resourceVersion: String(version) }, items });
const status = (code: number, reason: string, message: string) => ({ kind: 'Status', apiVersion: 'v1', status: code < 300 ? 'Success' : 'Failure', code, reason, message });

function merge(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = merge(base[key], value);
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
