/**
 * Builds, with the SDK directly, the cloud objects a kops cluster has on AWS (as `kops update cluster --yes` makes
 * them), and lists what an account holds so that tests can compare it before and after a delete.
 */
import { CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  CreateLoadBalancerCommand as CreateClassicLoadBalancerCommand,
  DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  AllocateAddressCommand,
  AssociateDhcpOptionsCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateDhcpOptionsCommand,
  CreateInternetGatewayCommand,
  CreateKeyPairCommand,
  CreateLaunchTemplateCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  DescribeAddressesCommand,
  DescribeDhcpOptionsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListRulesCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  ListInstanceProfilesCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { ChangeResourceRecordSetsCommand, CreateHostedZoneCommand, ListHostedZonesCommand, ListResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { CreateQueueCommand, GetQueueAttributesCommand, ListQueuesCommand } from '@aws-sdk/client-sqs';
import type { AwsClients } from '../../../src/cloud/aws/clients.js';

export const REGION = 'us-east-1';

export function clusterTags(cluster: string, name: string, ownership: 'owned' | 'shared' = 'owned'): { Key: string; Value: string }[] {
  const tags = [
    { Key: 'Name', Value: name },
    { Key: `kubernetes.io/cluster/${cluster}`, Value: ownership },
  ];
  return ownership === 'owned' ? [{ Key: 'KubernetesCluster', Value: cluster }, ...tags] : tags;
}

const spec = (ResourceType: string, cluster: string, name: string) => [{ ResourceType, Tags: clusterTags(cluster, name) }] as never;

export async function createHostedZone(aws: AwsClients, zone: string): Promise<string> {
  const { HostedZone } = await aws.route53.send(new CreateHostedZoneCommand({ Name: zone, CallerReference: `${zone}-${Date.now()}` }));
  return HostedZone!.Id!.replace('/hostedzone/', '');
}

export interface ClusterOptions {
  /** Put the cluster in this VPC (tagged shared) instead of making its own; its subnets are still its own. */
  sharedVpcId?: string;
  /** Existing subnet to use (tagged shared) instead of making a public one. */
  sharedSubnetId?: string;
  cidrBase?: string;
  /** CIDR of the cluster's public subnet (default: the .32.0/19 of cidrBase). */
  subnetCidr?: string;
  zoneId?: string;
  withNatGateway?: boolean;
}

export interface BuiltCluster {
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
}

/** A kops cluster's objects: network, security groups, IAM, key pair, launch template + ASG, NLB, etcd volumes, DNS, NTH queue, and a service's classic ELB. */
export async function createCluster(aws: AwsClients, cluster: string, options: ClusterOptions = {}): Promise<BuiltCluster> {
  // Independent parts go at once: moto is slow enough for this to matter.
  const iamDone = createIam(aws, cluster);
  const extrasDone = createExtras(aws, cluster, options.zoneId);
  const base = options.cidrBase ?? '172.20';
  const { ec2 } = aws;
  let vpcId = options.sharedVpcId;
  if (vpcId) {
    // kops does not tag a shared VPC; the test adds the shared tag to check it is only removed.
    await ec2.send(new CreateTagsCommand({ Resources: [vpcId], Tags: [{ Key: `kubernetes.io/cluster/${cluster}`, Value: 'shared' }] }));
  } else {
    vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: `${base}.0.0/16`, TagSpecifications: spec('vpc', cluster, cluster) }))).Vpc!.VpcId!;
    const dhcp = await ec2.send(
      new CreateDhcpOptionsCommand({ DhcpConfigurations: [{ Key: 'domain-name', Values: ['ec2.internal'] }], TagSpecifications: spec('dhcp-options', cluster, cluster) }),
    );
    await ec2.send(new CreateTagsCommand({ Resources: [dhcp.DhcpOptions!.DhcpOptionsId!], Tags: clusterTags(cluster, cluster) }));
    await ec2.send(new AssociateDhcpOptionsCommand({ VpcId: vpcId, DhcpOptionsId: dhcp.DhcpOptions!.DhcpOptionsId }));
    const igw = (await ec2.send(new CreateInternetGatewayCommand({ TagSpecifications: spec('internet-gateway', cluster, cluster) }))).InternetGateway!.InternetGatewayId!;
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
  }
  const publicRt = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: spec('route-table', cluster, cluster) }))).RouteTable!.RouteTableId!;
  if (!options.sharedVpcId) {
    const igws = await ec2.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpcId] }] }));
    await ec2.send(new CreateRouteCommand({ RouteTableId: publicRt, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igws.InternetGateways![0].InternetGatewayId }));
  }
  let publicSubnet = options.sharedSubnetId;
  if (publicSubnet) {
    await ec2.send(new CreateTagsCommand({ Resources: [publicSubnet], Tags: [{ Key: `kubernetes.io/cluster/${cluster}`, Value: 'shared' }] }));
  } else {
    publicSubnet = (
      await ec2.send(
        new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: options.subnetCidr ?? `${base}.32.0/19`, AvailabilityZone: `${REGION}a`, TagSpecifications: spec('subnet', cluster, `${REGION}a.${cluster}`) }),
      )
    ).Subnet!.SubnetId!;
  }
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicRt, SubnetId: publicSubnet }));
  const subnetIds = [publicSubnet];
  if (options.withNatGateway) {
    const privateSubnet = (
      await ec2.send(
        new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `${base}.64.0/19`, AvailabilityZone: `${REGION}a`, TagSpecifications: spec('subnet', cluster, `private-${REGION}a.${cluster}`) }),
      )
    ).Subnet!.SubnetId!;
    subnetIds.push(privateSubnet);
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: spec('elastic-ip', cluster, `${REGION}a.${cluster}`) }));
    const nat = await ec2.send(
      new CreateNatGatewayCommand({ SubnetId: publicSubnet, AllocationId: eip.AllocationId, TagSpecifications: spec('natgateway', cluster, `${REGION}a.${cluster}`) }),
    );
    const privateRt = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: spec('route-table', cluster, `private-${REGION}a.${cluster}`) })))
      .RouteTable!.RouteTableId!;
    await ec2.send(new CreateRouteCommand({ RouteTableId: privateRt, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat.NatGateway!.NatGatewayId }));
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: privateRt, SubnetId: privateSubnet }));
  }

  const group = async (name: string) =>
    (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: name, Description: `Security group for ${name}`, TagSpecifications: spec('security-group', cluster, name) })))
      .GroupId!;
  const [masters, nodes, apiElb] = [await group(`masters.${cluster}`), await group(`nodes.${cluster}`), await group(`api-elb.${cluster}`)];
  const allowFrom = (to: string, from: string) =>
    ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: to, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: from }] }] }));
  await allowFrom(masters, nodes);
  await allowFrom(nodes, masters);
  await allowFrom(masters, masters);
  await allowFrom(masters, apiElb);
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({ GroupId: apiElb, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
  );

  await iamDone;
  const keyName = `kubernetes.${cluster}-ab:cd:ef`;
  await ec2.send(new CreateKeyPairCommand({ KeyName: keyName, TagSpecifications: spec('key-pair', cluster, keyName) }));

  const image = (await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images![0].ImageId!;
  const ltName = `nodes-${REGION}a.${cluster}`;
  await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: ltName,
      LaunchTemplateData: { ImageId: image, InstanceType: 't3.medium', KeyName: keyName, SecurityGroupIds: [nodes], IamInstanceProfile: { Name: `nodes.${cluster}` } },
      TagSpecifications: spec('launch-template', cluster, ltName),
    }),
  );
  const asgTags = [
    { Key: 'KubernetesCluster', Value: cluster },
    { Key: `kubernetes.io/cluster/${cluster}`, Value: 'owned' },
    { Key: 'Name', Value: ltName },
  ].map((t) => ({ ...t, PropagateAtLaunch: true }));
  await aws.autoScaling.send(
    new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: ltName,
      LaunchTemplate: { LaunchTemplateName: ltName, Version: '$Latest' },
      MinSize: 1,
      MaxSize: 1,
      DesiredCapacity: 1,
      VPCZoneIdentifier: publicSubnet,
      Tags: asgTags,
    }),
  );
  // A control-plane instance outside an autoscaling group, as a hand-made kops cluster could have it.
  await ec2.send(
    new RunInstancesCommand({
      ImageId: image,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: publicSubnet,
      SecurityGroupIds: [masters],
      TagSpecifications: spec('instance', cluster, `control-plane-${REGION}a.masters.${cluster}`),
    }),
  );

  // A Service of type LoadBalancer: the cloud controller makes a classic ELB and its group, tagged owned.
  const serviceElb = `a${cluster.replace(/\./g, '')}`.slice(0, 32);
  const serviceGroup = (
    await ec2.send(
      new CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: `k8s-elb-${serviceElb}`,
        Description: 'Security group for Kubernetes ELB',
        TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: `kubernetes.io/cluster/${cluster}`, Value: 'owned' }] }],
      }),
    )
  ).GroupId!;
  await aws.elb.send(
    new CreateClassicLoadBalancerCommand({
      LoadBalancerName: serviceElb,
      Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 80, InstancePort: 30080 }],
      Subnets: [publicSubnet],
      SecurityGroups: [serviceGroup],
      Tags: [{ Key: `kubernetes.io/cluster/${cluster}`, Value: 'owned' }, { Key: 'kubernetes.io/service-name', Value: 'default/web' }],
    }),
  );

  const lbName = `api-${cluster.replace(/\./g, '-')}`.slice(0, 32);
  const lb = await aws.elbv2.send(new CreateLoadBalancerCommand({ Name: lbName, Type: 'network', Subnets: [publicSubnet], Tags: clusterTags(cluster, lbName) }));
  const tgName = `tcp-${cluster.replace(/\./g, '-')}`.slice(0, 32);
  const tg = await aws.elbv2.send(new CreateTargetGroupCommand({ Name: tgName, Protocol: 'TCP', Port: 443, VpcId: vpcId, Tags: clusterTags(cluster, tgName) }));
  await aws.elbv2.send(
    new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancers![0].LoadBalancerArn,
      Protocol: 'TCP',
      Port: 443,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroups![0].TargetGroupArn }],
    }),
  );

  await extrasDone;
  return { vpcId, subnetIds, securityGroupIds: [masters, nodes, apiElb] };
}

