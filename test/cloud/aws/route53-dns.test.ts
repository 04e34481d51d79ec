import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ChangeResourceRecordSetsCommand, type Change } from '@aws-sdk/client-route-53';
import { createAwsClients, type AwsClients } from '../../../src/cloud/aws/clients.js';
import { route53Dns, route53Order } from '../../../src/cloud/aws/route53-dns.js';
import { checkZoneNameServers, type DnsZone } from '../../../src/cloud/dns.js';
import type { Cluster } from '../../../src/apis/types.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { recordCalls } from '../../helpers/moto-recorder.js';
import { createHostedZone } from '../../ops/delete/fixture.js';

let moto: MotoServer;
let aws: AwsClients;
let zone: DnsZone;

const a = (name: string, value = '192.0.2.1'): Change => ({ Action: 'CREATE', ResourceRecordSet: { Name: name, Type: 'A', TTL: 60, ResourceRecords: [{ Value: value }] } });

beforeAll(async () => {
  moto = await startMoto();
  aws = createAwsClients({ env: moto.env });
  const id = await createHostedZone(aws, 'example.com');
  zone = { id, dnsName: 'example.com.' };
  // Many names on either side of the cluster's, so that a listing of the whole zone takes several pages.
  const around = Array.from({ length: 150 }, (_, i) => [a(`h${i}.b.example.com.`), a(`h${i}.d.example.com.`)]).flat();
  await aws.route53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: id, ChangeBatch: { Changes: [...around, a('api.internal.c.example.com.', '10.0.0.1')] } }));
}, 60_000);
afterAll(() => moto?.stop());

test('Route 53 orders names by their reversed labels', () => {
  expect(route53Order('API.internal.c.example.com.')).toBe('com.example.c.internal.api');
  expect(['kops-controller.internal.c.example.com', 'api.c.example.com', 'api.internal.c.example.com'].map(route53Order).sort()).toEqual([
    'com.example.c.api',
    'com.example.c.internal.api',
    'com.example.c.internal.kops-controller',
  ]);
});

test('the zones of the account, by id without the /hostedzone/ prefix and domain', async () => {
  expect(await route53Dns(aws).zones()).toEqual([zone]);
});

test('records of some names: one page from the first name, where the whole zone takes several', async () => {
  const dns = route53Dns(aws);
  let named: Awaited<ReturnType<typeof dns.records>> = [];
  const ranged = await recordCalls(moto.endpoint, async () => {
    named = await dns.records(zone, ['kops-controller.internal.c.example.com.', 'api.internal.c.example.com.', 'api.c.example.com.']);
  });
  expect(ranged).toHaveLength(1);
  expect(named.find((r) => r.name === 'api.internal.c.example.com.')).toEqual({ name: 'api.internal.c.example.com.', type: 'A', ttl: 60, rrdatas: ['10.0.0.1'] });
  expect(named.some((r) => r.name.endsWith('.b.example.com.'))).toBe(false);

  let all: typeof named = [];
  const whole = await recordCalls(moto.endpoint, async () => {
    all = await dns.records(zone);
  });
  expect(whole.length).toBeGreaterThan(1);
  expect(all.filter((r) => r.type === 'A')).toHaveLength(301);
});

test('a change creates and deletes in one batch, and a creation of an existing name and type fails the whole batch', async () => {
  const dns = route53Dns(aws);
  const placeholder = { name: 'kops-controller.internal.c.example.com.', type: 'A', ttl: 10, rrdatas: ['203.0.113.123'] };
  await dns.change(zone, { add: [placeholder], remove: [] });
  const existing = { name: 'api.internal.c.example.com.', type: 'A', ttl: 60, rrdatas: ['10.0.0.1'] };
  const other = { name: 'api.c.example.com.', type: 'A', ttl: 10, rrdatas: ['203.0.113.123'] };
  await expect(dns.change(zone, { add: [other, existing], remove: [] })).rejects.toThrow();
  const names = async () => (await dns.records(zone, ['api.c.example.com.', 'kops-controller.internal.c.example.com.'])).filter((r) => r.name.endsWith('.c.example.com.'));
  expect((await names()).map((r) => r.name)).toEqual(['api.internal.c.example.com.', 'kops-controller.internal.c.example.com.']);
  await dns.change(zone, { add: [], remove: [placeholder] });
  expect((await names()).map((r) => r.name)).toEqual(['api.internal.c.example.com.']);
});

describe('the NS check before an update of a cluster with public DNS', () => {
  const cluster = (name: string, dnsZone: string, dns?: string) => ({ metadata: { name }, spec: { dnsZone, ...(dns ? { topology: { dns: { type: dns } } } : {}) } }) as unknown as Cluster;

  const answers = (hosts: string[]) => async (domain: string) => (domain === 'example.com' ? hosts : []);

  test("passes when the zone's domain resolves to name servers", async () => {
    expect(await checkZoneNameServers(cluster('c.example.com', 'example.com'), route53Dns(aws), { ignoreMissing: false, lookupNs: answers(['ns-1.awsdns-01.org']) })).toBeUndefined();
  });

  test('refuses a domain that resolves to no name servers (not delegated; the zone still holds its own NS set), naming the zone and DNS_IGNORE_NS_CHECK; with it set, only warns', async () => {
    const check = (ignoreMissing: boolean) => checkZoneNameServers(cluster('c.example.com', zone.id), route53Dns(aws), { ignoreMissing, lookupNs: answers([]) });
    await expect(check(false)).rejects.toThrow(/NS records not found for DNS zone "example.com"/);
    await expect(check(false)).rejects.toMatchObject({ hint: expect.stringContaining('DNS_IGNORE_NS_CHECK') });
    expect(await check(true)).toMatch(/DNS_IGNORE_NS_CHECK is set/);
  });

  test('a failed look-up stops the update naming the domain, whatever DNS_IGNORE_NS_CHECK says', async () => {
    const lookupNs = () => Promise.reject(new Error('queryNs ETIMEOUT example.com'));
    await expect(checkZoneNameServers(cluster('c.example.com', 'example.com'), route53Dns(aws), { ignoreMissing: true, lookupNs })).rejects.toThrow(/DNS lookup of the NS records of "example.com" .*failed: queryNs ETIMEOUT/);
  });

  test('is not made for private DNS, dns None or gossip: no call at all', async () => {
    const calls = await recordCalls(moto.endpoint, async () => {
      for (const c of [cluster('c.example.com', 'example.com', 'Private'), cluster('c.example.com', 'example.com', 'None'), cluster('c.k8s.local', '')]) {
        expect(await checkZoneNameServers(c, route53Dns(aws), { ignoreMissing: false, lookupNs: () => Promise.reject(new Error('not asked')) })).toBeUndefined();
      }
    });
    expect(calls).toEqual([]);
  });
});
