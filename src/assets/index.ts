import { isKubernetesGTE, isReleaseLocation } from '../addons/kubernetes-version.js';
import { UserError } from '../errors.js';
import { KNOWN_SHA256 } from './known-hashes.js';
import { PRERELEASE_SHA256 } from './prerelease-hashes.js';

export type Architecture = 'amd64' | 'arm64';
export const ARCHITECTURES: Architecture[] = ['amd64', 'arm64'];

/** A file nodeup downloads and verifies: `sha256@url` in its config. */
export interface FileAsset {
  url: string;
  sha256: string;
}

/** Looks up the sha256 of a release artefact; `extra` holds hashes fetched at run time for unknown versions. */
export function knownSha256(url: string, extra: Record<string, string> = {}): string | undefined {
  if (extra[url]) return extra[url];
  if (PRERELEASE_SHA256[url]) return PRERELEASE_SHA256[url];
  for (const [base, files] of Object.entries(KNOWN_SHA256)) {
    if (url.startsWith(base)) {
      const hash = files[url.slice(base.length)];
      if (hash) return hash;
    }
  }
  return undefined;
}

/** Fetches `<url>.sha256` (as the Go kops does for artefacts outside its tables); injected so tests never call out. */
export type Sha256Fetcher = (url: string) => Promise<string>;

export async function fetchMissingHashes(urls: string[], fetcher: Sha256Fetcher, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const found: Record<string, string> = { ...extra };
  for (const url of urls) {
    if (knownSha256(url, found)) continue;
    const text = await fetcher(`${url}.sha256`);
    const hash = text.trim().split(/\s+/)[0];
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new UserError(`${url}.sha256: not a sha256 hash`, 'check the Kubernetes version or spec.assets.fileRepository');
    found[url] = hash;
  }
  return found;
}

interface PackageUrls {
  urlAmd64?: string;
  hashAmd64?: string;
  urlArm64?: string;
  hashArm64?: string;
}

/** The subset of the completed cluster spec that decides which binaries a node downloads. */
export interface NodeAssetSpec {
  kubernetesVersion: string;
  cloudProvider?: string;
  installCNIAssets: boolean;
  containerd?: {
    version?: string;
    skipInstall?: boolean;
    installCriCtl?: boolean;
    installNerdCtl?: boolean;
    runc?: { version?: string; packages?: PackageUrls };
    packages?: PackageUrls;
  };
  fileRepository?: string;
}

/** A release file and, when the spec pins it, its sha256. */
interface Artefact {
  url: string;
  sha256?: string;
}

/** Release files nodeup installs on every node, per architecture, in the order kops lists them. */
function nodeArtefacts(spec: NodeAssetSpec, arch: Architecture): Artefact[] {
  const base = kubernetesReleaseBase(spec.kubernetesVersion);
  const out: Artefact[] = [{ url: `${base}/bin/linux/${arch}/kubelet` }, { url: `${base}/bin/linux/${arch}/kubectl` }];
  if (spec.cloudProvider === 'aws') {
    out.push({ url: `https://artifacts.k8s.io/binaries/cloud-provider-aws/${ECR_CREDENTIAL_PROVIDER_VERSION}/linux/${arch}/ecr-credential-provider-linux-${arch}` });
  }
  if (spec.cloudProvider === 'gce') {
    out.push({ url: `https://artifacts.k8s.io/binaries/cloud-provider-gcp/${GCP_AUTH_PROVIDER_VERSION}/auth-provider-gcp/linux/${arch}/auth-provider-gcp` });
  }
  if (spec.installCNIAssets) {
    const cni = cniPluginsVersion(spec.kubernetesVersion);
    out.push({ url: `https://github.com/containernetworking/plugins/releases/download/v${cni}/cni-plugins-linux-${arch}-v${cni}.tgz` });
  }
  const containerd = spec.containerd;
  if (containerd?.skipInstall) return out;
  out.push(containerdArtefact(containerd, arch), runcArtefact(containerd?.runc, arch));
  if (containerd?.installNerdCtl) out.push(NERDCTL[arch]);
  if (containerd?.installCriCtl) out.push({ url: `https://github.com/kubernetes-sigs/cri-tools/releases/download/v${CRICTL_VERSION}/crictl-v${CRICTL_VERSION}-linux-${arch}.tar.gz` });
  return out;
}

/** A package the spec gives for this architecture (both its URL and hash), if any. */
function pinnedPackage(packages: PackageUrls | undefined, arch: Architecture): Artefact | undefined {
  const url = arch === 'amd64' ? packages?.urlAmd64 : packages?.urlArm64;
  const sha256 = arch === 'amd64' ? packages?.hashAmd64 : packages?.hashArm64;
  return url && sha256 ? { url, sha256 } : undefined;
}

function containerdArtefact(containerd: NodeAssetSpec['containerd'], arch: Architecture): Artefact {
  const pinned = pinnedPackage(containerd?.packages, arch);
  if (pinned) return pinned;
  const v = containerd?.version;
  if (!v) throw new UserError('spec.containerd.version: no containerd version to install', 'set spec.containerd.version, or spec.containerd.packages');
  if (!isVersionAtLeast(v, '2.1.0')) throw new UserError(`spec.containerd.version: unsupported legacy containerd version ${JSON.stringify(v)}`, 'use containerd 2.1.0 or newer');
  return { url: `https://github.com/containerd/containerd/releases/download/v${v}/containerd-${v}-linux-${arch}.tar.gz` };
}

