import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { CreateHostedZoneCommand } from '@aws-sdk/client-route-53';
import { DescribeTargetGroupsCommand, ModifyTargetGroupCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EbsVolume } from '../../../src/cloud/aws/resources/ebs-volume.js';
import { IamOidcProvider } from '../../../src/cloud/aws/resources/iam.js';
import { EgressOnlyInternetGateway, InternetGateway } from '../../../src/cloud/aws/resources/internet-gateway.js';
import { Listener, LoadBalancer, TargetGroup } from '../../../src/cloud/aws/resources/load-balancer.js';
import { ElasticIp, NatGateway } from '../../../src/cloud/aws/resources/nat-gateway.js';
import { EventRule, EventTarget, SqsQueue } from '../../../src/cloud/aws/resources/node-termination.js';
import { Route, RouteTable } from '../../../src/cloud/aws/resources/route-table.js';
import { Route53ZoneAssociation, Route53Record } from '../../../src/cloud/aws/resources/route53.js';
import { Subnet } from '../../../src/cloud/aws/resources/subnet.js';
import { Vpc, VpcIpv4CidrBlockAssociation } from '../../../src/cloud/aws/resources/vpc.js';
import { ipv6Subnet } from '../../../src/cloud/aws/resources/subnet.js';
import { ownedTags } from '../../../src/cloud/aws/tags.js';
import { deleteTasks } from '../../../src/engine/run.js';
import { formatPlan } from '../../../src/engine/plan.js';
import { ref, type Task } from '../../../src/engine/task.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { motoCloud } from './moto-cloud.js';

const cluster = 'svc.example.com';
const tags = (name: string) => ownedTags(cluster, name);
const queueName = 'svc-example-com-nth';
const queueArn = `arn:aws:sqs:us-east-1:123456789012:${queueName}`;
const queuePolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] }, Action: 'sqs:SendMessage', Resource: queueArn }],
});
let privateZone = '';
const pattern = JSON.stringify({ source: ['aws.autoscaling'], 'detail-type': ['EC2 Instance-terminate Lifecycle Action'] });

function serviceTasks(zoneId: string, retention = 300, privateZoneId = privateZone): Task[] {
  const vpc = Vpc.task(cluster, { cidrBlock: '172.20.0.0/16', assignGeneratedIpv6CidrBlock: true, tags: tags(cluster) });
  const extraCidr = VpcIpv4CidrBlockAssociation.task('10.1.0.0/16', { vpcId: ref(vpc), cidrBlock: '10.1.0.0/16' });
  const igw = InternetGateway.task(cluster, { vpcId: ref(vpc), tags: tags(cluster) });
  const eigw = EgressOnlyInternetGateway.task(cluster, { vpcId: ref(vpc), tags: tags(cluster) });
  const utility = Subnet.task(`utility-us-east-1a.${cluster}`, {
    shortName: 'utility-us-east-1a',
    vpcId: ref(vpc),
    availabilityZone: 'us-east-1a',
    cidrBlock: '172.20.4.0/22',
    ipv6CidrBlock: '/64#1',
    tags: tags(`utility-us-east-1a.${cluster}`),
  });
  const extra = Subnet.task(`extra-us-east-1b.${cluster}`, {
    shortName: 'extra-us-east-1b',
    vpcId: ref(vpc),
    availabilityZone: 'us-east-1b',
    cidrBlock: '10.1.32.0/19',
    tags: tags(`extra-us-east-1b.${cluster}`),
  }, { dependsOn: [extraCidr] });
  const eip = ElasticIp.task(`us-east-1a.${cluster}`, { domain: 'vpc', tags: tags(`us-east-1a.${cluster}`) });
  const nat = NatGateway.task(`us-east-1a.${cluster}`, { allocationId: ref(eip), subnetId: ref(utility), tags: tags(`us-east-1a.${cluster}`) });
  const privateRt = RouteTable.task(`private-us-east-1a.${cluster}`, { vpcId: ref(vpc), tags: tags(`private-us-east-1a.${cluster}`) });
  const lb = LoadBalancer.task(`api.${cluster}`, {
    name: 'api-svc-example-com',
    internal: false,
    loadBalancerType: 'network',
    enableCrossZoneLoadBalancing: false,
    subnetMappings: [{ subnetId: ref(utility) }],
    tags: tags(`api.${cluster}`),
  });
  const tg = TargetGroup.task('tcp-svc-example-com', {
    name: 'tcp-svc-example-com',
    port: 443,
    protocol: 'TCP',
    vpcId: ref(vpc),
    healthCheck: { healthyThreshold: 2, interval: 10, protocol: 'TCP', unhealthyThreshold: 2 },
    tags: tags('tcp-svc-example-com'),
  });
  const rule = EventRule.task(`${cluster}-ASGLifecycle`, { name: `${cluster}-ASGLifecycle`, eventPattern: pattern, tags: tags(`${cluster}-ASGLifecycle`) });
  const queue = SqsQueue.task(queueName, { name: queueName, messageRetentionSeconds: retention, policy: queuePolicy, tags: tags(queueName) });
  return [
    vpc,
    extraCidr,
    igw,
    eigw,
    utility,
    extra,
    eip,
    nat,
    privateRt,
    Route.task('private-us-east-1a-0.0.0.0/0', { routeTableId: ref(privateRt), destinationCidrBlock: '0.0.0.0/0', natGatewayId: ref(nat) }),
    Route.task('private-us-east-1a-::/0', { routeTableId: ref(privateRt), destinationIpv6CidrBlock: '::/0', egressOnlyGatewayId: ref(eigw) }),
    lb,
    tg,
    Listener.task(`api-${cluster}-443`, { loadBalancerArn: ref(lb, 'arn'), port: 443, protocol: 'TCP', defaultAction: { targetGroupArn: ref(tg, 'arn'), type: 'forward' } }),
    Route53Record.task(`api.${cluster}`, {
      name: `api.${cluster}`,
      type: 'A',
      zoneId,
      alias: { evaluateTargetHealth: false, name: ref(lb, 'dns_name'), zoneId: ref(lb, 'zone_id') },
    }),
    EbsVolume.task(`us-east-1a.etcd-main.${cluster}`, {
      availabilityZone: 'us-east-1a',
      size: 20,
      type: 'gp3',
      encrypted: false,
      iops: 3000,
      throughput: 125,
      tags: { ...tags(`us-east-1a.etcd-main.${cluster}`), 'k8s.io/etcd/main': 'us-east-1a/us-east-1a' },
    }),
    queue,
    rule,
    EventTarget.task(`${cluster}-ASGLifecycle-Target`, { arn: ref(queue, 'arn'), rule: ref(rule) }),
    Route53ZoneAssociation.task('internal.example.com', { zoneId: privateZoneId, vpcId: ref(vpc) }),
    IamOidcProvider.task(cluster, {
      url: `https://discovery.example.com/${cluster}`,
      clientIdList: ['amazonaws.com'],
      thumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
      tags: tags(cluster),
    }),
  ];
}

