import { AllocateAddressCommand, CreateVpcCommand, DescribeAddressesCommand, CreateVpcPeeringConnectionCommand, DeleteSubnetCommand, DescribeRouteTablesCommand, DescribeSubnetsCommand, DescribeVpcAttributeCommand, ModifyVpcAttributeCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ownedTags } from '../../../src/cloud/aws/tags.js';
import { DhcpOptions, DhcpOptionsAssociation } from '../../../src/cloud/aws/resources/dhcp-options.js';
import { InternetGateway } from '../../../src/cloud/aws/resources/internet-gateway.js';
import { ElasticIp } from '../../../src/cloud/aws/resources/nat-gateway.js';
import { Route, RouteTable, RouteTableAssociation } from '../../../src/cloud/aws/resources/route-table.js';
import { SecurityGroup, SecurityGroupRule } from '../../../src/cloud/aws/resources/security-group.js';
import { Subnet } from '../../../src/cloud/aws/resources/subnet.js';
import { Vpc } from '../../../src/cloud/aws/resources/vpc.js';
import { deleteTasks } from '../../../src/engine/run.js';
import { formatPlan } from '../../../src/engine/plan.js';
import { ref, type Task } from '../../../src/engine/task.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { motoCloud } from './moto-cloud.js';

function networkTasksOf(cluster: string): Task[] {
  const vpc = Vpc.task(cluster, { cidrBlock: '172.20.0.0/16', enableDnsHostnames: true, enableDnsSupport: true, tags: ownedTags(cluster, cluster) });
  const dhcp = DhcpOptions.task(cluster, { domainName: 'us-east-1.compute.internal', domainNameServers: ['AmazonProvidedDNS'], tags: ownedTags(cluster, cluster) });
  const igw = InternetGateway.task(cluster, { vpcId: ref(vpc), tags: ownedTags(cluster, cluster) });
  const rt = RouteTable.task(cluster, { vpcId: ref(vpc), tags: { ...ownedTags(cluster, cluster), 'kubernetes.io/kops/role': 'public' } });
  const subnets = ['a', 'b'].map((z, i) =>
    Subnet.task(`us-east-1${z}.${cluster}`, {
      shortName: `us-east-1${z}`,
      vpcId: ref(vpc),
      availabilityZone: `us-east-1${z}`,
      cidrBlock: `172.20.${32 * (i + 1)}.0/19`,
      enableResourceNameDnsARecordOnLaunch: true,
      privateDnsHostnameTypeOnLaunch: 'resource-name',
      tags: { ...ownedTags(cluster, `us-east-1${z}.${cluster}`), SubnetType: 'Public', 'kubernetes.io/role/elb': '1' },
    }),
  );
  const masters = SecurityGroup.task(`masters.${cluster}`, { name: `masters.${cluster}`, description: 'Security group for masters', vpcId: ref(vpc), tags: ownedTags(cluster, `masters.${cluster}`) });
  const nodes = SecurityGroup.task(`nodes.${cluster}`, { name: `nodes.${cluster}`, description: 'Security group for nodes', vpcId: ref(vpc), tags: ownedTags(cluster, `nodes.${cluster}`) });
  return [
    vpc,
    dhcp,
    DhcpOptionsAssociation.task(cluster, { dhcpOptionsId: ref(dhcp), vpcId: ref(vpc) }),
    igw,
    rt,
    Route.task('0.0.0.0/0', { routeTableId: ref(rt), destinationCidrBlock: '0.0.0.0/0', gatewayId: ref(igw) }),
    ...subnets,
    ...subnets.map((s) => RouteTableAssociation.task(s.name, { routeTableId: ref(rt), subnetId: ref(s) })),
    masters,
    nodes,
    SecurityGroupRule.task('ssh-external-to-master', { type: 'ingress', securityGroupId: ref(masters), protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] }),
    SecurityGroupRule.task('ssh-external-to-master-ipv6', { type: 'ingress', securityGroupId: ref(masters), protocol: 'tcp', fromPort: 22, toPort: 22, ipv6CidrBlocks: ['::/0'] }),
    SecurityGroupRule.task('from-nodes-to-masters-all', { type: 'ingress', securityGroupId: ref(masters), protocol: '-1', fromPort: 0, toPort: 0, sourceSecurityGroupId: ref(nodes) }),
    SecurityGroupRule.task('node-egress', { type: 'egress', securityGroupId: ref(nodes), protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }),
    SecurityGroupRule.task('icmp-pmtu', { type: 'ingress', securityGroupId: ref(nodes), protocol: 'icmp', fromPort: 3, toPort: 4, cidrBlocks: ['0.0.0.0/0'] }),
  ];
}