function runcArtefact(runc: { version?: string; packages?: PackageUrls } | undefined, arch: Architecture): Artefact {
  if (!runc) throw new UserError('spec.containerd.runc: no runc settings for the containerd version given', 'set spec.containerd.runc.version (1.1.0 or newer) or spec.containerd.runc.packages');
  const pinned = pinnedPackage(runc.packages, arch);
  if (pinned) return pinned;
  const v = runc.version;
  if (!v) throw new UserError('spec.containerd.runc.version: no runc version to install', 'set spec.containerd.runc.version, or spec.containerd.runc.packages');
  if (!isVersionAtLeast(v, '1.1.0')) throw new UserError(`spec.containerd.runc.version: unsupported runc version ${JSON.stringify(v)}`, 'use runc 1.1.0 or newer');
  return { url: `https://github.com/opencontainers/runc/releases/download/v${v}/runc.${arch}` };
}

/** Release artefact URLs nodeup installs on every node, per architecture, in the order kops lists them. */
export function nodeAssetUrls(spec: NodeAssetSpec, arch: Architecture): string[] {
  return nodeArtefacts(spec, arch).map((a) => mirrored(a.url, spec.fileRepository));
}

/** Node assets with their hashes; an unknown hash is a user error naming the artefact. */
export function nodeAssets(spec: NodeAssetSpec, arch: Architecture, extraHashes: Record<string, string> = {}): FileAsset[] {
  return nodeArtefacts(spec, arch).map((a) => {
    const url = mirrored(a.url, spec.fileRepository);
    const sha256 = a.sha256 ?? knownSha256(a.url, extraHashes) ?? extraHashes[url];
    if (!sha256) throw new UserError(`no known sha256 for ${url}`, 'use a released version, or let kops fetch <url>.sha256');
    return { url, sha256 };
  });
}

/** Release files whose hash is neither pinned by the spec nor in the tables (fetched as `<url>.sha256`). */
export function unhashedNodeAssetUrls(spec: NodeAssetSpec, arch: Architecture): string[] {
  return nodeArtefacts(spec, arch)
    .filter((a) => !a.sha256 && !knownSha256(a.url))
    .map((a) => mirrored(a.url, spec.fileRepository));
}

/** `x.y.z` compared numerically (a leading v and any suffix ignored). */
function isVersionAtLeast(version: string, minimum: string): boolean {
  const parse = (v: string) => v.replace(/^v/, '').split(/[-+]/)[0].split('.').map((n) => Number(n) || 0);
  const a = parse(version);
  const b = parse(minimum);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

const CRICTL_VERSION = '1.29.0';
/** nerdctl comes at one version, with hashes kops pins. */
const NERDCTL: Record<Architecture, Artefact> = {
  amd64: { url: 'https://github.com/containerd/nerdctl/releases/download/v1.7.4/nerdctl-1.7.4-linux-amd64.tar.gz', sha256: '71aee9d987b7fad0ff2ade50b038ad7e2356324edc02c54045960a3521b3e6a7' },
  arm64: { url: 'https://github.com/containerd/nerdctl/releases/download/v1.7.4/nerdctl-1.7.4-linux-arm64.tar.gz', sha256: 'd8df47708ca57b9cd7f498055126ba7dcfc811d9ba43aae1830c93a09e70e22d' },
};

const ECR_CREDENTIAL_PROVIDER_VERSION = 'v1.31.7';
const GCP_AUTH_PROVIDER_VERSION = 'v35.0.0';

/** Where the Kubernetes binaries are: the release site for a version, or the location given instead (side-loading). */
function kubernetesReleaseBase(kubernetesVersion: string): string {
  return isReleaseLocation(kubernetesVersion) ? kubernetesVersion.replace(/\/+$/, '') : `https://dl.k8s.io/release/v${kubernetesVersion.replace(/^v/, '')}`;
}

/** CNI plugins bundled per Kubernetes minor release. */
export function cniPluginsVersion(kubernetesVersion: string): string {
  if (isKubernetesGTE(kubernetesVersion, '1.36.0')) return '1.9.1';
  if (isKubernetesGTE(kubernetesVersion, '1.35.0')) return '1.8.0';
  if (isKubernetesGTE(kubernetesVersion, '1.34.0')) return '1.7.1';
  if (isKubernetesGTE(kubernetesVersion, '1.32.0')) return '1.6.2';
  if (isKubernetesGTE(kubernetesVersion, '1.31.0')) return '1.5.1';
  return '1.4.1';
}

/** With `spec.assets.fileRepository`, files are downloaded from the mirror under the same path. */
export function mirrored(url: string, fileRepository?: string): string {
  if (!fileRepository) return url;
  const u = new URL(url);
  return `${fileRepository.replace(/\/$/, '')}${u.pathname}`;
}
