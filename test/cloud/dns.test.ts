import { describe, expect, test } from 'vitest';
import type { Cluster } from '../../src/apis/types.js';
import { findDnsZone, isClusterRecord, placeholderRecords, precreateDnsRecords, publishesDnsRecords, zoneAboveCluster, type CloudDns, type DnsRecord } from '../../src/cloud/dns.js';

const cluster = (spec: Record<string, unknown>, name = 'c.example.com') => ({ metadata: { name }, spec }) as unknown as Cluster;
const names = (c: Cluster) => placeholderRecords(c).map((r) => `${r.name} ${r.type} ${r.rrdatas.join(',')}`);

describe('the cluster\'s DNS names, whichever cloud', () => {
  test('placeholders: the public API name only without a load balancer, the internal one unless the load balancer serves it, AAAA on IPv6-only clusters', () => {
    expect(names(cluster({ masterPublicName: 'api.c.example.com', api: { dns: {} } }))).toEqual([
      'api.c.example.com. A 203.0.113.123',
      'api.internal.c.example.com. A 203.0.113.123',
      'kops-controller.internal.c.example.com. A 203.0.113.123',
    ]);
    expect(names(cluster({ masterPublicName: 'api.c.example.com', api: { loadBalancer: { type: 'Public' } } }))).toEqual([
      'api.internal.c.example.com. A 203.0.113.123',
      'kops-controller.internal.c.example.com. A 203.0.113.123',
    ]);
    expect(names(cluster({ masterPublicName: 'api.c.example.com', api: { loadBalancer: { useForInternalApi: true } } }))).toEqual(['kops-controller.internal.c.example.com. A 203.0.113.123']);
    expect(names(cluster({ masterPublicName: 'api.c.example.com', nonMasqueradeCIDR: '::/0', api: { dns: {} } }))).toEqual([
      'api.c.example.com. A 203.0.113.123',
      'api.c.example.com. AAAA fd00:dead:add::',
      'api.internal.c.example.com. AAAA fd00:dead:add::',
      'kops-controller.internal.c.example.com. AAAA fd00:dead:add::',
    ]);
    expect(placeholderRecords(cluster({ api: { dns: {} } }))[0].ttl).toBe(10);
  });

  test('gossip and dns None publish no records', () => {
    expect(publishesDnsRecords(cluster({}))).toBe(true);
    expect(publishesDnsRecords(cluster({}, 'c.k8s.local'))).toBe(false);
    expect(publishesDnsRecords(cluster({ topology: { dns: { type: 'None' } } }))).toBe(false);
  });

  test('the zone spec.dnsZone names, by id or domain; none or several is an error naming what to do', () => {
    const zones = [
      { id: '1', dnsName: 'example.com.' },
      { id: '2', dnsName: 'other.org.' },
      { id: '3', dnsName: 'other.org.' },
    ];
    expect(findDnsZone(zones, '1')).toBe(zones[0]);
    expect(findDnsZone(zones, 'example.com')).toBe(zones[0]);
    expect(() => findDnsZone(zones, 'missing.net')).toThrow(/cannot find DNS zone "missing.net": create the zone/);
    expect(() => findDnsZone(zones, 'other.org')).toThrow(/several DNS zones match "other.org" \(2, 3\)/);
  });

  test('the cluster\'s records: its API, internal, bastion, kops-controller and legacy etcd names, in zones of its domain or a parent', () => {
    for (const name of ['api.c.example.com.', 'api.internal.c.example.com', 'bastion.c.example.com.', 'kops-controller.internal.c.example.com.', 'etcd-a.internal.c.example.com.']) {
      expect(isClusterRecord({ name, type: 'A' }, 'c.example.com')).toBe(true);
    }
    expect(isClusterRecord({ name: 'aaaa-api.c.example.com.', type: 'TXT' }, 'c.example.com')).toBe(true);
    expect(isClusterRecord({ name: 'api.c.example.com.', type: 'NS' }, 'c.example.com')).toBe(false);
    expect(isClusterRecord({ name: 'www.c.example.com.', type: 'A' }, 'c.example.com')).toBe(false);
    expect(isClusterRecord({ name: 'api.bc.example.com.', type: 'A' }, 'c.example.com')).toBe(false);
    expect(zoneAboveCluster('example.com.', 'c.example.com')).toBe(true);
    expect(zoneAboveCluster('c.example.com.', 'c.example.com')).toBe(true);
    expect(zoneAboveCluster('le.com.', 'c.example.com')).toBe(false);
    expect(zoneAboveCluster('d.example.com.', 'c.example.com')).toBe(false);
  });

  test('pre-create: only the records the zone lacks, in one change, asking the zone for the cluster\'s names; with external-dns, each name\'s ownership TXT record too', async () => {
    const zone = { id: 'Z1', dnsName: 'example.com.' };
    const fake = (stored: DnsRecord[]) => {
      const seen = { asked: [] as (readonly string[] | undefined)[], changes: [] as DnsRecord[][] };
      const dns: CloudDns = {
        zones: async () => [zone],
        records: async (_zone, names) => (seen.asked.push(names), stored),
        change: async (_zone, change) => void seen.changes.push([...change.add]),
      };
      return { dns, seen };
    };
    const spec = { dnsZone: 'example.com', masterPublicName: 'api.c.example.com', api: { dns: {} } };
    const real = { name: 'api.internal.c.example.com.', type: 'A', ttl: 300, rrdatas: ['10.0.0.1'] };

    const plain = fake([real]);
    expect(await precreateDnsRecords(cluster(spec), plain.dns)).toEqual(['api.c.example.com. A', 'kops-controller.internal.c.example.com. A']);
    expect(plain.seen.asked).toEqual([['api.c.example.com.', 'api.internal.c.example.com.', 'kops-controller.internal.c.example.com.']]);
    expect(plain.seen.changes).toHaveLength(1);

    // kops takes a TXT record under the address's name as its ownership record, whichever the address's type.
    const owned = fake([real, { name: 'kops-controller.internal.c.example.com.', type: 'TXT', rrdatas: ['"x"'] }, { name: 'aaaa-api.internal.c.example.com.', type: 'TXT', rrdatas: ['"y"'] }]);
    const ipv6 = { ...spec, nonMasqueradeCIDR: '::/0', externalDns: { provider: 'external-dns' } };
    expect(await precreateDnsRecords(cluster(ipv6), owned.dns)).toEqual([
      'api.c.example.com. A',
      'api.c.example.com. TXT',
      'api.c.example.com. AAAA',
      'aaaa-api.c.example.com. TXT',
      'api.internal.c.example.com. AAAA',
      'kops-controller.internal.c.example.com. AAAA',
    ]);
    expect(owned.seen.changes[0][1]).toEqual({ name: 'api.c.example.com.', type: 'TXT', ttl: 10, rrdatas: ['"heritage=external-dns,external-dns/owner=kops-c.example.com"'] });

    const complete = fake(placeholderRecords(cluster(spec)));
    expect(await precreateDnsRecords(cluster(spec), complete.dns)).toEqual([]);
    expect(complete.seen.changes).toEqual([]);
  });
});