describe('direct target: network against moto', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
  });

  test('creates the network, then a second apply makes no mutating call', async () => {
    const cloud = motoCloud(moto);
    const first = await cloud.run(networkTasksOf('one.example.com'));
    expect(first.failed.map((o) => `${o.key}: ${o.error}`)).toEqual([]);
    // A new security group comes with the allow-all egress rule, which is what node-egress declares.
    expect(first.outcomes.filter((o) => o.action !== 'create').map((o) => o.key)).toEqual(['aws_security_group_rule/node-egress']);

    cloud.reset();
    const second = await cloud.run(networkTasksOf('one.example.com'));
    expect(second.failed).toEqual([]);
    expect(cloud.mutatingCalls()).toEqual([]);
    expect(second.outcomes.filter((o) => o.action !== 'none').map((o) => [o.key, o.changes])).toEqual([]);
    // One listing of the cluster's groups serves every group and the permissions of all their rules; likewise
    // one listing per other network type, whatever the number of its objects.
    const counts = (command: string) => cloud.calls.filter((c) => c.command === command).length;
    expect(counts('DescribeSecurityGroups')).toBe(1);
    expect([counts('DescribeSubnets'), counts('DescribeRouteTables'), counts('DescribeVpcs')]).toEqual([1, 1, 1]);
  });

  test('a subnet deleted by hand is re-created; a VPC attribute changed by hand shows as drift and is fixed', async () => {
    const cluster = 'two.example.com';
    const networkTasks = () => networkTasksOf(cluster);
    const cloud = motoCloud(moto);
    await cloud.run(networkTasks());
    const { Subnets } = await cloud.aws.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:Name', Values: [`us-east-1b.${cluster}`] }] }));
    await cloud.aws.ec2.send(new DeleteSubnetCommand({ SubnetId: Subnets![0].SubnetId }));
    const vpc = (await cloud.run(networkTasks().slice(0, 1))).outcomes[0].actual!.id;
    await cloud.aws.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpc, EnableDnsHostnames: { Value: false } }));

    const plan = formatPlan(await cloud.run(networkTasks(), { apply: false }));
    expect(plan).toMatch(new RegExp(`^Will create resources:\n(.*\n)*  Subnet/us-east-1b.${cluster}\n(.*\n)*Will modify resources`));
    expect(plan).toContain(`Will modify resources:\n  VPC/${cluster}\n  \tEnableDnsHostnames  \t false -> true\n`);

    const fixed = await cloud.run(networkTasks());
    expect(fixed.failed).toEqual([]);
    const attr = await cloud.aws.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpc, Attribute: 'enableDnsHostnames' }));
    expect(attr.EnableDnsHostnames?.Value).toBe(true);
    cloud.reset();
    await cloud.run(networkTasks());
    expect(cloud.mutatingCalls()).toEqual([]);
  });

  test('a route to a VPC peering connection (a subnet\'s additionalRoutes) is created once, then left alone', async () => {
    const cluster = 'peer.example.com';
    const cloud = motoCloud(moto);
    const peer = await cloud.aws.ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }));
    const own = networkTasksOf(cluster);
    const vpc = (await cloud.run(own)).outcomes.find((o) => o.key === `aws_vpc/${cluster}`)!.actual!.id;
    const pcx = await cloud.aws.ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: vpc, PeerVpcId: peer.Vpc!.VpcId! }));
    const pcxId = pcx.VpcPeeringConnection!.VpcPeeringConnectionId!;
    const withRoute = () => {
      const tasks = networkTasksOf(cluster);
      const rt = tasks.find((t) => t.type === RouteTable.type)!;
      return [...tasks, Route.task(`private.10.9.0.0/16`, { routeTableId: ref(rt), destinationCidrBlock: '10.9.0.0/16', vpcPeeringConnectionId: pcxId })];
    };
    const first = await cloud.run(withRoute());
    expect(first.failed).toEqual([]);
    const rtId = first.outcomes.find((o) => o.key === `aws_route_table/${cluster}`)!.actual!.id;
    const { RouteTables } = await cloud.aws.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtId] }));
    expect(RouteTables![0].Routes!.find((r) => r.DestinationCidrBlock === '10.9.0.0/16')?.VpcPeeringConnectionId).toBe(pcxId);
    cloud.reset();
    await cloud.run(withRoute());
    expect(cloud.mutatingCalls()).toEqual([]);
  });

  test('a subnet\'s publicIP names an elastic IP of the account: it is used, never allocated; a missing one is an error naming the field', async () => {
    const cloud = motoCloud(moto);
    const { PublicIp } = await cloud.aws.ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const eip = (publicIp: string) => [ElasticIp.task('us-east-1a.eip.example.com', { domain: 'vpc', publicIp, tags: ownedTags('eip.example.com', 'us-east-1a.eip.example.com') })];
    const before = (await cloud.aws.ec2.send(new DescribeAddressesCommand({}))).Addresses!.length;
    const run = await cloud.run(eip(PublicIp!));
    expect(run.failed).toEqual([]);
    expect(run.outcomes[0].action).not.toBe('create');
    expect((await cloud.aws.ec2.send(new DescribeAddressesCommand({}))).Addresses!.length).toBe(before);
    const missing = await cloud.run(eip('198.51.100.77'), { apply: false });
    expect(missing.failed.map((o) => String(o.error))).toEqual([expect.stringContaining('spec.subnets[].publicIP')]);
  });

  test('deleting the tasks removes every object, users first', async () => {
    const networkTasks = () => networkTasksOf('three.example.com');
    const cloud = motoCloud(moto);
    await cloud.run(networkTasks());
    const result = await deleteTasks(networkTasks(), { provider: cloud.provider, policy: { intervalMs: 100 } });
    expect(result.failed).toEqual([]);
    const after = await cloud.run(networkTasks(), { apply: false });
    expect(after.outcomes.every((o) => o.action === 'create')).toBe(true);
  });
});
