import type { NodeupConfig } from './config.js';

type Data = Record<string, unknown>;

/** The CNI gives pods secondary addresses of the host's interfaces (amazon-vpc, Cilium's ENI IPAM, or a CNI said so). */
export function usesSecondaryIP(config: NodeupConfig): boolean {
  const networking = config.Networking ?? {};
  const cni = networking.cni as Data | undefined;
  const cilium = networking.cilium as Data | undefined;
  return cni?.usesSecondaryIP === true || networking.amazonVPC !== undefined || cilium?.ipam === 'eni';
}

/** Pods and services have IPv6 addresses only. */
export function isIPv6Only(config: NodeupConfig): boolean {
  return String(config.Networking?.nonMasqueradeCIDR ?? '').includes(':');
}
