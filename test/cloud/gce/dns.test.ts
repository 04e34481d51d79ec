import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { GceCompute } from '../../../src/cloud/gce/compute.js';
import { checkZoneNameServers, precreateDnsRecords } from '../../../src/cloud/dns.js';
import type { Cluster } from '../../../src/apis/types.js';
import { startComputeFake, type ComputeFake } from '../../helpers/compute-fake.js';
import { writeServiceAccountKey } from '../../helpers/gce-credentials.js';

const P = 'p1';
let fake: ComputeFake;
let api: GceCompute;

beforeAll(async () => {
  fake = await startComputeFake();
  const key = writeServiceAccountKey(P);
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', key);
  api = new GceCompute(P, 'europe-west4', { KOPS_GCE_ENDPOINT: fake.endpoint, GOOGLE_APPLICATION_CREDENTIALS: key });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake?.stop();
});

const status = (p: Promise<unknown>) => p.then(() => 'ok', (err: { code?: number }) => err.code);
const a = (name: string, ip: string, ttl = 300) => ({ name, type: 'A', ttl, rrdatas: [ip] });

describe('the Cloud DNS REST fake, through the GCE Cloud DNS calls at the KOPS_GCE_ENDPOINT root', () => {
  test('zones are listed page by page with their ids; a zone is made with its NS and SOA sets, 409 when its name is taken', async () => {
    for (let i = 0; i < 3; i++) fake.dns.createZone(P, `page-${i}`, `page${i}.example.org.`);
    expect(() => fake.dns.createZone(P, 'page-0', 'other.example.org.')).toThrow(/already exists/);
    const before = fake.requests.length;
    const zones = await api.dns.zones();
    expect(fake.requests.slice(before)).toEqual([`GET /dns/v1/projects/${P}/managedZones`, `GET /dns/v1/projects/${P}/managedZones`]);
    expect(zones.map((z) => z.dnsName)).toEqual(expect.arrayContaining(['page0.example.org.', 'page1.example.org.', 'page2.example.org.']));
    expect(zones.every((z) => /^\d+$/.test(z.id))).toBe(true);
    const zone = zones.find((z) => z.name === 'page-0')!;
    expect((await api.dns.records(zone)).map((r) => r.type).sort()).toEqual(['NS', 'SOA']);
    expect(await status(api.dns.records({ ...zone, name: 'missing' }))).toBe(404);
  });

  test('changes: additions must be new (409) and inside the zone (400); deletions must match the stored set (404 absent, 412 changed); all or nothing', async () => {
    fake.dns.createZone(P, 'changes', 'changes.example.org.');
    const zone = (await api.dns.zones()).find((z) => z.name === 'changes')!;
    await api.dns.change(zone, { add: [a('x.changes.example.org.', '10.0.0.1'), a('y.changes.example.org.', '10.0.0.2')], remove: [] });
    expect(await status(api.dns.change(zone, { add: [a('x.changes.example.org.', '10.0.0.9')], remove: [] }))).toBe(409);
    expect(await status(api.dns.change(zone, { add: [a('x.elsewhere.example.org.', '10.0.0.9')], remove: [] }))).toBe(400);
    expect(await status(api.dns.change(zone, { add: [], remove: [a('z.changes.example.org.', '10.0.0.1')] }))).toBe(404);
    expect(await status(api.dns.change(zone, { add: [], remove: [a('x.changes.example.org.', '10.0.0.7')] }))).toBe(412);
    // A failed change leaves the zone as it was: y is still there although its deletion came first.
    expect(await status(api.dns.change(zone, { add: [a('x.changes.example.org.', '10.0.0.3')], remove: [a('y.changes.example.org.', '10.0.0.2')] }))).toBe(409);
    expect((await api.dns.records(zone)).map((r) => r.name)).toContain('y.changes.example.org.');
    await api.dns.change(zone, { add: [], remove: [a('x.changes.example.org.', '10.0.0.1'), a('y.changes.example.org.', '10.0.0.2')] });
    expect((await api.dns.records(zone)).map((r) => r.type).sort()).toEqual(['NS', 'SOA']);
    expect(fake.dns.handle('DELETE', `/dns/v1/projects/${P}/managedZones/changes`, new URLSearchParams(), '').status).toBe(200);
    expect(fake.dns.handle('GET', `/dns/v1/projects/${P}/managedZones/changes`, new URLSearchParams(), '').status).toBe(404);
  });

  test('placeholders: the names the zone lacks are made with the placeholder address, an existing record left as it is', async () => {
    fake.dns.createZone(P, 'example-net', 'example.net.');
    const zone = (await api.dns.zones()).find((z) => z.name === 'example-net')!;
    await api.dns.change(zone, { add: [a('api.internal.c1.example.net.', '10.1.2.3')], remove: [] });
    const cluster = { metadata: { name: 'c1.example.net' }, spec: { dnsZone: zone.id, masterPublicName: 'api.c1.example.net', api: { dns: {} } } } as unknown as Cluster;
    expect(await precreateDnsRecords(cluster, api.dns)).toEqual(['api.c1.example.net. A', 'kops-controller.internal.c1.example.net. A']);
    const records = await api.dns.records(zone);
    expect(records.filter((r) => r.type === 'A')).toEqual([
      a('api.internal.c1.example.net.', '10.1.2.3'),
      a('api.c1.example.net.', '203.0.113.123', 10),
      a('kops-controller.internal.c1.example.net.', '203.0.113.123', 10),
    ]);
    expect(await precreateDnsRecords(cluster, api.dns)).toEqual([]);
  });
});

test("the NS check before an update: a Cloud DNS zone passes when its domain resolves to name servers, is refused when it resolves to none, and DNS_IGNORE_NS_CHECK only warns", async () => {
  fake.dns.createZone(P, 'ns-check', 'nscheck.example.org.');
  const cluster = { metadata: { name: 'c.nscheck.example.org' }, spec: { dnsZone: 'nscheck.example.org' } } as unknown as Cluster;
  const asked: string[] = [];
  const lookupNs = (hosts: string[]) => async (domain: string) => (asked.push(domain), hosts);
  expect(await checkZoneNameServers(cluster, api.dns, { ignoreMissing: false, lookupNs: lookupNs(['ns-cloud-a1.googledomains.com.']) })).toBeUndefined();
  expect(asked).toEqual(['nscheck.example.org']);
  await expect(checkZoneNameServers(cluster, api.dns, { ignoreMissing: false, lookupNs: lookupNs([]) })).rejects.toThrow(/NS records not found for DNS zone "nscheck.example.org"/);
  expect(await checkZoneNameServers(cluster, api.dns, { ignoreMissing: true, lookupNs: lookupNs([]) })).toMatch(/DNS_IGNORE_NS_CHECK is set/);
});