describe('direct target: NAT, IPv6, NLB, DNS, EBS, SQS and EventBridge against moto', () => {
  let moto: MotoServer;
  let zoneId: string;
  beforeAll(async () => {
    moto = await startMoto();
    const { aws } = motoCloud(moto);
    const zone = await aws.route53.send(new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: 'svc-test' }));
    zoneId = zone.HostedZone!.Id!.replace('/hostedzone/', '');
    const defaultVpc = (await aws.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0].VpcId!;
    const internal = await aws.route53.send(
      new CreateHostedZoneCommand({ Name: 'internal.example.com', CallerReference: 'svc-private', HostedZoneConfig: { PrivateZone: true }, VPC: { VPCId: defaultVpc, VPCRegion: 'us-east-1' } }),
    );
    privateZone = internal.HostedZone!.Id!.replace('/hostedzone/', '');
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
  });

  test('creates everything; a second apply makes no mutating call', async () => {
    const cloud = motoCloud(moto);
    const first = await cloud.run(serviceTasks(zoneId));
    expect(first.failed.map((o) => `${o.key}: ${o.error}`)).toEqual([]);
    const subnet = first.outcomes.find((o) => o.key === `aws_subnet/utility-us-east-1a.${cluster}`)!;
    const vpcBlock = first.outcomes.find((o) => o.key === `aws_vpc/${cluster}`)!.actual!.attrs!.ipv6_cidr_block as string;
    expect(subnet.actual!.attrs!.ipv6_cidr_block).toBe(ipv6Subnet(vpcBlock, '/64#1'));
    cloud.reset();
    const second = await cloud.run(serviceTasks(zoneId));
    expect(second.outcomes.filter((o) => o.action !== 'none').map((o) => [o.key, o.changes])).toEqual([]);
    expect(cloud.mutatingCalls()).toEqual([]);
  });

  test('a queue attribute changed by hand is shown and set back', async () => {
    const cloud = motoCloud(moto);
    const url = (await cloud.aws.sqs.send(new GetQueueUrlCommand({ QueueName: queueName }))).QueueUrl!;
    await cloud.aws.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { MessageRetentionPeriod: '600' } }));
    const plan = formatPlan(await cloud.run(serviceTasks(zoneId), { apply: false }));
    expect(plan).toBe(`Will modify resources:\n  SQS/${queueName}\n  \tMessageRetentionSeconds\t 600 -> 300\n\n`);
    cloud.reset();
    await cloud.run(serviceTasks(zoneId));
    expect(cloud.mutatingCalls()).toEqual(['SetQueueAttributes']);
  });

  test("a target group's health check changed by hand is set back in one call", async () => {
    const cloud = motoCloud(moto);
    const described = async () => (await cloud.aws.elbv2.send(new DescribeTargetGroupsCommand({ Names: ['tcp-svc-example-com'] }))).TargetGroups![0];
    await cloud.aws.elbv2.send(new ModifyTargetGroupCommand({ TargetGroupArn: (await described()).TargetGroupArn, HealthCheckIntervalSeconds: 30, HealthyThresholdCount: 5 }));
    cloud.reset();
    await cloud.run(serviceTasks(zoneId));
    expect(cloud.mutatingCalls()).toEqual(['ModifyTargetGroup']);
    expect(await described()).toMatchObject({ HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2, HealthCheckProtocol: 'TCP' });
  });

  test('deletes everything, users first', async () => {
    const cloud = motoCloud(moto);
    const result = await deleteTasks(serviceTasks(zoneId), { provider: cloud.provider, policy: { intervalMs: 200 } });
    expect(result.failed).toEqual([]);
    const after = await cloud.run(serviceTasks(zoneId), { apply: false });
    expect(after.outcomes.filter((o) => o.action !== 'create').map((o) => o.key)).toEqual([]);
  });
});
