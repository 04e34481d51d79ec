import type { AwsLookup, HostedZoneInfo } from '../../cloud/aws/lookup.js';
import type { Cluster } from '../../apis/types.js';
import type { GceLookup } from '../../cloud/gce/lookup.js';
import type { PopulateContext } from './state.js';

/**
 * The hosted zone kops picks for a cluster: among zones of the wanted kind (public or private) whose name is the
 * cluster name or a parent domain of it, the longest one.
 */
export function pickHostedZone(zones: readonly HostedZoneInfo[], clusterName: string, dnsType: 'Public' | 'Private'): string | undefined {
  const matching = zones.filter(
    (z) => z.private === (dnsType === 'Private') && (clusterName === z.name || clusterName.endsWith(`.${z.name}`)),
  );
  matching.sort((a, b) => b.name.length - a.name.length);
  return matching[0]?.id;
}

/**
 * Asks the cloud, up front, everything populate may need for this cluster, and answers populate's look-ups from
 * that: populate itself stays synchronous and pure.
 */
export async function awsPopulateContext(cluster: Cluster, lookup: AwsLookup): Promise<PopulateContext> {
  const spec = cluster.spec;
  const needsZone = !spec.dnsZone && !cluster.metadata.name.endsWith('.k8s.local');
  const zones = needsZone ? await lookup.hostedZones() : [];
  const subnetIds = ((spec.subnets as { id?: string; zone?: string }[] | undefined) ?? []).filter((s) => s.id && !s.zone).map((s) => s.id as string);
  const subnets = await lookup.subnets(subnetIds);
  const discoveryBucket = /^s3:\/\/([^/]+)/.exec(String((spec.serviceAccountIssuerDiscovery as { discoveryStore?: string } | undefined)?.discoveryStore ?? ''))?.[1];
  const bucketRegion = discoveryBucket ? await lookup.bucketRegion(discoveryBucket) : undefined;
  return {
    findDnsZone: (clusterName, dnsType) => pickHostedZone(zones, clusterName, dnsType),
    findSubnetZone: (id) => subnets.find((s) => s.id === id)?.zone,
    findBucketRegion: (bucket) => (bucket === discoveryBucket ? bucketRegion : undefined),
  };
}

/** GCE's answers to populate's look-ups: the DNS zone from the project's Cloud DNS zones. */
export async function gcePopulateContext(cluster: Cluster, lookup: GceLookup): Promise<PopulateContext> {
  const spec = cluster.spec;
  const needsZone = !spec.dnsZone && !cluster.metadata.name.endsWith('.k8s.local');
  const zones = needsZone && spec.project ? await lookup.dnsZones(spec.project) : [];
  return { ...offlinePopulateContext(), findDnsZone: (clusterName, dnsType) => pickHostedZone(zones, clusterName, dnsType) };
}

/** For clouds populate has no look-ups for: nothing is found. */
export function offlinePopulateContext(): PopulateContext {
  return { findDnsZone: () => undefined, findSubnetZone: () => undefined, findBucketRegion: () => undefined };
}
