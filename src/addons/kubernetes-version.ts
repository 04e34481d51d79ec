/** A Kubernetes version as kops compares them: major.minor.patch, pre-release and build ignored. */
export interface KubernetesVersion {
  major: number;
  minor: number;
  patch: number;
  /** The version without a leading `v`, pre-release kept (e.g. `1.36.0-rc.1`). */
  text: string;
}

/**
 * A version (`1.35.0`, `v1.35`), or a release location (side-loading, `https://dl.k8s.io/release/v1.35.0`), read as
 * the Go kops does: a location stands for the minor release in its path (`/v1.<minor>.`), patch 0.
 */
export function parseKubernetesVersion(version: string): KubernetesVersion {
  const text = version.trim().replace(/^v/, '');
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (m) return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text };
  const minor = /\/v1\.(\d+)\./.exec(version)?.[1];
  if (minor !== undefined) return { major: 1, minor: Number(minor), patch: 0, text: `1.${minor}.0` };
  throw new Error(`unparseable Kubernetes version ${JSON.stringify(version)}`);
}

/** Whether the version is given as the location of a release (http:, https: or memfs:) rather than a number. */
export function isReleaseLocation(version: string): boolean {
  return /^(https?|memfs):/.test(version);
}

/** `version >= min`, comparing major.minor.patch only (as kops' IsKubernetesGTE). */
export function isKubernetesGTE(version: string | KubernetesVersion, min: string): boolean {
  const v = typeof version === 'string' ? parseKubernetesVersion(version) : version;
  const m = parseKubernetesVersion(min);
  if (v.major !== m.major) return v.major > m.major;
  if (v.minor !== m.minor) return v.minor > m.minor;
  return v.patch >= m.patch;
}
