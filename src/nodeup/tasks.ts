import { toGoYaml, goKeyLess, type YamlValue } from '../apis/go/yaml.js';

/**
 * What nodeup does on a host, as Go nodeup models it: one task per file, unit, certificate, user or package, keyed
 * `<Type>/<name>`. Builders only declare tasks; apply.ts carries them out.
 */
export type Task = FileTask | ServiceTask | IssueCertTask | KubeConfigTask | UserTask | PackageTask | AssetTask | UpdateEtcHostsTask | VolumeMountTask | PullImageTask | DiscoveryRegisterTask | AssetDirectoryTask;

/** A binary from the config's asset list (or, in golden tests, a test asset), installed from nodeup's cache. */
export interface AssetContents {
  asset: { key: string; path: string };
}

/** One half of an issued certificate: the certificate or its private key. */
export interface CertificateContents {
  certificate: IssueCertTask;
  part: 'cert' | 'key';
}

export type FileContents = string | AssetContents | { kubeconfig: KubeConfigTask } | CertificateContents;

export interface FileTask {
  kind: 'File';
  path: string;
  type: 'file' | 'directory';
  contents?: FileContents;
  mode?: string;
  owner?: string;
  group?: string;
  ifNotExists?: boolean;
  beforeServices?: string[];
  afterFiles?: string[];
  onChangeExecute?: string[][];
}

export interface ServiceTask {
  kind: 'Service';
  name: string;
  /** The unit file nodeup installs; absent for a unit an OS package ships, which nodeup only enables and starts. */
  definition?: string;
  running: boolean;
  enabled: boolean;
  manageState: boolean;
  smartRestart: boolean;
}

/** A certificate (and its key) signed by a cluster CA; on nodes kops-controller signs it. */
export interface IssueCertTask {
  kind: 'IssueCert';
  name: string;
  signer: string;
  keypairID: string;
  type: 'client' | 'server';
  subject: { CommonName: string; Organization?: string[] };
  alternateNames?: string[];
  /** The certificate file also carries the signing CA (a chain), for servers whose clients only know the root. */
  includeRootCertificate?: boolean;
}

export interface KubeConfigTask {
  kind: 'KubeConfig';
  name: string;
  cert: IssueCertTask;
  serverURL: string;
}

export interface UserTask {
  kind: 'UserTask';
  name: string;
  uid: number;
  shell: string;
  home: string;
}

export interface PackageTask {
  kind: 'Package';
  name: string;
}

/** A release artefact from the config (`<sha256>@<url>`), kept in nodeup's cache. Not a Go task: Go fetches assets up front. */
export interface AssetTask {
  kind: 'Asset';
  name: string;
  url: string;
  sha256: string;
}

/** Host names nodeup maintains in /etc/hosts, inside a block it owns. */
export interface UpdateEtcHostsTask {
  kind: 'UpdateEtcHostsTask';
  name: string;
  records: Array<{ hostname: string; addresses: string[] }>;
}

/**
 * A device of the instance group mounted on a path, formatted first when it holds no filesystem. Not a Go task: the
 * Go nodeup formats and mounts while it builds its tasks.
 */
export interface VolumeMountTask {
  kind: 'VolumeMount';
  /** The mount path. */
  name: string;
  device: string;
  filesystem: string;
  mountOptions: string[];
}

/** A container image pulled into containerd's Kubernetes namespace (warm-pool instances pre-pull their images). */
export interface PullImageTask {
  kind: 'PullImage';
  name: string;
}

/**
 * Every file of nodeup's asset cache (each asset, and each file inside the cached archives) installed into one
 * directory. Not a Go task: Go lists the asset store's files while it builds its tasks, which the plan cannot.
 */
export interface AssetDirectoryTask {
  kind: 'AssetDirectory';
  /** The directory. */
  name: string;
  mode: string;
}

/** An RSA public key as a JSON Web Key. */
export interface JSONWebKey {
  use: string;
  kty: string;
  kid: string;
  alg: string;
  n: string;
  e: string;
}

/**
 * This control plane's entry in the hosted discovery service (`<namespace>/<registerName>`), published with a client
 * certificate of the discovery CA: the keys that verify the cluster's service-account tokens.
 */
