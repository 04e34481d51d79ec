import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeKeyPairsCommand, DescribeLaunchTemplatesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { kops, kopsBin } from '../helpers/cli.js';
import type { MotoServer } from '../helpers/moto.js';
import { startMotoForKops } from '../helpers/kops-on-moto.js';

const CLUSTER = 'interrupted.k8s.local';
let moto: MotoServer;
let dir: string;
let env: Record<string, string>;
let sshPublicKey: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kops-interrupt-'));
  const world = await startMotoForKops(dir);
  moto = world.moto;
  env = world.env;
  sshPublicKey = world.sshPublicKey;
  const created = await kops(['create', 'cluster', '--name', CLUSTER, '--zones', 'us-east-1a', '--ssh-public-key', sshPublicKey], { env });
  expect(created.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts `update --yes` and kills it (SIGKILL) once it has started creating `after` objects. */
function applyAndKill(after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [kopsBin, 'update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'], { env: { ...process.env, ...env } });
    let creating = 0;
    child.stderr.on('data', (d: Buffer) => {
      creating += (d.toString().match(/^Creating /gm) ?? []).length;
      if (creating >= after && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', () => resolve(creating));
  });
}

test('an apply killed half way is finished by the next run, with no duplicate objects', async () => {
  const started = await applyAndKill(15);
  expect(started).toBeGreaterThanOrEqual(15);

  const rerun = await kops(['update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'], { env });
  expect(rerun.stderr).toMatch(/Resources: created \d+/);
  expect(rerun.code).toBe(0);

  const config = { region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const ec2 = new EC2Client(config);
  const Filters = [{ Name: 'tag:KubernetesCluster', Values: [CLUSTER] }];
  expect((await ec2.send(new DescribeVpcsCommand({ Filters }))).Vpcs).toHaveLength(1);
  expect((await ec2.send(new DescribeSubnetsCommand({ Filters }))).Subnets).toHaveLength(1);
  expect((await ec2.send(new DescribeSecurityGroupsCommand({ Filters }))).SecurityGroups).toHaveLength(3);
  expect((await ec2.send(new DescribeLaunchTemplatesCommand({ Filters }))).LaunchTemplates).toHaveLength(2);
  expect((await ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs?.filter((k) => k.KeyName?.startsWith(`kubernetes.${CLUSTER}-`))).toHaveLength(1);
  const groups = (await new AutoScalingClient(config).send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? [];
  expect(groups.filter((g) => g.AutoScalingGroupName?.endsWith(CLUSTER))).toHaveLength(2);

  const preview = await kops(['update', 'cluster', CLUSTER], { env });
  expect(preview.stdout).toMatch(/No changes need to be applied/);
});
