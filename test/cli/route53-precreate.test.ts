import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChangeResourceRecordSetsCommand, ListResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { createAwsClients, type AwsClients } from '../../src/cloud/aws/clients.js';
import { kops, type RunResult } from '../helpers/cli.js';
import type { MotoServer } from '../helpers/moto.js';
import { startMotoForKops } from '../helpers/kops-on-moto.js';
import { recordCalls } from '../helpers/moto-recorder.js';
import { createHostedZone } from '../ops/delete/fixture.js';

const CLUSTER = 'dns.example.com';

let moto: MotoServer;
let dir: string;
let env: Record<string, string>;
let sshPublicKey: string;
let aws: AwsClients;
let zoneId: string;

const ok = (r: RunResult) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kops-r53-'));
  const world = await startMotoForKops(dir);
  ({ moto, env, sshPublicKey } = world);
  aws = createAwsClients({ env: moto.env });
  zoneId = await createHostedZone(aws, 'example.com');
}, 60_000);

afterAll(async () => {
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function zoneRecords(): Promise<string[]> {
  const sets = (await aws.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }))).ResourceRecordSets ?? [];
  return sets
    .filter((s) => s.Type !== 'NS' && s.Type !== 'SOA')
    .map((s) => `${s.Name} ${s.Type} ${s.AliasTarget ? 'alias' : `${s.TTL} ${(s.ResourceRecords ?? []).map((r) => r.Value).join(',')}`}`)
    .sort();
}

async function putRecord(name: string, type: 'A' | 'TXT', value: string): Promise<void> {
  const set = { Name: name, Type: type, TTL: 300, ResourceRecords: [{ Value: value }] };
  await aws.route53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: [{ Action: 'CREATE', ResourceRecordSet: set }] } }));
}

test('a DNS cluster on Route 53: a preview and the network phase write no record, update --yes pre-creates the placeholders its zone lacks and keeps a real record; a domain the resolver gives no name servers is refused unless DNS_IGNORE_NS_CHECK is set; a no-op update reads one stretch of the zone\'s names and changes nothing; delete --yes removes the cluster\'s records only', async () => {
  await putRecord(`kops-controller.internal.${CLUSTER}.`, 'A', '10.0.0.5');
  await putRecord('www.example.com.', 'A', '192.0.2.1');
  ok(await kops(['create', 'cluster', '--name', CLUSTER, '--zones', 'us-east-1a', '--dns', 'public', '--dns-zone', 'example.com', '--ssh-public-key', sshPublicKey], { env }));

  // The check before an update asks this machine's resolver for example.com's name servers; the test machine has
  // no DNS, so it finds none and refuses, as kops does, unless told to go on.
  const refused = await kops(['update', 'cluster', CLUSTER], { env });
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/NS records not found for DNS zone "example.com"|DNS lookup of the NS records of "example.com"/);
  env = { ...env, DNS_IGNORE_NS_CHECK: '1' };
  ok(await kops(['update', 'cluster', CLUSTER], { env }));
  ok(await kops(['update', 'cluster', CLUSTER, '--yes', '--phase', 'network', '--create-kube-config=false'], { env }));
  expect(await zoneRecords()).toEqual([`kops-controller.internal.${CLUSTER}. A 300 10.0.0.5`, 'www.example.com. A 300 192.0.2.1']);

  const applied = ok(await kops(['update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'], { env }));
  expect(applied.stderr).toContain(`Pre-created DNS records: api.${CLUSTER}. A, api.internal.${CLUSTER}. A\n`);
  expect(await zoneRecords()).toEqual([
    `api.${CLUSTER}. A 10 203.0.113.123`,
    `api.internal.${CLUSTER}. A 10 203.0.113.123`,
    `kops-controller.internal.${CLUSTER}. A 300 10.0.0.5`,
    'www.example.com. A 300 192.0.2.1',
  ]);

  const calls = await recordCalls(moto.endpoint, async () => ok(await kops(['update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'], { env })));
  expect(calls.filter((c) => c.mutating)).toEqual([]);
  // Route 53's REST calls show as method and path: one listing of the stretch of the cluster's names.
  expect(calls.filter((c) => /\/rrset$/.test(c.action)).map((c) => c.action)).toEqual([`GET /2013-04-01/hostedzone/${zoneId}/rrset`]);
  // The zones are listed once to complete the spec and once for the NS check and the placeholders together.
  expect(calls.filter((c) => /\/hostedzone$/.test(c.action))).toHaveLength(2);

  ok(await kops(['delete', 'cluster', CLUSTER, '--yes'], { env }));
  expect(await zoneRecords()).toEqual(['www.example.com. A 300 192.0.2.1']);
}, 300_000);
