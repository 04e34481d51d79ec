/**
 * The terraform target end to end: `kops update cluster --target terraform` output is valid Terraform, applies to
 * moto, plans no change right after (but for what moto does not store), and destroys to nothing. Needs `terraform`,
 * the provider mirror and moto_server; each apply takes minutes, so only two clusters: public and private topology.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  type Filter,
} from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand, DescribeTagsCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { IAMClient, ListInstanceProfilesCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { kops, type RunResult } from '../../helpers/cli.js';
import {
  plannedChanges,
  stripMotoUnsupported,
  terraformAvailable,
  terraformOk,
  TF_PLUGIN_DIR,
  writeMotoProviderOverride,
} from '../../helpers/terraform.js';
import { startMotoForKops, type KopsOnMoto } from '../../helpers/kops-on-moto.js';

const STEP_TIMEOUT = 20 * 60_000;

/**
 * What moto fakes or does not store (../shared/MOTO-NOTES.md), which Terraform therefore sees as a difference right
 * after apply. Nothing else may differ.
 */
const MOTO_UNOBSERVABLE: Record<string, string[]> = {
  // moto answers fixed fake ARNs for the hook's notification target and role.
  aws_autoscaling_lifecycle_hook: ['notification_target_arn', 'role_arn'],
  // moto echoes a `launch-template` tag specification; dropping it would make a new version...
  aws_launch_template: ['latest_version', 'tag_specifications'],
  // ...which the group's launch_template.version follows.
  aws_autoscaling_group: ['launch_template'],
  // moto does not return the tags given to DHCP options at create.
  aws_vpc_dhcp_options: ['tags', 'tags_all'],
};

const ready = terraformAvailable() && existsSync(TF_PLUGIN_DIR);

