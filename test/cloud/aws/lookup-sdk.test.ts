import { CreateSubnetCommand, CreateVpcCommand, EC2Client, AssociateVpcCidrBlockCommand } from '@aws-sdk/client-ec2';
import { CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AwsLookup } from '../../../src/cloud/aws/lookup.js';
import { kopsArchitecture, regionOfZone, splitImageOwner } from '../../../src/cloud/aws/lookup.js';
import { sdkLookup } from '../../../src/cloud/aws/lookup-sdk.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { recordCalls } from '../../helpers/moto-recorder.js';

let moto: MotoServer;
let lookup: AwsLookup;
const savedEnv = { ...process.env };

beforeAll(async () => {
  moto = await startMoto();
  Object.assign(process.env, moto.env);
  lookup = sdkLookup('us-east-1');
}, 60_000);

afterAll(async () => {
  process.env = savedEnv;
  await moto?.stop();
});

describe('AWS look-ups through the SDK (moto_server)', () => {
  test('zones of the region, sorted', async () => {
    const zones = await lookup.zones();
    expect(zones).toContain('us-east-1a');
    expect(zones.every((z) => regionOfZone(z) === 'us-east-1')).toBe(true);
    expect([...zones].sort()).toEqual(zones);
  }, 30_000);

  test('instance types: architectures, vCPUs and memory; unknown types are undefined', async () => {
    const graviton = await lookup.instanceType('m6g.large');
    expect(graviton).toMatchObject({ architectures: ['arm64'], vcpus: 2, memoryMiB: 8192 });
    expect(kopsArchitecture(graviton!.architectures)).toBe('arm64');
    expect(kopsArchitecture((await lookup.instanceType('t2.micro'))!.architectures)).toBe('amd64');
    expect(await lookup.instanceType('t2.invalidType')).toBeUndefined();
  }, 30_000);

  test('default machine types are the first candidates offered in every zone of the group', async () => {
    expect(await lookup.defaultInstanceType('ControlPlane', ['us-east-1a', 'us-east-1b'])).toBe('t3.medium');
    expect(await lookup.defaultInstanceType('Bastion', ['us-east-1a'])).toBe('t3.micro');
    expect(await lookup.instanceTypeOfferedIn('t3.medium', 'us-east-1a')).toBe(true);
  }, 30_000);

  test('VPCs (with extra CIDR blocks) and subnets by id or by VPC; missing ones are undefined/empty', async () => {
    const ec2 = new EC2Client({ region: 'us-east-1' });
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16' }))).Vpc!;
    await ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpc.VpcId, CidrBlock: '10.31.0.0/16' }));
    const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.30.8.0/21', AvailabilityZone: 'us-east-1c' }))).Subnet!;
    expect(await lookup.vpc(vpc.VpcId!)).toEqual({ id: vpc.VpcId, cidr: '10.30.0.0/16', additionalCidrs: ['10.31.0.0/16'] });
    expect(await lookup.vpc('vpc-0000000000000000f')).toBeUndefined();
    const expected = { id: subnet.SubnetId, vpcId: vpc.VpcId, zone: 'us-east-1c', cidr: '10.30.8.0/21' };
    expect(await lookup.subnets([subnet.SubnetId!])).toEqual([expected]);
    expect(await lookup.subnetsOfVpc(vpc.VpcId!)).toEqual([expected]);
    expect(await lookup.subnets(['subnet-0000000000000000f'])).toEqual([]);
  }, 30_000);

  test('hosted zones without the /hostedzone/ prefix or the trailing dot, public and private', async () => {
    const route53 = new Route53Client({ region: 'us-east-1' });
    const ec2 = new EC2Client({ region: 'us-east-1' });
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.40.0.0/16' }))).Vpc!;
    const pub = await route53.send(new CreateHostedZoneCommand({ Name: 'lookup.example.com.', CallerReference: 'a' }));
    await route53.send(new CreateHostedZoneCommand({ Name: 'internal.lookup.example.com', CallerReference: 'b', VPC: { VPCId: vpc.VpcId, VPCRegion: 'us-east-1' }, HostedZoneConfig: { PrivateZone: true } }));
    const zones = await lookup.hostedZones();
    expect(zones).toContainEqual({ id: pub.HostedZone!.Id!.replace('/hostedzone/', ''), name: 'lookup.example.com', private: false });
    expect(zones.find((z) => z.name === 'internal.lookup.example.com')?.private).toBe(true);
  }, 30_000);

  test("a bucket's region is asked of S3 once per look-up, however often it is needed", async () => {
    await new S3Client({ region: 'eu-west-1', forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'lookup-region', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    const calls = await recordCalls(moto.endpoint, async () => {
      expect(await lookup.bucketRegion('lookup-region')).toBe('eu-west-1');
      expect(await lookup.bucketRegion('lookup-region')).toBe('eu-west-1');
    });
    expect(calls.map((c) => c.action)).toEqual(['GET /lookup-region/']);
  }, 30_000);

  test('owner/name image strings split at the first slash, owner aliases resolved', () => {
    expect(splitImageOwner('ubuntu/images/hvm-ssd/x')).toEqual({ owner: '099720109477', name: 'images/hvm-ssd/x' });
    expect(splitImageOwner('123456789012/my-image')).toEqual({ owner: '123456789012', name: 'my-image' });
    expect(splitImageOwner('ami-0123')).toBeUndefined();
  });
});
