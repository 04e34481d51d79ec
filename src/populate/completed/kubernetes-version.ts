import { UserError } from '../../errors.js';

/** A Kubernetes version as kops compares it: pre-release and build parts are ignored. */
export interface KubernetesVersion {
  /** Without a leading `v`, e.g. `1.35.0-alpha.1`. */
  readonly text: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Set when the spec names a release location (side-loading, e.g. https://dl.k8s.io/release/v1.35.0) rather than a version. */
  readonly releaseUrl?: string;
}

/** `1.34.0`, `v1.34.0`, or a release URL whose last path segment is the version. */
export function parseKubernetesVersion(text: string): KubernetesVersion {
  const trimmed = text.trim();
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  const version = isUrl ? (trimmed.replace(/\/+$/, '').split('/').pop() ?? '') : trimmed;
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!match) {
    throw new UserError(`spec.kubernetesVersion: ${JSON.stringify(text)} is not a Kubernetes version`, 'use a version such as 1.34.0, or a release URL ending in one');
  }
  return {
    text: version.replace(/^v/, ''),
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    ...(isUrl ? { releaseUrl: trimmed } : {}),
  };
}

/** True when `v` is at least `minimum` ("1.34" or "1.34.2"). */
export function isAtLeast(v: KubernetesVersion, minimum: string): boolean {
  const [major, minor, patch = 0] = minimum.split('.').map(Number);
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  return v.patch >= patch;
}
