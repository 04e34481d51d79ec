import { ApiException, CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions, type V1Node, type V1Pod } from '@kubernetes/client-node';
import { UserError } from '../errors.js';

export type { V1Node as KubeNode, V1Pod as KubePod } from '@kubernetes/client-node';

/** What the operating flows read and change through the Kubernetes API. */
export interface KubeApi {
  /** The API server's URL, for messages. */
  server: string;
  listNodes(): Promise<V1Node[]>;
  /** Pods of every namespace, or of one node. */
  listPods(nodeName?: string): Promise<V1Pod[]>;
  readPod(namespace: string, name: string): Promise<V1Pod | undefined>;
  /** A merge of `patch` into the node (strategic merge patch); a node already gone is not an error. */
  patchNode(name: string, patch: object): Promise<void>;
  /** Asks for a pod's eviction: `blocked` when a PodDisruptionBudget refuses it now (HTTP 429). */
  evictPod(namespace: string, name: string): Promise<'evicting' | 'blocked' | 'gone'>;
}

export interface ClusterCredentials {
  clusterName: string;
  server: string;
  caBundlePem: string;
  certificatePem: string;
  privateKeyPem: string;
}

/** A kubeconfig in memory for one cluster: its API server, its CA, and a client certificate. */
export function kubeConfigFor(c: ClusterCredentials): KubeConfig {
  const config = new KubeConfig();
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  config.loadFromOptions({
    clusters: [{ name: c.clusterName, server: c.server, caData: b64(c.caBundlePem), skipTLSVerify: false }],
    users: [{ name: c.clusterName, certData: b64(c.certificatePem), keyData: b64(c.privateKeyPem) }],
    contexts: [{ name: c.clusterName, cluster: c.clusterName, user: c.clusterName }],
    currentContext: c.clusterName,
  });
  return config;
}

/** The kubeconfig file's context named after the cluster (else its current context), with `--api-server` applied. */
export function kubeConfigFromFile(path: string | undefined, clusterName: string, apiServer?: string): KubeConfig {
  const config = new KubeConfig();
  try {
    if (path) config.loadFromFile(path);
    else config.loadFromDefault();
  } catch (err) {
    throw new UserError(`cannot load the kubeconfig${path ? ` ${path}` : ''}: ${(err as Error).message.split('\n')[0]}`, 'run kops export kubeconfig --admin');
  }
  if (config.getContextObject(clusterName)) config.setCurrentContext(clusterName);
  const cluster = config.getCurrentCluster();
  if (!cluster) throw new UserError(`the kubeconfig has no context for ${clusterName}`, `run kops export kubeconfig ${clusterName} --admin`);
  if (apiServer) {
    const clusters = config.clusters.map((c) => (c.name === cluster.name ? { ...c, server: apiServer } : c));
    config.loadFromOptions({ clusters, users: config.users, contexts: config.contexts, currentContext: config.currentContext });
  }
  return config;
}

const strategicMerge = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);

/** KubeApi over @kubernetes/client-node. Errors name the API server and what was being done. */
export function kubeApi(config: KubeConfig): KubeApi {
  const core = config.makeApiClient(CoreV1Api);
  const server = config.getCurrentCluster()?.server ?? '';
  const call = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (err) {
      throw kubeError(what, server, err);
    }
  };
  return {
    server,
    listNodes: () => call('listing nodes', async () => (await core.listNode()).items),
    listPods: (nodeName) =>
      call(nodeName ? `listing pods of node ${nodeName}` : 'listing pods', async () => (await core.listPodForAllNamespaces({ fieldSelector: nodeName ? `spec.nodeName=${nodeName}` : undefined })).items),
    async readPod(namespace, name) {
      try {
        return await core.readNamespacedPod({ namespace, name });
      } catch (err) {
        if (err instanceof ApiException && err.code === 404) return undefined;
        throw kubeError(`reading pod ${namespace}/${name}`, server, err);
      }
    },
    async patchNode(name, patch) {
      try {
        await core.patchNode({ name, body: patch }, strategicMerge);
      } catch (err) {
        if (err instanceof ApiException && err.code === 404) return;
        throw kubeError(`patching node ${name}`, server, err);
      }
    },
    async evictPod(namespace, name) {
      try {
        await core.createNamespacedPodEviction({ namespace, name, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } } });
        return 'evicting';
      } catch (err) {
        if (err instanceof ApiException && err.code === 429) return 'blocked';
        if (err instanceof ApiException && err.code === 404) return 'gone';
        throw kubeError(`evicting pod ${namespace}/${name}`, server, err);
      }
    },
  };
}

/** Thrown when the API server cannot be reached at all (as opposed to answering with an error). */
export class ApiUnreachableError extends UserError {}

function kubeError(what: string, server: string, err: unknown): UserError {
  if (err instanceof ApiException) {
    const body = err.body as { message?: unknown } | string | undefined;
    const message = typeof body === 'string' ? body : typeof body?.message === 'string' ? body.message : '';
    return new UserError(`${what}: HTTP ${err.code}${message ? `: ${message}` : ''}`, `API server ${server}`);
  }
  const reason = networkReason(err);
  return new ApiUnreachableError(`cannot reach the Kubernetes API at ${server}: ${reason}`, 'check that the cluster is up (kops validate cluster), or pass --api-server');
}

function networkReason(err: unknown): string {
  for (let e = err as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === 'ECONNREFUSED') return 'connection refused';
    if (e.code) return e.code;
  }
  return (err as Error)?.message?.split('\n')[0] ?? String(err);
}
