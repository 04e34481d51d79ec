import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateLaunchTemplateVersionCommand, DescribeLaunchTemplatesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client, RemoveTagsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EventBridgeClient, ListTargetsByRuleCommand, RemoveTargetsCommand, UntagResourceCommand, DescribeRuleCommand } from '@aws-sdk/client-eventbridge';
import { IAMClient, PutRolePolicyCommand, UntagInstanceProfileCommand } from '@aws-sdk/client-iam';
import { kops, type RunResult } from '../helpers/cli.js';
import { createGoldenShaped } from '../helpers/golden-clusters.js';
import type { MotoServer } from '../helpers/moto.js';
import { startMotoForKops } from '../helpers/kops-on-moto.js';
import { recordCalls } from '../helpers/moto-recorder.js';

// The bench's golden shapes, each its own cluster on one moto_server (listings filter on the cluster's tags).
const CASES = [
  { caseName: 'minimal-aws', cluster: 'noop.k8s.local', groups: 2 },
  { caseName: 'ha', cluster: 'ha.k8s.local', groups: 4 },
  { caseName: 'privatecalico', cluster: 'privatecalico.k8s.local', groups: 2 },
];
const CLUSTER = CASES[0].cluster;

let moto: MotoServer;
let dir: string;
let env: Record<string, string>;

const run = (...args: string[]): Promise<RunResult> => kops(args, { env });
const ok = (r: RunResult) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kops-noop-'));
  const world = await startMotoForKops(dir);
  moto = world.moto;
  env = world.env;
  for (const { caseName, cluster } of CASES) {
    await createGoldenShaped(run, caseName, cluster, world.sshPublicKey);
    ok(await run('update', 'cluster', cluster, '--yes', '--create-kube-config=false'));
  }
}, 300_000);

afterAll(async () => {
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.each(CASES)('a no-op update --yes of $caseName costs at most 1.5 AWS calls per declared type and makes no mutating call', async ({ cluster, groups }) => {
  ok(await run('update', 'cluster', cluster, '--target', 'terraform', '--out', join(dir, cluster)));
  const declaredTypes = new Set([...readFileSync(join(dir, cluster, 'kubernetes.tf'), 'utf8').matchAll(/^resource "([^"]+)"/gm)].map((m) => m[1]));
  const calls = await recordCalls(moto.endpoint, async () => ok(await run('update', 'cluster', cluster, '--yes', '--create-kube-config=false')));
  const counts: Record<string, number> = {};
  for (const c of calls) counts[c.action] = (counts[c.action] ?? 0) + 1;
  expect(calls.filter((c) => c.mutating)).toEqual([]);
  expect(calls.length / declaredTypes.size, JSON.stringify(counts)).toBeLessThanOrEqual(1.5);
  // Per object only where the API has no call for several: a rule's tags, a VPC's DNS attributes (one each), a
  // group's lifecycle hooks. Everything else is one call for the run.
  const repeated = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 1));
  expect(repeated, JSON.stringify(counts)).toEqual({ ListTagsForResource: 4, DescribeVpcAttribute: 2, DescribeLifecycleHooks: groups });
}, 120_000);

test('drift in what the listings do not hold (rule tags, a rule\'s target, an inline policy, profile tags, a template\'s latest version, load balancer and target group tags) is still found and fixed', async () => {
  const sdk = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const events = new EventBridgeClient(sdk);
  const rule = `${CLUSTER}-ASGLifecycle`;
  const arn = (await events.send(new DescribeRuleCommand({ Name: rule }))).Arn!;
  await events.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: ['KubernetesCluster'] }));
  const targets = (await events.send(new ListTargetsByRuleCommand({ Rule: rule }))).Targets ?? [];
  await events.send(new RemoveTargetsCommand({ Rule: rule, Ids: targets.map((t) => t.Id!) }));
  const iam = new IAMClient(sdk);
  await iam.send(new PutRolePolicyCommand({ RoleName: `nodes.${CLUSTER}`, PolicyName: `nodes.${CLUSTER}`, PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:DescribeRegions","Resource":"*"}]}' }));
  await iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: `nodes.${CLUSTER}`, TagKeys: ['KubernetesCluster'] }));
  const ec2 = new EC2Client(sdk);
  const template = `nodes-us-east-1a.${CLUSTER}`;
  const templateId = (await ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: [template] }))).LaunchTemplates![0].LaunchTemplateId!;
  await ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: templateId, SourceVersion: '$Latest', LaunchTemplateData: { InstanceType: 'm5.24xlarge' } }));
  const elbv2 = new ElasticLoadBalancingV2Client(sdk);
  const ours = (name: string | undefined) => name?.startsWith(CLUSTER.replace(/\./g, '-'), 4);
  const lb = (await elbv2.send(new DescribeLoadBalancersCommand({}))).LoadBalancers!.find((l) => ours(l.LoadBalancerName))!;
  const tg = (await elbv2.send(new DescribeTargetGroupsCommand({}))).TargetGroups!.find((t) => ours(t.TargetGroupName))!;
  await elbv2.send(new RemoveTagsCommand({ ResourceArns: [lb.LoadBalancerArn!, tg.TargetGroupArn!], TagKeys: ['KubernetesCluster'] }));

  const plan = ok(await run('update', 'cluster', CLUSTER)).stdout;
  expect(plan).toMatch(new RegExp(`EventBridgeRule/${rule.replace(/\./g, '\\.')}\\n`));
  expect(plan).toMatch(/EventBridgeTarget\/\S*ASGLifecycle-Target/);
  expect(plan).toMatch(/IAMRolePolicy\/nodes\.noop\.k8s\.local/);
  expect(plan).toMatch(/IAMInstanceProfile\/nodes\.noop\.k8s\.local/);
  expect(plan).toMatch(new RegExp(`LaunchTemplate/${template.replace(/\./g, '\\.')}\\n`));
  expect(plan).toMatch(/NetworkLoadBalancer\/api\.noop\.k8s\.local\n/);
  expect(plan).toContain(`TargetGroup/${tg.TargetGroupName}\n`);
  ok(await run('update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'));
  expect(ok(await run('update', 'cluster', CLUSTER)).stdout).toMatch(/No changes need to be applied/);
  expect((await events.send(new ListTargetsByRuleCommand({ Rule: rule }))).Targets).toHaveLength(1);
}, 120_000);
