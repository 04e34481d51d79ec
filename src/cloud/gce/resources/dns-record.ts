/**
 * The cluster's records in the project's Cloud DNS zones (its domain's and its parents'), removed by `delete
 * cluster` one change each; the zones themselves are the user's and stay. Not looked for on gossip or `dns: None`.
 */
import { isClusterRecord, zoneAboveCluster, type DnsRecord } from '../../dns.js';
import type { GceDnsZone } from '../dns.js';
import { discoverOnly } from './discovery.js';

interface ZoneRecord {
  zone: GceDnsZone;
  record: DnsRecord;
}

export const GceDnsRecordDiscovery = discoverOnly<ZoneRecord>({
  kind: 'dns-record',
  by: 'naming',
  after: [],
  async list(api, ctx) {
    if (!ctx.dns) return [];
    const zones = (await api.dns.zones()).filter((z) => zoneAboveCluster(z.dnsName, ctx.rules.clusterName));
    const perZone = await Promise.all(zones.map(async (zone) => (await api.dns.records(zone)).filter((r) => isClusterRecord(r, ctx.rules.clusterName)).map((record) => ({ zone, record }))));
    return perZone.flat();
  },
  claim: (records) =>
    records.map(({ zone, record }) => {
      const id = `${zone.name}/${record.type}/${record.name}`;
      return { id, name: record.name, action: 'delete' as const, actual: { id, attrs: { zone, record }, fields: {} } };
    }),
  async delete(api, actual) {
    const { zone, record } = actual.attrs as unknown as ZoneRecord;
    await api.dns.change(zone, { add: [], remove: [record] });
  },
});
