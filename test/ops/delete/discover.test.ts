import {
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeImagesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAwsClients, type AwsClients } from '../../../src/cloud/aws/clients.js';
import { fromAwsTags } from '../../../src/cloud/aws/tags.js';
import { defaultDeletePolicy, deleteObjects } from '../../../src/ops/delete/delete.js';
import { discover } from './run-deletion.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { accountContents, createCluster, createHostedZone } from './fixture.js';

let moto: MotoServer;
let aws: AwsClients;
let zoneId: string;

beforeAll(async () => {
  moto = await startMoto();
  aws = createAwsClients({ env: moto.env });
  zoneId = await createHostedZone(aws, 'example.com');
}, 60_000);
afterAll(() => moto?.stop());

async function deleteCluster(clusterName: string) {
  const { discovery, found } = await discover(aws, clusterName, true);
  expect(found.blockers).toEqual([]);
  const report = await deleteObjects(discovery, found.objects, { ...defaultDeletePolicy, waitMs: 20_000 });
  expect(report.failed).toEqual([]);
  return found;
}

const tagsOfVpc = async (id: string) => fromAwsTags((await aws.ec2.send(new DescribeVpcsCommand({ VpcIds: [id] }))).Vpcs![0].Tags);
const tagsOfSubnet = async (id: string) => fromAwsTags((await aws.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [id] }))).Subnets![0].Tags);

describe('deleting one cluster of several', () => {
  test('the other cluster, with a name that ends like this one, keeps every resource', async () => {
    await createCluster(aws, 'aa.example.com', { zoneId, cidrBase: '10.1' });
    const withOther = await accountContents(aws);
    await createCluster(aws, 'a.example.com', { zoneId, cidrBase: '10.2', withNatGateway: true });

    const found = await deleteCluster('a.example.com');

    expect(found.objects.filter((r) => r.name.includes('aa.example.com') || r.name.includes('aa-example-com'))).toEqual([]);
    expect(await accountContents(aws)).toEqual(withOther);
  }, 300_000);

  test('in a shared VPC, the VPC and shared subnet stay and only lose the cluster tag; untagged and foreign objects stay', async () => {
    const vpcId = (await aws.ec2.send(new CreateVpcCommand({ CidrBlock: '10.50.0.0/16' }))).Vpc!.VpcId!;
    const igw = (await aws.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
    await aws.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
    const sharedSubnet = (await aws.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.50.0.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
    // The user's own workload in the shared subnet, with a group that lets the cluster's nodes in (added below).
    const userGroup = (await aws.ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'database', Description: 'database' }))).GroupId!;
    const image = (await aws.ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images![0].ImageId!;
    await aws.ec2.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, SubnetId: sharedSubnet, SecurityGroupIds: [userGroup] }));
    await createCluster(aws, 'bb.shared.example.com', { zoneId, sharedVpcId: vpcId, subnetCidr: '10.50.64.0/19' });
    const before = await accountContents(aws);
    const built = await createCluster(aws, 'b.shared.example.com', { zoneId, sharedVpcId: vpcId, sharedSubnetId: sharedSubnet });
    const nodes = built.securityGroupIds[1];
    await aws.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: userGroup, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: nodes }] }] }));

    const found = await deleteCluster('b.shared.example.com');

    const untagged = found.objects.filter((r) => r.action === 'untag').map((r) => `${r.type}:${r.id}`);
    expect(untagged.sort()).toEqual([`subnet:${sharedSubnet}`, `vpc:${vpcId}`]);
    expect(await accountContents(aws)).toEqual(before);
    expect(Object.keys(await tagsOfVpc(vpcId))).not.toContain('kubernetes.io/cluster/b.shared.example.com');
    expect(await tagsOfVpc(vpcId)).toMatchObject({ 'kubernetes.io/cluster/bb.shared.example.com': 'shared' });
    expect(Object.keys(await tagsOfSubnet(sharedSubnet))).not.toContain('kubernetes.io/cluster/b.shared.example.com');
    // The user's group lost only its rule naming the deleted nodes group.
    const group = (await aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [userGroup] }))).SecurityGroups![0];
    expect(group.IpPermissions ?? []).toEqual([]);
  }, 300_000);
});

describe('explaining instead of waiting', () => {
  test('a subnet AWS keeps refusing to delete names the instance launched into it after discovery', async () => {
    const built = await createCluster(aws, 'late.example.com', { cidrBase: '10.4' });
    const { discovery, found } = await discover(aws, 'late.example.com', false);
    const subnet = found.objects.find((r) => r.type === 'subnet' && r.id === built.subnetIds[0])!;
    expect(await discovery.explainRefusal(subnet)).toEqual([]);
    const image = (await aws.ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images![0].ImageId!;
    const stray = (await aws.ec2.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, SubnetId: built.subnetIds[0] }))).Instances![0].InstanceId!;

    const blockers = await discovery.explainRefusal(subnet);

    expect(blockers.map((b) => `${b.blocked} <- ${b.by}`)).toEqual([`subnet ${built.subnetIds[0]} (us-east-1a.late.example.com) <- instance ${stray} (no tags)`]);
    expect(found.objects.map((r) => r.id)).toContain('ebs-csi-controller-sa.kube-system.sa.late.example.com');
  }, 300_000);
});

describe('deleting again', () => {
  test('after a run that stopped half way, a new run finishes the job', async () => {
    const before = await accountContents(aws);
    await createCluster(aws, 'again.example.com', { zoneId, cidrBase: '10.3', withNatGateway: true });
    const first = await discover(aws, 'again.example.com', true);
    // The first run got as far as the compute and balancers.
    const partial = first.found.objects.filter((r) => ['autoscaling-group', 'instance', 'load-balancer', 'iam-instance-profile'].includes(r.type));
    expect((await deleteObjects(first.discovery, partial)).failed).toEqual([]);

    await deleteCluster('again.example.com');
    const replay = await deleteObjects(first.discovery, first.found.objects, { ...defaultDeletePolicy, waitMs: 5_000 });

    expect(await accountContents(aws)).toEqual(before);
    expect(replay.failed).toEqual([]);
    expect((await discover(aws, 'again.example.com', true)).found.objects).toEqual([]);
  }, 300_000);
});
