/**
 * Route 53 hosted zones and record sets as the cloud-neutral DNS calls (cloud/dns.ts): the zones of the account, the
 * record sets of some names read in one ranged listing, and one change batch of creations and deletions.
 */
import { ChangeResourceRecordSetsCommand, paginateListHostedZones, type Change, type RRType } from '@aws-sdk/client-route-53';
import type { AwsClients } from './clients.js';
import type { CloudDns, DnsRecord, DnsZone } from '../dns.js';
import { collect } from './resources/common.js';
import { listRecords, zoneId } from './resources/route53.js';

/** A name as Route 53 orders its listings: labels reversed (`com.example.api`), lower case, no trailing dot. */
export function route53Order(name: string): string {
  return name.toLowerCase().replace(/\.$/, '').split('.').reverse().join('.');
}

export function route53Dns(aws: AwsClients): CloudDns {
  return {
    async zones(): Promise<DnsZone[]> {
      const zones = await collect(paginateListHostedZones({ client: aws.route53 }, {}), (p) => p.HostedZones);
      return zones.map((z) => ({ id: zoneId(z.Id ?? ''), dnsName: z.Name ?? '' }));
    },

    /** With names, only the stretch of the zone's listing from the first of them to the last. */
    async records(zone: DnsZone, names?: readonly string[]): Promise<DnsRecord[]> {
      const span = names?.length ? names.map(route53Order).sort() : undefined;
      const last = span?.[span.length - 1];
      const sets = await listRecords(aws, zone.id, {
        start: span && names?.find((n) => route53Order(n) === span[0]),
        enough: last === undefined ? undefined : (got) => got.length > 0 && route53Order(got[got.length - 1].Name ?? '') > last,
      });
      return sets.map((s) => ({ name: s.Name ?? '', type: s.Type ?? '', ttl: s.TTL, rrdatas: (s.ResourceRecords ?? []).map((r) => r.Value ?? '') }));
    },

    /** One batch, which Route 53 applies whole or not at all; a creation fails if its name and type exist. */
    async change(zone: DnsZone, change: { add: readonly DnsRecord[]; remove: readonly DnsRecord[] }): Promise<void> {
      const set = (r: DnsRecord) => ({ Name: r.name, Type: r.type as RRType, TTL: r.ttl, ResourceRecords: r.rrdatas.map((Value) => ({ Value })) });
      const Changes: Change[] = [...change.remove.map((r): Change => ({ Action: 'DELETE', ResourceRecordSet: set(r) })), ...change.add.map((r): Change => ({ Action: 'CREATE', ResourceRecordSet: set(r) }))];
      if (!Changes.length) return;
      await aws.route53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zone.id, ChangeBatch: { Changes } }));
    },
  };
}
