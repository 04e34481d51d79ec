import { AssociateDhcpOptionsCommand, CreateDhcpOptionsCommand, CreateVpcCommand, DescribeDhcpOptionsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DhcpOptions } from '../../../src/cloud/aws/resources/dhcp-options.js';
import { ownedTags } from '../../../src/cloud/aws/tags.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { motoCloud } from '../../targets/direct/moto-cloud.js';

let moto: MotoServer;

beforeAll(async () => {
  moto = await startMoto();
}, 40_000);

afterAll(async () => {
  await moto?.stop();
});

const configurations = (domain: string) => [
  { Key: 'domain-name', Values: [domain] },
  { Key: 'domain-name-servers', Values: ['AmazonProvidedDNS'] },
];

test('a set left untagged by a run killed between its create and its tagging is taken over, not duplicated', async () => {
  const cloud = motoCloud(moto);
  const domain = 'orphan.compute.internal';
  const orphan = (await cloud.aws.ec2.send(new CreateDhcpOptionsCommand({ DhcpConfigurations: configurations(domain) }))).DhcpOptions!.DhcpOptionsId!;
  cloud.reset();
  const cluster = 'orphan.k8s.local';
  const result = await cloud.run([DhcpOptions.task(cluster, { domainName: domain, domainNameServers: ['AmazonProvidedDNS'], tags: ownedTags(cluster, cluster) })]);
  expect(result.failed).toEqual([]);
  expect(cloud.mutatingCalls()).not.toContain('CreateDhcpOptions');
  const sets = (await cloud.aws.ec2.send(new DescribeDhcpOptionsCommand({ Filters: [{ Name: 'value', Values: [domain] }] }))).DhcpOptions ?? [];
  expect(sets.map((s) => s.DhcpOptionsId)).toEqual([orphan]);
  expect(sets[0].Tags).toContainEqual({ Key: 'KubernetesCluster', Value: cluster });
});

test('an untagged set some VPC uses is never taken over', async () => {
  const cloud = motoCloud(moto);
  const domain = 'in-use.compute.internal';
  const used = (await cloud.aws.ec2.send(new CreateDhcpOptionsCommand({ DhcpConfigurations: configurations(domain) }))).DhcpOptions!.DhcpOptionsId!;
  const vpc = (await cloud.aws.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }))).Vpc!.VpcId!;
  await cloud.aws.ec2.send(new AssociateDhcpOptionsCommand({ DhcpOptionsId: used, VpcId: vpc }));
  cloud.reset();
  const cluster = 'in-use.k8s.local';
  const result = await cloud.run([DhcpOptions.task(cluster, { domainName: domain, domainNameServers: ['AmazonProvidedDNS'], tags: ownedTags(cluster, cluster) })]);
  expect(result.failed).toEqual([]);
  expect(cloud.mutatingCalls()).toContain('CreateDhcpOptions');
  const sets = (await cloud.aws.ec2.send(new DescribeDhcpOptionsCommand({ Filters: [{ Name: 'value', Values: [domain] }] }))).DhcpOptions ?? [];
  expect(sets).toHaveLength(2);
  expect(sets.find((s) => s.DhcpOptionsId === used)?.Tags ?? []).toEqual([]);
});
