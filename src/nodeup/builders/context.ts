import type { NodeRole, NodeupConfig } from '../config.js';
import { systemdUnitDirOf, type Distribution } from '../distributions.js';
import type { Task } from '../tasks.js';

export type { Distribution } from '../distributions.js';

/** What nodeup knows about the host it configures, beyond its config. */
export interface HostFacts {
  distribution: Distribution;
  architecture: 'amd64' | 'arm64';
  /** The host's name, which names the node (control planes put it in their kubelet certificate). */
  nodeName?: string;
  /** A warm-pool instance is configured but its kubelet stays stopped until it joins. */
  warming?: boolean;
  /** The instance's private address from the cloud's metadata, read when the CNI gives pods secondary addresses. */
  localIP?: string;
}

export interface BuildContext {
  config: NodeupConfig;
  role: NodeRole;
  host: HostFacts;
  /** Installable files by key (a binary's name) -> where nodeup finds it (cache path, or path inside an archive). */
  assets: Record<string, string>;
  /** State-store objects the config points at (etcd and static manifests, channels), fetched beforehand by URL. */
  remote: Map<string, string>;
  /** Primary certificate and private key of keysets read from the keystore (control planes only), by keyset name. */
  keypairs?: Map<string, Keypair>;
  /** The certificates of each keyset read from the keystore that are still trusted (control planes only), by keyset name. */
  trustedCertificates?: Map<string, TrustedCertificate[]>;
  /** Cluster secrets read from the secret store that the config needs (the API server's encryption config), by name. */
  secrets?: Map<string, string>;
  /** The cluster CA bundle from the boot config (nodes get no CAs in their nodeupconfig). */
  caBundle?: string;
  /** The cluster's state-store folder, for manifests given relative to it. */
  configBase?: string;
  /** The cloud the host runs on, from the boot config (`aws`, `gce`, ...). */
  cloudProvider?: string;
}

export interface Keypair {
  certificate: string;
  privateKey: string;
}

/** One keypair of a keyset, by its id: its certificate only. */
export interface TrustedCertificate {
  id: string;
  certificate: string;
}

export type Builder = (ctx: BuildContext) => Task[];

export function systemdUnitDir(host: HostFacts): string {
  return systemdUnitDirOf(host.distribution);
}

export const KUBERNETES_CA_BUNDLE = '/srv/kubernetes/ca.crt';

/** The secret holding the API server's EncryptionConfiguration (`kops create secret encryptionconfig`). */
export const ENCRYPTION_CONFIG_SECRET = 'encryptionconfig';

/** Where nodes reach the API server: control planes talk to their local one. */
export function apiServerURL(ctx: BuildContext): string {
  return ctx.role === 'Node' ? `https://api.internal.${ctx.config.ClusterName}` : 'https://127.0.0.1';
}

export function kubernetesCAId(ctx: BuildContext): string {
  return ctx.config.KeypairIDs?.['kubernetes-ca'] ?? '';
}

/**
 * Whether the cluster's Kubernetes is at least major.minor: the version, or for a release location
 * (side-loading, `https://dl.k8s.io/release/v1.35.0`) the minor it names, as the Go kops reads it.
 */
export function isKubernetesAtLeast(version: string, major: number, minor: number): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim()) ?? /\/v(1)\.(\d+)\./.exec(version);
  if (!m) return false;
  const [have, haveMinor] = [Number(m[1]), Number(m[2])];
  return have !== major ? have > major : haveMinor >= minor;
}