/** Roles and instance profiles for masters and nodes (inline policy each), and the IRSA OIDC provider. */
async function createIam(aws: AwsClients, cluster: string): Promise<void> {
  const iamTags = [
    { Key: 'KubernetesCluster', Value: cluster },
    { Key: `kubernetes.io/cluster/${cluster}`, Value: 'owned' },
  ];
  const assume = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  for (const role of [`masters.${cluster}`, `nodes.${cluster}`]) {
    await aws.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: assume, Tags: iamTags }));
    await aws.iam.send(
      new PutRolePolicyCommand({
        RoleName: role,
        PolicyName: role,
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] }),
      }),
    );
    await aws.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: role, Tags: iamTags }));
    await aws.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: role, RoleName: role }));
  }
  // A service-account role (IRSA): named <sa>.<namespace>.sa.<cluster>, tagged for the cluster.
  await aws.iam.send(new CreateRoleCommand({ RoleName: `ebs-csi-controller-sa.kube-system.sa.${cluster}`, AssumeRolePolicyDocument: assume, Tags: iamTags }));
  await aws.iam.send(
    new CreateOpenIDConnectProviderCommand({
      Url: `https://discovery.example.com/${cluster}`,
      ClientIDList: ['amazonaws.com'],
      ThumbprintList: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
      Tags: iamTags,
    }),
  );

}

