import type { AddonCluster } from './types.js';

/** Go sprig's `indent`: every line (including an empty last one) gets `width` leading spaces. */
export function indent(width: number, text: string): string {
  const pad = ' '.repeat(width);
  return pad + text.replaceAll('\n', `\n${pad}`);
}

/** kops' IsIPv6Only: the cluster's non-masquerade range is an IPv6 range. */
export function isIPv6Only(cluster: AddonCluster): boolean {
  return String(cluster.spec.nonMasqueradeCIDR ?? '').includes(':');
}

/** kops' ContainerdSELinuxEnabled: pods that touch the host get the spc_t SELinux type. */
export function containerdSELinuxEnabled(cluster: AddonCluster): boolean {
  return cluster.spec.containerd?.selinuxEnabled === true;
}

/** Go's net.JoinHostPort: IPv6 hosts are bracketed. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Go's `{{ value }}` of a string map, ranged in key order as text/template does. */
export function sortedEntries<T>(map: Record<string, T> | undefined): [string, T][] {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
