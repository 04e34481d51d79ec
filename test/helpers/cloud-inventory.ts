/**
 * Everything a moto_server holds that kops could have made, read straight from the AWS APIs (not through kops),
 * as sorted lines without generated ids: two runs that made the same objects give equal inventories, and a leaked
 * or duplicated object shows as an extra line.
 */
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeAddressesCommand,
  DescribeDhcpOptionsCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  type Tag,
} from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { IAMClient, ListInstanceProfilesCommand, ListRolePoliciesCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { ListHostedZonesCommand, ListResourceRecordSetsCommand, Route53Client } from '@aws-sdk/client-route-53';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const nameOf = (tags: Tag[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value ?? '(no Name tag)';

export async function cloudInventory(endpoint: string): Promise<string[]> {
  const config = { region: 'us-east-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
  const ec2 = new EC2Client(config);
  const lines: string[] = [];
  const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
  const defaultVpcs = new Set(vpcs.filter((v) => v.IsDefault).map((v) => v.VpcId));
  const vpcName = new Map(vpcs.map((v) => [v.VpcId, nameOf(v.Tags)]));
  for (const v of vpcs.filter((v) => !v.IsDefault)) lines.push(`vpc ${nameOf(v.Tags)} ${v.CidrBlock}`);
  for (const s of (await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? []) {
    if (!defaultVpcs.has(s.VpcId)) lines.push(`subnet ${nameOf(s.Tags)} ${s.CidrBlock} in ${vpcName.get(s.VpcId)}`);
  }
  for (const g of (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? []) {
    if (defaultVpcs.has(g.VpcId)) continue;
    lines.push(`security-group ${g.GroupName} in ${vpcName.get(g.VpcId)}: ${g.IpPermissions?.length ?? 0} ingress, ${g.IpPermissionsEgress?.length ?? 0} egress`);
  }
  for (const t of (await ec2.send(new DescribeRouteTablesCommand({}))).RouteTables ?? []) {
    if (!defaultVpcs.has(t.VpcId)) lines.push(`route-table ${nameOf(t.Tags)} in ${vpcName.get(t.VpcId)}: ${t.Routes?.length ?? 0} routes, ${t.Associations?.length ?? 0} associations`);
  }
  for (const g of (await ec2.send(new DescribeInternetGatewaysCommand({}))).InternetGateways ?? []) {
    const attached = g.Attachments?.map((a) => vpcName.get(a.VpcId)).join(',') ?? '';
    if (!g.Attachments?.some((a) => defaultVpcs.has(a.VpcId))) lines.push(`internet-gateway ${nameOf(g.Tags)} attached to ${attached || 'nothing'}`);
  }
  for (const n of (await ec2.send(new DescribeNatGatewaysCommand({}))).NatGateways ?? []) {
    if (n.State !== 'deleted') lines.push(`nat-gateway ${nameOf(n.Tags)}`);
  }
  for (const a of (await ec2.send(new DescribeAddressesCommand({}))).Addresses ?? []) lines.push(`elastic-ip ${nameOf(a.Tags)}`);
  for (const d of (await ec2.send(new DescribeDhcpOptionsCommand({}))).DhcpOptions ?? []) lines.push(`dhcp-options ${nameOf(d.Tags)}`);
  for (const k of (await ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs ?? []) lines.push(`key-pair ${k.KeyName}`);
  for (const t of (await ec2.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates ?? []) lines.push(`launch-template ${t.LaunchTemplateName}`);
  for (const v of (await ec2.send(new DescribeVolumesCommand({}))).Volumes ?? []) {
    if (v.Tags?.length) lines.push(`volume ${nameOf(v.Tags)} ${v.Size}GiB`);
  }
  for (const r of (await ec2.send(new DescribeInstancesCommand({}))).Reservations ?? []) {
    for (const i of r.Instances ?? []) if (i.State?.Name !== 'terminated') lines.push(`instance of ${nameOf(i.Tags)}`);
  }
  const asgs = (await new AutoScalingClient(config).send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? [];
  for (const g of asgs) lines.push(`autoscaling-group ${g.AutoScalingGroupName} ${g.MinSize}-${g.MaxSize}`);
  const iam = new IAMClient(config);
  for (const r of (await iam.send(new ListRolesCommand({}))).Roles ?? []) {
    const policies = (await iam.send(new ListRolePoliciesCommand({ RoleName: r.RoleName }))).PolicyNames ?? [];
    lines.push(`iam-role ${r.RoleName} policies ${policies.join(',')}`);
  }
  for (const p of (await iam.send(new ListInstanceProfilesCommand({}))).InstanceProfiles ?? []) {
    lines.push(`instance-profile ${p.InstanceProfileName} roles ${p.Roles?.map((r) => r.RoleName).join(',')}`);
  }
  const elbv2 = new ElasticLoadBalancingV2Client(config);
  for (const lb of (await elbv2.send(new DescribeLoadBalancersCommand({}))).LoadBalancers ?? []) lines.push(`load-balancer ${lb.LoadBalancerName}`);
  for (const tg of (await elbv2.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? []) lines.push(`target-group ${tg.TargetGroupName}`);
  for (const q of (await new SQSClient(config).send(new ListQueuesCommand({}))).QueueUrls ?? []) lines.push(`queue ${q.split('/').pop()}`);
  for (const r of (await new EventBridgeClient(config).send(new ListRulesCommand({}))).Rules ?? []) lines.push(`event-rule ${r.Name}`);
  const route53 = new Route53Client(config);
  for (const z of (await route53.send(new ListHostedZonesCommand({}))).HostedZones ?? []) {
    const records = (await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: z.Id }))).ResourceRecordSets ?? [];
    for (const r of records) if (r.Type !== 'NS' && r.Type !== 'SOA') lines.push(`dns-record ${r.Type} ${r.Name}`);
  }
  return lines.sort();
}