/** etcd volumes, a volume Kubernetes made for a claim, DNS records, and the node-termination-handler queue with its rules. */
async function createExtras(aws: AwsClients, cluster: string, zoneId: string | undefined): Promise<void> {
  const { ec2 } = aws;
  for (const etcd of ['main', 'events']) {
    await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 20, VolumeType: 'gp3', TagSpecifications: spec('volume', cluster, `a.etcd-${etcd}.${cluster}`) }),
    );
  }
  // A volume a PersistentVolumeClaim made through the cloud controller: only the ownership tag.
  await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${REGION}a`,
      Size: 5,
      TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: `kubernetes.io/cluster/${cluster}`, Value: 'owned' }] }],
    }),
  );

  if (zoneId) {
    await aws.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: ['api', 'api.internal', 'kops-controller.internal'].map((prefix) => ({
            Action: 'CREATE' as const,
            ResourceRecordSet: { Name: `${prefix}.${cluster}`, Type: 'A' as const, TTL: 60, ResourceRecords: [{ Value: '203.0.113.10' }] },
          })),
        },
      }),
    );
  }

  const queueName = `${cluster.replace(/\./g, '-')}-nth`;
  const queue = await aws.sqs.send(new CreateQueueCommand({ QueueName: queueName, tags: { KubernetesCluster: cluster, [`kubernetes.io/cluster/${cluster}`]: 'owned' } }));
  const { Attributes } = await aws.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ['QueueArn'] }));
  for (const suffix of ['ASGLifecycle', 'SpotInterruption']) {
    const rule = `${cluster}-${suffix}`;
    await aws.eventBridge.send(new PutRuleCommand({ Name: rule, EventPattern: '{"source":["aws.ec2"]}', Tags: clusterTags(cluster, rule) }));
    await aws.eventBridge.send(new PutTargetsCommand({ Rule: rule, Targets: [{ Id: '1', Arn: Attributes!.QueueArn }] }));
  }
}

/** Ids of everything in the account, by kind: terminated instances and deleted NAT gateways are not counted. */
export async function accountContents(aws: AwsClients): Promise<Record<string, string[]>> {
  const { ec2 } = aws;
  const sorted = (ids: (string | undefined)[]) => ids.filter((i): i is string => !!i).sort();
  const zones = (await aws.route53.send(new ListHostedZonesCommand({}))).HostedZones ?? [];
  const records: string[] = [];
  for (const z of zones) {
    const r = await aws.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: z.Id }));
    records.push(...(r.ResourceRecordSets ?? []).map((s) => `${z.Name}/${s.Type}/${s.Name}`));
  }
  const instances = (await ec2.send(new DescribeInstancesCommand({}))).Reservations!.flatMap((r) => r.Instances ?? []);
  const terminated = new Set(instances.filter((i) => i.State?.Name === 'terminated').map((i) => i.InstanceId));
  return {
    vpcs: sorted((await ec2.send(new DescribeVpcsCommand({}))).Vpcs!.map((v) => v.VpcId)),
    subnets: sorted((await ec2.send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.SubnetId)),
    routeTables: sorted((await ec2.send(new DescribeRouteTablesCommand({}))).RouteTables!.map((r) => r.RouteTableId)),
    internetGateways: sorted((await ec2.send(new DescribeInternetGatewaysCommand({}))).InternetGateways!.map((g) => g.InternetGatewayId)),
    securityGroups: sorted((await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups!.map((g) => g.GroupId)),
    natGateways: sorted((await ec2.send(new DescribeNatGatewaysCommand({}))).NatGateways!.filter((n) => n.State !== 'deleted').map((n) => n.NatGatewayId)),
    addresses: sorted((await ec2.send(new DescribeAddressesCommand({}))).Addresses!.map((a) => a.AllocationId)),
    dhcpOptions: sorted((await ec2.send(new DescribeDhcpOptionsCommand({}))).DhcpOptions!.map((d) => d.DhcpOptionsId)),
    instances: sorted(instances.filter((i) => i.State?.Name !== 'terminated').map((i) => i.InstanceId)),
    volumes: sorted((await ec2.send(new DescribeVolumesCommand({}))).Volumes!.map((v) => v.VolumeId)),
    // moto keeps the interfaces of terminated instances (AWS deletes them): they are part of those instances.
    networkInterfaces: sorted(
      (await ec2.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces!.filter((n) => !terminated.has(n.Attachment?.InstanceId ?? '')).map((n) => n.NetworkInterfaceId),
    ),
    keyPairs: sorted((await ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs!.map((k) => k.KeyName)),
    launchTemplates: sorted((await ec2.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates!.map((t) => t.LaunchTemplateName)),
    autoScalingGroups: sorted((await aws.autoScaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups!.map((g) => g.AutoScalingGroupName)),
    loadBalancers: sorted((await aws.elbv2.send(new DescribeLoadBalancersCommand({}))).LoadBalancers!.map((l) => l.LoadBalancerName)),
    classicLoadBalancers: sorted((await aws.elb.send(new DescribeClassicLoadBalancersCommand({}))).LoadBalancerDescriptions!.map((l) => l.LoadBalancerName)),
    targetGroups: sorted((await aws.elbv2.send(new DescribeTargetGroupsCommand({}))).TargetGroups!.map((t) => t.TargetGroupName)),
    roles: sorted((await aws.iam.send(new ListRolesCommand({}))).Roles!.map((r) => r.RoleName)),
    instanceProfiles: sorted((await aws.iam.send(new ListInstanceProfilesCommand({}))).InstanceProfiles!.map((p) => p.InstanceProfileName)),
    oidcProviders: sorted((await aws.iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList!.map((p) => p.Arn)),
    records: records.sort(),
    queues: sorted((await aws.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []),
    rules: sorted((await aws.eventBridge.send(new ListRulesCommand({}))).Rules!.map((r) => r.Name)),
  };
}
