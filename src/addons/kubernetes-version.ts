/** A Kubernetes version as kops compares them: major.minor.patch, pre-release and build ignored. */
export interface KubernetesVersion {
  major: number;
  minor: number;
  patch: number;
  /** The version without a leading `v`, pre-release kept (e.g. `1.36.0-rc.1`). */
  text: string;
}

export function parseKubernetesVersion(version: string): KubernetesVersion {
  const text = version.trim().replace(/^v/, '');
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) throw new Error(`unparseable Kubernetes version ${JSON.stringify(version)}`);
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text };
}

/** `version >= min`, comparing major.minor.patch only (as kops' IsKubernetesGTE). */
export function isKubernetesGTE(version: string | KubernetesVersion, min: string): boolean {
  const v = typeof version === 'string' ? parseKubernetesVersion(version) : version;
  const m = parseKubernetesVersion(min);
  if (v.major !== m.major) return v.major > m.major;
  if (v.minor !== m.minor) return v.minor > m.minor;
  return v.patch >= m.patch;
}
