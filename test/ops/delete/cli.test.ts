import { RunInstancesCommand, DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAwsClients, type AwsClients } from '../../../src/cloud/aws/clients.js';
import { kops } from '../../helpers/cli.js';
import { recordCalls } from '../../helpers/moto-recorder.js';
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

/** A state store holding cluster NAME (one public subnet in us-east-1a), as `kops create -f` writes it. */
async function registeredCluster(name: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'kops-delete-'));
  const file = join(dir, 'cluster.yaml');
  writeFileSync(
    file,
    `apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: ${name}\nspec:\n  cloudProvider: aws\n  kubernetesVersion: 1.32.0\n` +
      `  networkCIDR: 172.20.0.0/16\n  networking:\n    cilium: {}\n  subnets:\n  - cidr: 172.20.32.0/19\n    name: us-east-1a\n    type: Public\n    zone: us-east-1a\n`,
  );
  const env = { ...moto.env, KOPS_STATE_STORE: `file://${dir}/store` };
  const created = await kops(['create', '-f', file], { env });
  expect(created.code, created.stderr).toBe(0);
  return { ...env, STORE_DIR: `${dir}/store` };
}

describe('kops delete cluster against moto', () => {
  test('without --yes it lists what would go and changes nothing', async () => {
    const env = await registeredCluster('preview.example.com');
    await createCluster(aws, 'preview.example.com', { zoneId, cidrBase: '10.10', withNatGateway: true });
    const before = await accountContents(aws);

    let result = { code: -1, stdout: '', stderr: '' };
    const calls = await recordCalls(moto.endpoint, async () => {
      result = await kops(['delete', 'cluster', '--name', 'preview.example.com'], { env });
    });

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^TYPE\t+NAME\t+ID\n/);
    for (const type of ['autoscaling-group', 'instance', 'load-balancer', 'target-group', 'nat-gateway', 'elastic-ip', 'subnet', 'route-table', 'security-group', 'vpc', 'iam-role', 'route53-record', 'sqs-queue', 'eventbridge-rule', 'keypair', 'volume']) {
      expect(result.stdout).toMatch(new RegExp(`^${type}\\t`, 'm'));
    }
    expect(result.stdout).toContain('Must specify --yes to delete cluster');
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.filter((c) => c.mutating).map((c) => c.action)).toEqual([]);
    expect(await accountContents(aws)).toEqual(before);
    expect(existsSync(`${env.STORE_DIR}/preview.example.com/config`)).toBe(true);
  }, 300_000);

  test('--yes deletes every resource the cluster had, then its state', async () => {
    const before = await accountContents(aws);
    const env = await registeredCluster('gone.example.com');
    await createCluster(aws, 'gone.example.com', { zoneId, cidrBase: '10.20', withNatGateway: true });

    const r = await kops(['delete', 'cluster', '--name', 'gone.example.com', '--yes'], { env });

    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^vpc:vpc-\w+\tok$/m);
    expect(r.stdout).toMatch(/^Deleted cluster: "gone.example.com"$/m);
    expect(await accountContents(aws)).toEqual(before);
    expect(existsSync(`${env.STORE_DIR}/gone.example.com`)).toBe(false);
  }, 300_000);

  test('an instance launched by hand into a cluster subnet is named, and nothing is deleted', async () => {
    const env = await registeredCluster('blocked.example.com');
    const built = await createCluster(aws, 'blocked.example.com', { zoneId, cidrBase: '10.30' });
    const image = (await aws.ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images![0].ImageId!;
    const run = await aws.ec2.send(
      new RunInstancesCommand({
        ImageId: image,
        MinCount: 1,
        MaxCount: 1,
        SubnetId: built.subnetIds[0],
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'debug-box' }] }],
      }),
    );
    const stray = run.Instances![0].InstanceId!;
    const before = await accountContents(aws);

    const r = await kops(['delete', 'cluster', '--name', 'blocked.example.com', '--yes'], { env });

    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`subnet ${built.subnetIds[0]} (us-east-1a.blocked.example.com) is in use by instance ${stray} (Name=debug-box)`);
    expect(r.stderr).toContain(`terminate ${stray}`);
    expect(r.stderr).toContain('error: nothing was deleted');
    expect(await accountContents(aws)).toEqual(before);
    expect(existsSync(`${env.STORE_DIR}/blocked.example.com/config`)).toBe(true);
  }, 300_000);

  test('kops delete -f with a Cluster deletes that cluster', async () => {
    const before = await accountContents(aws);
    const env = await registeredCluster('file.example.com');
    await createCluster(aws, 'file.example.com', { cidrBase: '10.40' });
    const manifest = join(mkdtempSync(join(tmpdir(), 'kops-delete-f-')), 'c.yaml');
    writeFileSync(manifest, 'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: file.example.com\nspec:\n  cloudProvider: aws\n');

    const r = await kops(['delete', '-f', manifest, '--yes'], { env });

    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Deleted cluster: "file.example.com"');
    expect(await accountContents(aws)).toEqual(before);
  }, 300_000);

  test('--unregister removes only the state store entry', async () => {
    const env = await registeredCluster('kept.example.com');
    const r = await kops(['delete', 'cluster', 'kept.example.com', '--unregister', '--yes'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(`${env.STORE_DIR}/kept.example.com`)).toBe(false);
  });

  test('a cluster the state store does not hold is an error that says what to do', async () => {
    const env = await registeredCluster('known.example.com');
    const r = await kops(['delete', 'cluster', 'unknown.example.com', '--yes'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: cluster "unknown.example.com" not found in the state store');
  });
});