export interface DiscoveryRegisterTask {
  kind: 'DiscoveryRegister';
  name: string;
  url: string;
  namespace: string;
  registerName: string;
  clientCert: IssueCertTask;
  /** The discovery CA's certificate, sent after the client certificate (the service may not know the CA). */
  clientCA: string;
  jwks: JSONWebKey[];
}

export function taskKey(task: Task): string {
  return `${task.kind}/${task.kind === 'File' ? task.path : task.name}`;
}

/** Tasks sorted by key, byte-wise (as Go sorts map keys). */
export function sortTasks(tasks: Task[]): Task[] {
  return [...tasks].sort((a, b) => (taskKey(a) < taskKey(b) ? -1 : taskKey(a) > taskKey(b) ? 1 : 0));
}

/** Go's golden form of a task list: each task as plain YAML (Go JSON field names), joined by `---`. */
export function serializeTasks(tasks: Task[]): string {
  return sortTasks(tasks)
    .map((t) => toGoYaml(goForm(t)).trim())
    .join('\n---\n');
}

/** The task as Go marshals it (JSON field names, referenced tasks inline under `task:`). */
export function goForm(task: Task): { [key: string]: YamlValue } {
  switch (task.kind) {
    case 'File':
      return compact({
        path: task.path,
        type: task.type,
        contents: task.contents === undefined ? undefined : contentsForm(task.contents),
        mode: task.mode,
        owner: task.owner,
        group: task.group,
        ifNotExists: task.ifNotExists,
        beforeServices: task.beforeServices,
        afterFiles: task.afterFiles,
        onChangeExecute: task.onChangeExecute,
      });
    case 'Service':
      return {
        Name: task.name,
        ...(task.definition === undefined ? {} : { definition: task.definition }),
        running: task.running,
        enabled: task.enabled,
        manageState: task.manageState,
        smartRestart: task.smartRestart,
      };
    case 'IssueCert':
      return compact({
        Name: task.name,
        signer: task.signer,
        keypairID: task.keypairID,
        type: task.type,
        subject: compact({ CommonName: task.subject.CommonName, Organization: task.subject.Organization }),
        alternateNames: task.alternateNames,
        includeRootCertificate: task.includeRootCertificate,
      });
    case 'KubeConfig': {
      const cert = { task: goForm(task.cert) };
      return { CA: cert, Cert: cert, Key: cert, Name: task.name, ServerURL: task.serverURL };
    }
    case 'UserTask':
      return { Name: task.name, uid: task.uid, shell: task.shell, home: task.home };
    case 'Package':
      return { Name: task.name };
    case 'Asset':
      return { Name: task.name, sha256: task.sha256, url: task.url };
    case 'UpdateEtcHostsTask':
      return { Name: task.name, records: task.records.map((r) => ({ addresses: r.addresses, hostname: r.hostname })) };
    case 'VolumeMount':
      return { Name: task.name, device: task.device, filesystem: task.filesystem, mountOptions: task.mountOptions };
    case 'PullImage':
      return { Name: task.name };
    case 'AssetDirectory':
      return { Name: task.name, mode: task.mode };
    case 'DiscoveryRegister':
      return {
        Name: task.name,
        DiscoveryService: task.url,
        RegisterNamespace: task.namespace,
        RegisterName: task.registerName,
        ClientCert: { task: goForm(task.clientCert) },
        JWKS: task.jwks.map((k) => ({ use: k.use, kty: k.kty, kid: k.kid, alg: k.alg, n: k.n, e: k.e })),
      };
  }
}

function contentsForm(contents: FileContents): YamlValue {
  if (typeof contents === 'string') return contents;
  if ('asset' in contents) return { Asset: { AssetPath: contents.asset.path, Key: contents.asset.key } };
  if ('certificate' in contents) return { task: goForm(contents.certificate) };
  return { task: goForm(contents.kubeconfig) };
}

function compact(fields: Record<string, YamlValue | undefined>): { [key: string]: YamlValue } {
  const out: { [key: string]: YamlValue } = {};
  for (const key of Object.keys(fields).sort((a, b) => (goKeyLess(a, b) ? -1 : 1))) {
    const v = fields[key];
    if (v !== undefined && v !== false) out[key] = v;
  }
  return out;
}
