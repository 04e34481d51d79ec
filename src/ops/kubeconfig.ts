import { mkdir, readFile, rename, writeFile, chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { parse, stringify } from 'yaml';
import type { Cluster } from '../apis/types.js';
import { UserError } from '../errors.js';
import { openClusterCloud } from './cluster.js';

export interface KubeconfigEntry {
  /** Used as the cluster, context and user name, as kops does. */
  name: string;
  server: string;
  caBundlePem: string;
  /** Absent when no credentials are exported (no --admin): the user entry is left as it was. */
  credentials?: { certificatePem: string; privateKeyPem: string };
  /** Overrides the user name (--user): the context then points at an existing user. */
  user?: string;
}

type Named<T> = { name: string } & T;
interface KubeconfigFile {
  apiVersion?: string;
  kind?: string;
  clusters?: Named<{ cluster: Record<string, unknown> }>[];
  contexts?: Named<{ context: Record<string, unknown> }>[];
  users?: Named<{ user: Record<string, unknown> }>[];
  'current-context'?: string;
  preferences?: Record<string, unknown>;
  [key: string]: unknown;
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** Merges one cluster's entries into a kubeconfig, keeping every other cluster, context and user as it was. */
export function mergeKubeconfig(existing: string | undefined, entry: KubeconfigEntry, source: string): string {
  let config: KubeconfigFile;
  try {
    config = (existing?.trim() ? parse(existing) : {}) ?? {};
  } catch (err) {
    throw new UserError(`${source}: not a valid kubeconfig (${(err as Error).message.split('\n')[0]})`, 'fix or move the file, then retry');
  }
  config.apiVersion ??= 'v1';
  config.kind ??= 'Config';
  config.preferences ??= {};
  const userName = entry.user ?? entry.name;
  upsert((config.clusters ??= []), {
    name: entry.name,
    cluster: { 'certificate-authority-data': b64(entry.caBundlePem), server: entry.server },
  });
  if (entry.credentials) {
    upsert((config.users ??= []), {
      name: userName,
      user: { 'client-certificate-data': b64(entry.credentials.certificatePem), 'client-key-data': b64(entry.credentials.privateKeyPem) },
    });
  }
  upsert((config.contexts ??= []), { name: entry.name, context: { cluster: entry.name, user: userName } });
  config['current-context'] = entry.name;
  return stringify(config, { lineWidth: 0 });
}

function upsert<T extends { name: string }>(list: T[], item: T): void {
  const i = list.findIndex((x) => x.name === item.name);
  if (i >= 0) list[i] = item;
  else list.push(item);
}

/**
 * Removes a cluster's cluster, context and user entries (all named after it, as kops writes them); other entries stay.
 * Returns false when the file holds nothing of the cluster.
 */
export async function removeFromKubeconfig(path: string, name: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  let config: KubeconfigFile;
  try {
    config = (parse(text) ?? {}) as KubeconfigFile;
  } catch {
    return false;
  }
  const before = (config.clusters?.length ?? 0) + (config.contexts?.length ?? 0) + (config.users?.length ?? 0);
  config.clusters = (config.clusters ?? []).filter((c) => c.name !== name);
  config.contexts = (config.contexts ?? []).filter((c) => c.name !== name);
  config.users = (config.users ?? []).filter((u) => u.name !== name);
  if (before === config.clusters.length + config.contexts.length + config.users.length) return false;
  if (config['current-context'] === name) config['current-context'] = '';
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, stringify(config, { lineWidth: 0 }), { mode: 0o600 });
  await rename(tmp, path);
  return true;
}

/** The file to write: --kubeconfig, else the first entry of $KUBECONFIG, else ~/.kube/config. */
export function kubeconfigPath(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  if (flag) return flag;
  const fromEnv = env.KUBECONFIG?.split(':').find((p) => p);
  return fromEnv ?? join(env.HOME ?? homedir(), '.kube', 'config');
}

/** Reads, merges and atomically rewrites the kubeconfig with mode 0600 (it holds a private key). */
export async function writeKubeconfig(path: string, entry: KubeconfigEntry): Promise<void> {
  let existing: string | undefined;
  try {
    existing = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UserError(`cannot read kubeconfig ${path}: ${(err as Error).message}`);
  }
  const merged = mergeKubeconfig(existing, entry, path);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, merged, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

/** Where clients reach the cluster's API load balancer, as the cluster's cloud answers it (a DNS name or an address). */
export function apiLoadBalancerAddress(clusterName: string, cluster: Cluster): Promise<string | undefined> {
  return openClusterCloud(cluster).apiLoadBalancerAddress(clusterName);
}
