import { UserError } from '../../errors.js';

/** A Kubernetes version as kops compares it: pre-release and build parts are ignored. */
export interface KubernetesVersion {
  readonly text: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

export function parseKubernetesVersion(text: string): KubernetesVersion {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(text.trim());
  if (!match) {
    throw new UserError(`spec.kubernetesVersion: ${JSON.stringify(text)} is not a Kubernetes version`, 'use a version such as 1.34.0');
  }
  return { text: text.trim().replace(/^v/, ''), major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** True when `v` is at least `minimum` ("1.34" or "1.34.2"). */
export function isAtLeast(v: KubernetesVersion, minimum: string): boolean {
  const [major, minor, patch = 0] = minimum.split('.').map(Number);
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  return v.patch >= patch;
}
