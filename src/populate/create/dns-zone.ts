/**
 * A cluster that publishes DNS records needs a Route 53 hosted zone for its name: `--dns-zone` (a zone name or id),
 * or else the longest zone whose name is a suffix of the cluster name, of the privacy `--dns` asks for.
 */
import type { Cluster } from '../../apis/types.js';
import type { AwsLookup, HostedZoneInfo } from '../../cloud/aws/lookup.js';
import { UserError } from '../../errors.js';

export async function findClusterHostedZone(cluster: Cluster, lookup: AwsLookup): Promise<HostedZoneInfo | undefined> {
  const name = cluster.metadata.name!;
  const dns = cluster.spec.topology?.dns?.type;
  if (dns === 'None' || name.endsWith('.k8s.local')) return undefined;
  const wantPrivate = dns === 'Private';
  const zones = (await lookup.hostedZones()).filter((z) => z.private === wantPrivate);
  const given = cluster.spec.dnsZone?.replace(/\.$/, '');
  if (given) {
    const matches = zones.filter((z) => z.id === given.replace(/^\/hostedzone\//, '') || z.name === given);
    if (matches.length === 1) return matches[0];
    throw new UserError(
      matches.length ? `--dns-zone: ${matches.length} ${privacy(wantPrivate)} hosted zones are named ${given}` : `--dns-zone: no ${privacy(wantPrivate)} Route 53 hosted zone ${given}`,
      matches.length ? 'give the zone id instead of its name' : 'create the hosted zone first, or use --dns none',
    );
  }
  for (let suffix = name; suffix.includes('.'); suffix = suffix.slice(suffix.indexOf('.') + 1)) {
    const matches = zones.filter((z) => z.name === suffix);
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) throw new UserError(`${matches.length} ${privacy(wantPrivate)} hosted zones are named ${suffix}`, 'pick one with --dns-zone <zone id>');
  }
  throw new UserError(
    `no ${privacy(wantPrivate)} Route 53 hosted zone matches the cluster name ${name}`,
    `create one (e.g. ${name.slice(name.indexOf('.') + 1)}) first, name it with --dns-zone, or use --dns none`,
  );
}

function privacy(isPrivate: boolean): string {
  return isPrivate ? 'private' : 'public';
}
