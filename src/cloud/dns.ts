/**
 * The cluster's DNS names in a cloud's DNS zones, whichever cloud (upup/pkg/fi/cloudup/dns.go and the DNS parts of
 * pkg/resources): which records `update` pre-creates with a placeholder address, in which zone, and which records
 * `delete` removes as the cluster's. The clouds give the zone calls (CloudDns).
 */
import type { Cluster } from '../apis/types.js';
import { UserError } from '../errors.js';

/** A record set: every value of one name and type. Names are fully qualified, with the trailing dot. */
export interface DnsRecord {
  name: string;
  type: string;
  ttl?: number;
  rrdatas: string[];
}

export interface DnsZone {
  /** The cloud's id of the zone (what spec.dnsZone may hold). */
  id: string;
  /** Its domain, with the trailing dot. */
  dnsName: string;
}

/** A cloud's DNS zones and their records. */
export interface CloudDns {
  zones(): Promise<DnsZone[]>;
  /** The zone's records; given names, at least every record of those names (a cloud may read only their stretch). */
  records(zone: DnsZone, names?: readonly string[]): Promise<DnsRecord[]>;
  /** One change of the zone: the additions made and the deletions removed together, or none of them. */
  change(zone: DnsZone, change: { add: readonly DnsRecord[]; remove: readonly DnsRecord[] }): Promise<void>;
}

/** The address kops writes into records before the control plane comes up (IPv4, and IPv6 for AAAA records). */
export const PLACEHOLDER_IP = '203.0.113.123';
export const PLACEHOLDER_IPV6 = 'fd00:dead:add::';
const PLACEHOLDER_TTL = 10;

/** A cluster with DNS records of its own: not gossip (`.k8s.local`) and not `dns: None`. */
export function publishesDnsRecords(cluster: Cluster): boolean {
  return !(cluster.metadata.name ?? '').endsWith('.k8s.local') && cluster.spec.topology?.dns?.type !== 'None';
}

export const withDot = (name: string) => (name.endsWith('.') ? name : `${name}.`);
const withoutDot = (name: string) => name.replace(/\.$/, '');

/**
 * The records kops pre-creates: the public API name when no load balancer fronts it, the internal API name unless
 * the load balancer serves it too, and kops-controller's internal name (AAAA instead of A on an IPv6-only cluster).
 */
export function placeholderRecords(cluster: Cluster): DnsRecord[] {
  const spec = cluster.spec;
  const name = cluster.metadata.name ?? '';
  const internalType = String(spec.nonMasqueradeCIDR ?? '').includes(':') ? 'AAAA' : 'A';
  const record = (hostname: string, type: string): DnsRecord => ({ name: withDot(hostname), type, ttl: PLACEHOLDER_TTL, rrdatas: [type === 'A' ? PLACEHOLDER_IP : PLACEHOLDER_IPV6] });
  const out: DnsRecord[] = [];
  const loadBalancer = spec.api?.loadBalancer;
  if (spec.masterPublicName && !loadBalancer) {
    out.push(record(spec.masterPublicName, 'A'));
    if (internalType !== 'A') out.push(record(spec.masterPublicName, internalType));
  }
  if (!loadBalancer?.useForInternalApi) out.push(record(`api.internal.${name}`, internalType));
  out.push(record(`kops-controller.internal.${name}`, internalType));
  return out;
}

/** The zone spec.dnsZone names, by id or by domain; exactly one must match. */
export function findDnsZone(zones: readonly DnsZone[], dnsZone: string): DnsZone {
  const matches = zones.filter((z) => z.id === dnsZone || withoutDot(z.dnsName) === withoutDot(dnsZone));
  if (matches.length === 0) throw new Error(`cannot find DNS zone "${dnsZone}": create the zone (and its NS delegation) first, or fix spec.dnsZone`);
  if (matches.length > 1) throw new Error(`several DNS zones match "${dnsZone}" (${matches.map((z) => z.id).join(', ')}): set spec.dnsZone to the id of one`);
  return matches[0];
}

/** The TXT value external-dns reads as "this name is kops's", when external-dns is the cluster's DNS controller. */
function externalDnsOwnership(cluster: Cluster): string | undefined {
  if (cluster.spec.externalDns?.provider !== 'external-dns') return undefined;
  return `"heritage=external-dns,external-dns/owner=kops-${cluster.metadata.name ?? ''}"`;
}

/** Where external-dns keeps the ownership TXT record of an address record: AAAA ones under an `aaaa-` prefix. */
const ownershipName = (record: DnsRecord) => (record.type === 'AAAA' ? `aaaa-${record.name}` : record.name);

/**
 * Pre-creates, in one change, the cluster's placeholder records that its zone does not have yet (a record of the name
 * and type, whatever its values, is left as it is), and with external-dns as the DNS controller the ownership TXT
 * record of each name that lacks one. Returns the records created.
 */
