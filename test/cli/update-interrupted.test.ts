import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeKeyPairsCommand, DescribeLaunchTemplatesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { kops, kopsBin } from '../helpers/cli.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';

const CLUSTER = 'interrupted.k8s.local';
let moto: MotoServer;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kops-interrupt-'));
  const amis = join(dir, 'amis.json');
  writeFileSync(
    amis,
    JSON.stringify([
      { ami_id: 'ami-0c0ffee0000000001', name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260714', owner_id: '099720109477', architecture: 'x86_64', state: 'available', root_device_name: '/dev/sda1', root_device_type: 'ebs', virtualization_type: 'hvm', hypervisor: 'xen', public: true, creation_date: '2026-07-14T00:00:00.000Z', description: 'test image' },
    ]),
  );
  moto = await startMoto({ MOTO_AMIS_PATH: amis });
  execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', join(dir, 'id_rsa')]);
  env = {
    ...moto.env,
    KOPS_STATE_STORE: pathToFileURL(join(dir, 'store')).href,
    KOPS_AWS_EMULATOR: 'moto',
    HOME: dir,
    KUBECONFIG: join(dir, 'kubeconfig'),
    NODEUP_HASH_AMD64: 'a'.repeat(64),
    NODEUP_HASH_ARM64: 'b'.repeat(64),
  };
  const created = await kops(['create', 'cluster', '--name', CLUSTER, '--zones', 'us-east-1a', '--ssh-public-key', join(dir, 'id_rsa.pub')], { env });
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
