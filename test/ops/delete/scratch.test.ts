import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAwsClients, type AwsClients } from '../../../src/cloud/aws/clients.js';
import { discoverCluster } from '../../../src/ops/delete/discover.js';
import { deleteResources } from '../../../src/ops/delete/delete.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { accountContents, createCluster, createHostedZone } from './fixture.js';

let moto: MotoServer;
let aws: AwsClients;
beforeAll(async () => {
  moto = await startMoto();
  aws = createAwsClients({ env: moto.env });
});
afterAll(() => moto?.stop());

test('scratch', async () => {
  const zone = await createHostedZone(aws, 'example.com');
  const before = await accountContents(aws);
  await createCluster(aws, 'a.example.com', { zoneId: zone, withNatGateway: true });
  const { DescribeNetworkInterfacesCommand } = await import('@aws-sdk/client-ec2');
  console.log(JSON.stringify((await aws.ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces!.map((n) => [n.NetworkInterfaceId, n.Description, n.InterfaceType, n.RequesterManaged, n.Attachment?.InstanceId, n.Attachment?.InstanceOwnerId, n.SubnetId])));
  const d = await discoverCluster(aws, { clusterName: 'a.example.com', dns: true });
  console.log(d.resources.map((r) => `${r.type} ${r.action} ${r.name} ${r.id}${r.internal ? ' internal' : ''}`).join('\n'));
  console.log(JSON.stringify(d.blockers, null, 1));
  const report = await deleteResources(aws, d.resources, { concurrency: 8, waitMs: 20000, maxAttempts: 0, intervalMs: 1000, explainAfter: 3 }, (e) => e.kind !== 'done' && console.log(e.kind, e.resource.type, e.resource.id, 'reason' in e ? e.reason : ''));
  console.log(report.failed, report.skipped.length);
  const after = await accountContents(aws);
  console.log(JSON.stringify((await aws.ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces!.map((n) => [n.NetworkInterfaceId, n.Description, n.InterfaceType, n.Attachment?.InstanceId, n.Status])));
  expect(after).toEqual(before);
}, 120000);
