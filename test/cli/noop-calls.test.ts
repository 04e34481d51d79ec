import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, ListTargetsByRuleCommand, RemoveTargetsCommand, UntagResourceCommand, DescribeRuleCommand } from '@aws-sdk/client-eventbridge';
import { IAMClient, PutRolePolicyCommand, UntagInstanceProfileCommand } from '@aws-sdk/client-iam';
import { kops, type RunResult } from '../helpers/cli.js';
import type { MotoServer } from '../helpers/moto.js';
import { startMotoForKops } from '../helpers/kops-on-moto.js';
import { recordCalls } from '../helpers/moto-recorder.js';

const CLUSTER = 'noop.k8s.local';

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
  ok(await run('create', 'cluster', '--name', CLUSTER, '--zones', 'us-east-1a', '--ssh-public-key', world.sshPublicKey));
  ok(await run('update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'));
}, 180_000);

afterAll(async () => {
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a no-op update --yes costs at most 1.5 AWS calls per declared type and makes no mutating call', async () => {
  ok(await run('update', 'cluster', CLUSTER, '--target', 'terraform', '--out', join(dir, 'tf')));
  const declaredTypes = new Set([...readFileSync(join(dir, 'tf', 'kubernetes.tf'), 'utf8').matchAll(/^resource "([^"]+)"/gm)].map((m) => m[1]));
  const calls = await recordCalls(moto.endpoint, async () => ok(await run('update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false')));
  const counts: Record<string, number> = {};
  for (const c of calls) counts[c.action] = (counts[c.action] ?? 0) + 1;
  expect(calls.filter((c) => c.mutating)).toEqual([]);
  expect(calls.length / declaredTypes.size, JSON.stringify(counts)).toBeLessThanOrEqual(1.5);
  // Per object only where no listing holds the field: rule tags, a VPC's DNS attributes, load balancer and target
  // group tags, a template's default version, a group's lifecycle hooks. Everything else is one call for the run.
  const repeated = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 1));
  expect(repeated, JSON.stringify(counts)).toEqual({
    ListTagsForResource: 4,
    DescribeVpcAttribute: 2,
    DescribeTags: 2,
    DescribeLaunchTemplateVersions: 2,
    DescribeLifecycleHooks: 2,
  });
}, 120_000);

test('drift in what the listings do not hold (rule tags, a rule\'s target, an inline policy, profile tags) is still found and fixed', async () => {
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

  const plan = ok(await run('update', 'cluster', CLUSTER)).stdout;
  expect(plan).toMatch(new RegExp(`EventBridgeRule/${rule.replace(/\./g, '\\.')}\\n`));
  expect(plan).toMatch(/EventBridgeTarget\/\S*ASGLifecycle-Target/);
  expect(plan).toMatch(/IAMRolePolicy\/nodes\.noop\.k8s\.local/);
  expect(plan).toMatch(/IAMInstanceProfile\/nodes\.noop\.k8s\.local/);
  ok(await run('update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'));
  expect(ok(await run('update', 'cluster', CLUSTER)).stdout).toMatch(/No changes need to be applied/);
  expect((await events.send(new ListTargetsByRuleCommand({ Rule: rule }))).Targets).toHaveLength(1);
}, 120_000);