let dir: string;
let world: KopsOnMoto;
let dhcpOptionsBefore: Set<string>;
const sdkConfig = () => ({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const ok = (r: RunResult) => {
  if (r.code !== 0) throw new Error(`kops exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
};

beforeAll(async () => {
  if (!ready) return;
  dir = mkdtempSync(join(tmpdir(), 'kops-tf-apply-'));
  world = await startMotoForKops(dir);
  dhcpOptionsBefore = new Set(await dhcpOptionIds(new EC2Client(sdkConfig())));
});

afterAll(async () => {
  await world?.moto.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const clusters = [
  { title: 'a minimal public cluster', name: 'tfpublic.k8s.local', flags: [] as string[] },
  { title: 'a private-topology cluster with calico', name: 'tfprivate.k8s.local', flags: ['--topology', 'private', '--networking', 'calico'] },
];

describe.skipIf(!ready)('terraform written by kops update cluster --target terraform, against moto', () => {
  for (const cluster of clusters) {
    describe(cluster.title, () => {
      let out: string;
      let declared: Map<string, number>;

      test('is valid Terraform as written', async () => {
        const kopsEnv = { env: world.env };
        ok(await kops(['create', 'cluster', '--name', cluster.name, '--zones', 'us-east-1a', '--ssh-public-key', world.sshPublicKey, ...cluster.flags], kopsEnv));
        out = join(dir, cluster.name);
        ok(await kops(['update', 'cluster', cluster.name, '--target', 'terraform', '--out', out], kopsEnv));
        declared = declaredResourceTypes(readFileSync(join(out, 'kubernetes.tf'), 'utf8'));
        await terraformOk(out, ['init', `-plugin-dir=${TF_PLUGIN_DIR}`]);
        const validated = await terraformOk(out, ['validate']);
        expect(validated.stdout).toMatch(/The configuration is valid/);
      }, STEP_TIMEOUT);

      test('applies to moto, creating every declared object', async () => {
        writeMotoProviderOverride(out, world.moto.endpoint);
        expect(stripMotoUnsupported(out).privateDnsHostnameType).toBeGreaterThan(0);
        const applied = await terraformOk(out, ['apply', '-auto-approve']);
        const total = [...declared.values()].reduce((a, b) => a + b, 0);
        expect(applied.stdout).toMatch(new RegExp(`Apply complete! Resources: ${total} added, 0 changed, 0 destroyed`));
        const found = await inventory(cluster.name);
        const missing = [...declared]
          .filter(([type, count]) => type in found && found[type].length < count)
          .map(([type, count]) => `${type}: declared ${count}, found ${found[type].length}`);
        expect(missing).toEqual([]);
        expect(found.aws_instance.length, 'the autoscaling groups launched instances').toBeGreaterThan(0);
      }, STEP_TIMEOUT);

      test('plans no change right after apply, except what moto does not store', async () => {
        const { exitCode, changes } = await plannedChanges(out);
        expect(exitCode, 'plan -detailed-exitcode agrees with the changes read from the plan').toBe(changes.length ? 2 : 0);
        const unexpected = changes
          .map((c) => ({ ...c, attributes: c.attributes.filter((a) => !(MOTO_UNOBSERVABLE[c.type] ?? []).includes(a)) }))
          .filter((c) => !(c.actions.length === 1 && c.actions[0] === 'update') || c.attributes.length > 0);
        expect(unexpected).toEqual([]);
      }, STEP_TIMEOUT);

      test('destroys to nothing', async () => {
        const destroyed = await terraformOk(out, ['destroy', '-auto-approve']);
        expect(destroyed.stdout).toMatch(/Destroy complete! Resources: \d+ destroyed/);
        const left = Object.entries(await inventory(cluster.name)).filter(([, ids]) => ids.length > 0);
        expect(left).toEqual([]);
      }, STEP_TIMEOUT);
    });
  }
});

function declaredResourceTypes(tf: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of tf.matchAll(/^resource "([^"]+)" "[^"]+" \{$/gm)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return counts;
}

/** Everything of the cluster's that moto holds, by Terraform resource type: ids or names, by tag or by name. */
async function inventory(cluster: string): Promise<Record<string, string[]>> {
  const config = sdkConfig();
  const ec2 = new EC2Client(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  const tagged: Filter[] = [{ Name: 'tag:KubernetesCluster', Values: [cluster] }];
  const owned = (name: string | undefined) => !!name && name.endsWith(`.${cluster}`);
  const dashed = cluster.replace(/\./g, '-');

  const lbs = (await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers ?? [];
  const targetGroups = (await elb.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? [];
  const lbArns = [...lbs.map((l) => l.LoadBalancerArn!), ...targetGroups.map((t) => t.TargetGroupArn!)];
  const clusterArns = new Set(
    lbArns.length
      ? ((await elb.send(new DescribeTagsCommand({ ResourceArns: lbArns }))).TagDescriptions ?? [])
          .filter((d) => d.Tags?.some((t) => t.Key === 'KubernetesCluster' && t.Value === cluster))
          .map((d) => d.ResourceArn!)
      : [],
  );

  return {
    aws_vpc: ((await ec2.send(new DescribeVpcsCommand({ Filters: tagged }))).Vpcs ?? []).map((v) => v.VpcId!),
    aws_subnet: ((await ec2.send(new DescribeSubnetsCommand({ Filters: tagged }))).Subnets ?? []).map((s) => s.SubnetId!),
    aws_security_group: ((await ec2.send(new DescribeSecurityGroupsCommand({ Filters: tagged }))).SecurityGroups ?? []).map((g) => g.GroupId!),
    aws_route_table: ((await ec2.send(new DescribeRouteTablesCommand({ Filters: tagged }))).RouteTables ?? []).map((t) => t.RouteTableId!),
    aws_internet_gateway: ((await ec2.send(new DescribeInternetGatewaysCommand({ Filters: tagged }))).InternetGateways ?? []).map((g) => g.InternetGatewayId!),
    aws_nat_gateway: ((await ec2.send(new DescribeNatGatewaysCommand({ Filter: tagged }))).NatGateways ?? [])
      .filter((g) => g.State !== 'deleted')
      .map((g) => g.NatGatewayId!),
    aws_eip: ((await ec2.send(new DescribeAddressesCommand({ Filters: tagged }))).Addresses ?? []).map((a) => a.AllocationId!),
    aws_ebs_volume: ((await ec2.send(new DescribeVolumesCommand({ Filters: tagged }))).Volumes ?? []).map((v) => v.VolumeId!),
    aws_key_pair: ((await ec2.send(new DescribeKeyPairsCommand({ Filters: tagged }))).KeyPairs ?? []).map((k) => k.KeyName!),
    aws_launch_template: ((await ec2.send(new DescribeLaunchTemplatesCommand({ Filters: tagged }))).LaunchTemplates ?? []).map((t) => t.LaunchTemplateName!),
    // moto drops the tags given at create: the cluster's options are the ones moto did not hold before.
    aws_vpc_dhcp_options: (await dhcpOptionIds(ec2)).filter((id) => !dhcpOptionsBefore.has(id)),
    aws_instance: ((await ec2.send(new DescribeInstancesCommand({ Filters: [...tagged, { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }] }))).Reservations ?? [])
      .flatMap((r) => r.Instances ?? [])
      .map((i) => i.InstanceId!),
    aws_autoscaling_group: ((await new AutoScalingClient(config).send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? [])
      .map((g) => g.AutoScalingGroupName!)
      .filter(owned),
    aws_iam_role: ((await new IAMClient(config).send(new ListRolesCommand({}))).Roles ?? []).map((r) => r.RoleName!).filter(owned),
    aws_iam_instance_profile: ((await new IAMClient(config).send(new ListInstanceProfilesCommand({}))).InstanceProfiles ?? [])
      .map((p) => p.InstanceProfileName!)
      .filter(owned),
    aws_sqs_queue: (await new SQSClient(config).send(new ListQueuesCommand({ QueueNamePrefix: dashed }))).QueueUrls ?? [],
    aws_cloudwatch_event_rule: ((await new EventBridgeClient(config).send(new ListRulesCommand({ NamePrefix: cluster }))).Rules ?? []).map((r) => r.Name!),
    aws_lb: lbs.map((l) => l.LoadBalancerArn!).filter((arn) => clusterArns.has(arn)),
    aws_lb_target_group: targetGroups.map((t) => t.TargetGroupArn!).filter((arn) => clusterArns.has(arn)),
  };
}

async function dhcpOptionIds(ec2: EC2Client): Promise<string[]> {
  return ((await ec2.send(new DescribeDhcpOptionsCommand({}))).DhcpOptions ?? []).map((o) => o.DhcpOptionsId!);
}
