import { ApiException, KubeConfig, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { UserError } from '../../errors.js';
import type { ClusterApi } from './apply.js';
import type { ManifestObject } from './channel.js';

/** Field manager of kops' server-side applies, so that `kubectl` shows who owns the add-on fields. */
const FIELD_MANAGER = 'kops';

/** Loads the kubeconfig: the given file, else the client's defaults ($KUBECONFIG, ~/.kube/config, in-cluster). */
export function loadKubeConfig(path: string | undefined): KubeConfig {
  const config = new KubeConfig();
  try {
    if (path) config.loadFromFile(path);
    else config.loadFromDefault();
  } catch (err) {
    throw new UserError(`cannot load the kubeconfig${path ? ` ${path}` : ''}: ${(err as Error).message.split('\n')[0]}`, 'pass --kubeconfig, or run kops export kubeconfig --admin');
  }
  if (!config.getCurrentCluster()) {
    throw new UserError('the kubeconfig has no current cluster', 'pass --kubeconfig, or run kops export kubeconfig --admin');
  }
  return config;
}

/** ClusterApi over the Kubernetes REST API: creates with POST, updates existing objects with a server-side apply. */
export function kubernetesClusterApi(config: KubeConfig): ClusterApi {
  const client = KindResolvingObjectApi.forConfig(config);
  const server = config.getCurrentCluster()?.server ?? '';
  const namespaceRef = (name: string): ObjectRef => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const call = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (err) {
      throw new UserError(`${what}: ${describe(err)}`, `API server ${server}`);
    }
  };

  return {
    async namespaceAnnotations(namespace) {
      const object = await call(`reading namespace ${namespace}`, () => client.read(namespaceRef(namespace)));
      return object.metadata?.annotations ?? {};
    },
    async setNamespaceAnnotation(namespace, key, value) {
      const patch = { ...namespaceRef(namespace), metadata: { name: namespace, annotations: { [key]: value } } };
      await call(`annotating namespace ${namespace}`, () =>
        client.patch(patch, undefined, undefined, FIELD_MANAGER, undefined, PatchStrategy.MergePatch),
      );
    },
    async checkKind(apiVersion, kind) {
      const resource = await call(`looking up ${kind} in ${apiVersion}`, () => client.kindResource(apiVersion, kind));
      if (!resource) throw new UserError(`the cluster does not serve kind ${kind} of ${apiVersion}`, 'check the manifest, or install the CRD first');
    },
    async exists(object) {
      try {
        await client.read(copy(object));
        return true;
      } catch (err) {
        if (err instanceof ApiException && err.code === 404) return false;
        throw new UserError(`reading ${objectName(object)}: ${describe(err)}`, `API server ${server}`);
      }
    },
    async create(object) {
      await call(`creating ${objectName(object)}`, () => client.create(copy(object), undefined, undefined, FIELD_MANAGER));
    },
    async update(object) {
      await call(`updating ${objectName(object)}`, () =>
        client.patch(copy(object), undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply),
      );
    },
  };
}

type ObjectRef = KubernetesObject & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };

/** The object API with its (protected) discovery look-up opened up, to check kinds before writing anything. */
class KindResolvingObjectApi extends KubernetesObjectApi {
  static forConfig(config: KubeConfig): KindResolvingObjectApi {
    const client = config.makeApiClient(KindResolvingObjectApi);
    client.setDefaultNamespace(config);
    return client;
  }

  kindResource(apiVersion: string, kind: string) {
    return this.resource(apiVersion, kind);
  }
}

// The client fills in defaults (namespace) on the object it is given: keep the parsed manifest as it was.
const copy = (object: ManifestObject): ObjectRef => structuredClone(object) as ObjectRef;

function objectName(object: ManifestObject): string {
  const namespace = object.metadata.namespace ? `${object.metadata.namespace}/` : '';
  return `${object.kind} ${namespace}${object.metadata.name}`;
}

function describe(err: unknown): string {
  if (err instanceof ApiException) {
    const body = err.body as { message?: unknown } | string | undefined;
    const message = typeof body === 'string' ? body : typeof body?.message === 'string' ? body.message : '';
    return `HTTP ${err.code}${message ? `: ${message}` : ''}`;
  }
  return err instanceof Error ? err.message : String(err);
}
