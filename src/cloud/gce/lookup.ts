/**
 * GCE look-ups that `create cluster` inference needs. Inference takes this interface so it stays pure: the API
 * implementation answers from Compute Engine (or the REST fake), the conformance fake from the golden fixture world.
 */
import type { HostedZoneInfo } from '../lookup.js';

export interface GceLookup {
  /** The project used when `--project` is not given; '' when none is configured. */
  defaultProject(): Promise<string>;
  /**
   * The IPv4 ranges (primary and secondary) already taken by the subnetworks of `network` in `project`;
   * empty when the network does not exist.
   */
  usedRanges(project: string, network: string): Promise<string[]>;
  /** The Cloud DNS managed zones of the project (where a cluster's DNS records go). */
  dnsZones(project: string): Promise<HostedZoneInfo[]>;
}

/** `us-central1-a` → `us-central1`; undefined when the name has fewer than three dash-separated parts. */
export function gceZoneToRegion(zone: string): string | undefined {
  const parts = zone.split('-');
  if (parts.length <= 2) return undefined;
  return `${parts[0]}-${parts[1]}`;
}

/** Dots are not allowed in GCE names, labels and tags: the cluster name with `-` instead. */
export function safeClusterName(clusterName: string): string {
  return clusterName.replaceAll('.', '-');
}

/** `network-name` or `project/network-name` (the forms `spec.networkID` takes on GCE). */
export function parseNetworkId(networkId: string): { name: string; project?: string } {
  const parts = networkId.split('/');
  if (parts.length > 2) throw new Error(`cannot read network "${networkId}" as project/network or network`);
  return parts.length === 2 ? { project: parts[0], name: parts[1] } : { name: networkId };
}