export async function precreateDnsRecords(cluster: Cluster, dns: CloudDns): Promise<string[]> {
  const wanted = placeholderRecords(cluster);
  const dnsZone = cluster.spec.dnsZone;
  if (!wanted.length || !dnsZone) return [];
  const ownership = externalDnsOwnership(cluster);
  const zone = findDnsZone(await dns.zones(), dnsZone);
  const names = [...new Set(wanted.flatMap((r) => (ownership ? [r.name, ownershipName(r)] : [r.name])))];
  const key = (r: { name: string; type: string }) => `${r.type} ${withDot(r.name).toLowerCase()}`;
  const existing = new Set((await dns.records(zone, names)).map(key));
  const add: DnsRecord[] = [];
  for (const record of wanted) {
    if (!existing.has(key(record))) add.push(record);
    // kops looks for the TXT record under the address's own name; one under the name it writes (aaaa-) would make
    // the creation, and with it the whole change, fail: either counts as there.
    const txt: DnsRecord = { name: ownershipName(record), type: 'TXT', ttl: PLACEHOLDER_TTL, rrdatas: [ownership ?? ''] };
    const owned = existing.has(key({ name: record.name, type: 'TXT' })) || existing.has(key(txt));
    if (ownership && !owned) add.push(txt);
  }
  if (add.length) await dns.change(zone, { add, remove: [] });
  return add.map((r) => `${r.name} ${r.type}`);
}

/** The same DNS calls with the zones listed at most once: an update reads them for the NS check and the placeholders. */
export function zonesListedOnce(dns: CloudDns): CloudDns {
  let zones: Promise<DnsZone[]> | undefined;
  return {
    zones: () => (zones ??= dns.zones()),
    records: (zone, names) => dns.records(zone, names),
    change: (zone, change) => dns.change(zone, change),
  };
}

/** A public zone kops publishes the cluster's names in: kops checks it has name servers before an update. */
export function checksZoneNameServers(cluster: Cluster): boolean {
  return publishesDnsRecords(cluster) && cluster.spec.topology?.dns?.type !== 'Private' && Boolean(cluster.spec.dnsZone);
}

/** The NS host names the resolver gives for a domain; none when the domain does not exist or has none. */
export type NameServerLookup = (domain: string) => Promise<string[]>;

/**
 * Refuses an update whose public zone's domain resolves to no name servers (it is not delegated, so the cluster's
 * names could not resolve), unless `ignoreMissing` (DNS_IGNORE_NS_CHECK): then returns the warning to print. As kops,
 * asks the resolver, not the zone: a zone always holds its own NS records, delegated or not.
 */
export async function checkZoneNameServers(cluster: Cluster, dns: CloudDns, options: { ignoreMissing: boolean; lookupNs: NameServerLookup }): Promise<string | undefined> {
  if (!checksZoneNameServers(cluster)) return undefined;
  const domain = withoutDot(findDnsZone(await dns.zones(), cluster.spec.dnsZone ?? '').dnsName);
  let hosts: string[];
  try {
    hosts = await options.lookupNs(domain);
  } catch (err) {
    throw new UserError(`DNS lookup of the NS records of "${domain}" (spec.dnsZone "${cluster.spec.dnsZone}") failed: ${(err as Error).message}`, "check this machine's DNS resolver, then update again");
  }
  if (hosts.length > 0) return undefined;
  if (options.ignoreMissing) return `W: ignoring the missing NS records of DNS zone "${domain}" because DNS_IGNORE_NS_CHECK is set`;
  throw new UserError(
    `NS records not found for DNS zone "${domain}" (spec.dnsZone "${cluster.spec.dnsZone}"): the cluster's DNS names would not resolve`,
    'delegate the domain to the zone\'s name servers from the parent zone, or set DNS_IGNORE_NS_CHECK=1 to skip this check',
  );
}

const CLUSTER_RECORD_TYPES = new Set(['A', 'AAAA', 'TXT']);
/** The names kops and its controllers publish under the cluster name. */
const CLUSTER_RECORD_PREFIXES = new Set(['api', 'api.internal', 'bastion', 'kops-controller.internal']);

/** Whether a record is one kops publishes for the cluster (legacy `etcd-*` names included). */
export function isClusterRecord(record: { name?: string; type?: string }, clusterName: string): boolean {
  const suffix = `.${withoutDot(clusterName)}`;
  const name = `.${withoutDot(record.name ?? '')}`;
  if (!CLUSTER_RECORD_TYPES.has(record.type ?? '') || !name.endsWith(suffix)) return false;
  let prefix = name.slice(1, name.length - suffix.length);
  // TXT ownership records of AAAA records carry an "aaaa-" prefix.
  if (record.type === 'TXT') prefix = prefix.replace(/^aaaa-/, '');
  return CLUSTER_RECORD_PREFIXES.has(prefix) || prefix.startsWith('etcd-');
}

/** Whether the cluster's records can be in a zone of this domain: its own domain's or a parent's. */
export function zoneAboveCluster(zoneDnsName: string, clusterName: string): boolean {
  return `.${withoutDot(clusterName)}`.endsWith(`.${withoutDot(zoneDnsName)}`);
}
