/**
 * Cloud DNS (v1) managed zones and record sets of the project, as the cloud-neutral DNS calls (cloud/dns.ts), on the
 * REST paths of the API with the Compute Engine client's credentials and endpoint (KOPS_GCE_ENDPOINT, as for the
 * other Google APIs kops calls).
 */
import type { CloudDns, DnsRecord, DnsZone } from '../dns.js';
import type { GceCompute, Json } from './compute.js';

export interface GceDnsZone extends DnsZone {
  /** The managed zone's name, which the API's paths take. */
  name: string;
  private: boolean;
}

export class GceCloudDns implements CloudDns {
  constructor(private readonly api: Pick<GceCompute, 'project' | 'googleApi'>) {}

  async zones(): Promise<GceDnsZone[]> {
    const zones = await this.pages(`projects/${encodeURIComponent(this.api.project)}/managedZones`, 'managedZones');
    return zones.map((z) => ({ id: String(z.id ?? ''), name: String(z.name), dnsName: String(z.dnsName ?? ''), private: z.visibility === 'private' }));
  }

  async records(zone: GceDnsZone): Promise<DnsRecord[]> {
    const sets = await this.pages(`${this.zonePath(zone)}/rrsets`, 'rrsets');
    return sets.map((r) => ({ name: String(r.name), type: String(r.type), ttl: r.ttl === undefined ? undefined : Number(r.ttl), rrdatas: ((r.rrdatas as unknown[] | undefined) ?? []).map(String) }));
  }

  /** One change (deletions and additions together); a deletion must give the set as it is stored. */
  async change(zone: GceDnsZone, change: { add: readonly DnsRecord[]; remove: readonly DnsRecord[] }): Promise<void> {
    const body: Json = { kind: 'dns#change', additions: change.add.map(recordSet), deletions: change.remove.map(recordSet) };
    const made = await this.api.googleApi('dns', 'POST', `${this.zonePath(zone)}/changes`, body);
    // The change is accepted whole (a pending one is served shortly): it must carry every record sent, as kops checks.
    const count = (field: string) => ((made[field] as unknown[] | undefined) ?? []).length;
    if (count('additions') !== change.add.length || count('deletions') !== change.remove.length) {
      throw new Error(`Cloud DNS answered the change of zone ${zone.dnsName} with ${count('additions')} additions and ${count('deletions')} deletions, not ${change.add.length} and ${change.remove.length}`);
    }
  }

  private zonePath(zone: GceDnsZone): string {
    return `projects/${encodeURIComponent(this.api.project)}/managedZones/${encodeURIComponent(zone.name)}`;
  }

  private async pages(path: string, field: string): Promise<Json[]> {
    const out: Json[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.api.googleApi('dns', 'GET', `${path}${pageToken ? `?pageToken=${encodeURIComponent(pageToken)}` : ''}`);
      out.push(...((page[field] as Json[] | undefined) ?? []));
      pageToken = page.nextPageToken as string | undefined;
    } while (pageToken);
    return out;
  }
}

function recordSet(r: DnsRecord): Json {
  return { kind: 'dns#resourceRecordSet', name: r.name, type: r.type, ...(r.ttl === undefined ? {} : { ttl: r.ttl }), rrdatas: r.rrdatas };
}
