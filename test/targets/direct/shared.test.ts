import {
  AllocateAddressCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AwsClients } from '../../../src/cloud/aws/clients.js';
import { deleteTasks } from '../../../src/engine/run.js';
import { formatPlan } from '../../../src/engine/plan.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { updateClusterDir } from '../../helpers/golden-cases.js';
import { goldenClusterTasks, prepareWorld, type MotoWorld } from './golden-cluster.js';
import { motoCloud } from './moto-cloud.js';

/**
 * The objects the fixture cloud has before the cluster exists (HARNESS.md §2.8) that the case uses, made in moto;
 * fixture id -> real id.
 */
async function preExisting(aws: AwsClients, caseName: string): Promise<Record<string, string>> {
  const input = readFileSync(join(updateClusterDir, caseName, 'in-v1alpha2.yaml'), 'utf8');
  const vpc = (await aws.ec2.send(new CreateVpcCommand({ CidrBlock: '172.20.0.0/16' }))).Vpc!.VpcId!;
  const igw = (await aws.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await aws.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
  const eip = (await aws.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!;
  if (!input.includes('subnet-12345678')) return { 'vpc-12345678': vpc, 'igw-1': igw, 'eipalloc-12345678': eip };
  const subnet = async (cidr: string) => (await aws.ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: cidr, AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
  const private1 = await subnet('172.20.32.0/19');
  const utility = await subnet('172.20.4.0/22');
  const natEip = (await aws.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId!;
  const nat = (await aws.ec2.send(new CreateNatGatewayCommand({ SubnetId: utility, AllocationId: natEip }))).NatGateway!.NatGatewayId!;
  return { 'vpc-12345678': vpc, 'igw-1': igw, 'subnet-12345678': private1, 'subnet-abcdef': utility, 'eipalloc-12345678': eip, 'nat-a2345678': nat };
}

// One moto for all cases: each case gets its own pre-existing VPC.
let moto: MotoServer;
let world: MotoWorld;
beforeAll(async () => {
  moto = await startMoto();
  world = await prepareWorld(motoCloud(moto).aws);
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe.each(['shared_vpc', 'private-shared-subnet', 'private-shared-ip'])('direct target: a cluster in pre-existing objects (%s) against moto', (caseName) => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = await preExisting(motoCloud(moto).aws, caseName);
  }, 60_000);

  test('uses the shared objects without changing them, tags them shared, and leaves them on delete', async () => {
    const cloud = motoCloud(moto);
    const tasks = () => goldenClusterTasks(caseName, world, ids);
    const first = await cloud.run(tasks());
    expect(first.failed.map((o) => `${o.key}: ${o.error}`)).toEqual([]);
    const shared = first.outcomes.filter((o) => o.task.shared);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every((o) => o.action !== 'create')).toBe(true);

    // Nothing left to do also means the shared objects carry the tags declared for them (`...=shared`).
    expect(formatPlan(await cloud.run(tasks(), { apply: false }))).toBe('No changes need to be applied\n');

    const result = await deleteTasks(tasks(), { provider: cloud.provider, policy: { intervalMs: 200 } });
    expect(result.failed).toEqual([]);
    expect((await cloud.aws.ec2.send(new DescribeVpcsCommand({ VpcIds: [ids['vpc-12345678']] }))).Vpcs).toHaveLength(1);
    const subnets = await cloud.aws.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [ids['vpc-12345678']] }] }));
    const preExistingSubnets = [ids['subnet-12345678'], ids['subnet-abcdef']].filter(Boolean).sort();
    expect(subnets.Subnets!.map((s) => s.SubnetId).sort()).toEqual(preExistingSubnets);
  }, 240_000);
});
