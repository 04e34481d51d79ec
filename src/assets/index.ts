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

/** The subset of the completed cluster spec that decides which binaries a node downloads. */
export interface NodeAssetSpec {
  kubernetesVersion: string;
  cloudProvider?: string;
  installCNIAssets: boolean;
  containerd?: {
    version?: string;
    skipInstall?: boolean;
    runc?: { version?: string };
    packages?: { urlAmd64?: string; hashAmd64?: string; urlArm64?: string; hashArm64?: string };
  };
  fileRepository?: string;
}

/** Release artefact URLs nodeup installs on every node, per architecture, in the order kops lists them. */
export function nodeAssetUrls(spec: NodeAssetSpec, arch: Architecture): string[] {
  const urls = [`${kubernetesReleaseBase(spec.kubernetesVersion)}/bin/linux/${arch}/kubelet`, `${kubernetesReleaseBase(spec.kubernetesVersion)}/bin/linux/${arch}/kubectl`];
  if (spec.cloudProvider === 'aws') {
    urls.push(`https://artifacts.k8s.io/binaries/cloud-provider-aws/${ECR_CREDENTIAL_PROVIDER_VERSION}/linux/${arch}/ecr-credential-provider-linux-${arch}`);
  }
  if (spec.cloudProvider === 'gce') {
    urls.push(`https://artifacts.k8s.io/binaries/cloud-provider-gcp/${GCP_AUTH_PROVIDER_VERSION}/auth-provider-gcp/linux/${arch}/auth-provider-gcp`);
  }
  if (spec.installCNIAssets) {
    const cni = cniPluginsVersion(spec.kubernetesVersion);
    urls.push(`https://github.com/containernetworking/plugins/releases/download/v${cni}/cni-plugins-linux-${arch}-v${cni}.tgz`);
  }
  const containerd = spec.containerd;
  if (containerd && !containerd.skipInstall) {
    const pkgUrl = arch === 'amd64' ? containerd.packages?.urlAmd64 : containerd.packages?.urlArm64;
    if (pkgUrl) urls.push(pkgUrl);
    else if (containerd.version) {
      const v = containerd.version;
      urls.push(`https://github.com/containerd/containerd/releases/download/v${v}/containerd-${v}-linux-${arch}.tar.gz`);
    }
    if (containerd.runc?.version) urls.push(`https://github.com/opencontainers/runc/releases/download/v${containerd.runc.version}/runc.${arch}`);
  }
  return urls.map((u) => mirrored(u, spec.fileRepository));
}

/** Node assets with their hashes; an unknown hash is a user error naming the artefact. */
export function nodeAssets(spec: NodeAssetSpec, arch: Architecture, extraHashes: Record<string, string> = {}): FileAsset[] {
  const pinned: Record<string, string> = { ...extraHashes };
  const containerd = spec.containerd;
  if (containerd?.packages?.urlAmd64 && containerd.packages.hashAmd64) pinned[mirrored(containerd.packages.urlAmd64, spec.fileRepository)] = containerd.packages.hashAmd64;
  if (containerd?.packages?.urlArm64 && containerd.packages.hashArm64) pinned[mirrored(containerd.packages.urlArm64, spec.fileRepository)] = containerd.packages.hashArm64;
  return nodeAssetUrls(spec, arch).map((url) => {
    const sha256 = knownSha256(unmirrored(url, spec.fileRepository), pinned) ?? pinned[url];
    if (!sha256) throw new UserError(`no known sha256 for ${url}`, 'use a released version, or let kops fetch <url>.sha256');
    return { url, sha256 };
  });
}

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
function mirrored(url: string, fileRepository?: string): string {
  if (!fileRepository) return url;
  const u = new URL(url);
  return `${fileRepository.replace(/\/$/, '')}${u.pathname}`;
}

function unmirrored(url: string, fileRepository?: string): string {
  if (!fileRepository) return url;
  const base = fileRepository.replace(/\/$/, '');
  const path = url.slice(base.length);
  for (const origin of ['https://dl.k8s.io', 'https://artifacts.k8s.io', 'https://github.com']) {
    if (knownSha256(origin + path)) return origin + path;
  }
  return url;
}
