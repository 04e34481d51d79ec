import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeLaunchTemplatesCommand } from '@aws-sdk/client-ec2';
import { kops } from '../helpers/cli.js';
import { ok, startOperatedCluster, type OperatedCluster } from '../helpers/operated-cluster.js';

// The API server runs in this process: kubectl must run without blocking it.
const kubectl = async (...args: string[]) => (await promisify(execFile)('kubectl', args, { encoding: 'utf8' })).stdout;

let c: OperatedCluster;
beforeAll(async () => {
  c = await startOperatedCluster();
}, 180_000);
afterAll(async () => c?.stop());

describe('kops get instances and toolbox dump', () => {
  test('lists every instance with its node, all up to date right after the update', async () => {
    const r = ok(await c.run('get', 'instances', '--api-server', c.api.url));
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].split(/\t+/)).toEqual(['ID', 'NODE-NAME', 'STATUS', 'ROLES', 'STATE', 'INTERNAL-IP', 'EXTERNAL-IP', 'INSTANCE-GROUP', 'MACHINE-TYPE']);
    const rows = lines.slice(1).map((l) => l.split(/\t+/));
    expect(rows).toHaveLength(3);
    const running = await c.runningInstances();
    expect(rows.map((r) => r[0]).sort()).toEqual(running.map((i) => i.InstanceId).sort());
    for (const row of rows) {
      expect(row[1]).toBe(row[0]);
      expect(row[2]).toBe('UpToDate');
    }
    expect(rows.filter((r) => r.includes(`control-plane-us-east-1a.masters.${c.name}`))).toHaveLength(1);
    expect(rows.filter((r) => r.includes(`nodes-us-east-1a.${c.name}`))).toHaveLength(2);
  });

  test('-o yaml carries the Go fields, and an unreachable API leaves node names out with a warning', async () => {
    const r = ok(await c.run('get', 'instances', '-o', 'yaml', '--api-server', 'https://127.0.0.1:1'));
    expect(r.stderr).toContain('cannot reach the Kubernetes API at https://127.0.0.1:1');
    const items = parse(r.stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    expect(Object.keys(items[0]).sort()).toEqual(['externalIP', 'id', 'instanceGroup', 'internalIP', 'machineType', 'roles', 'state', 'status']);
  });

  test('the dump names instances, groups, VPC, subnets, and the nodes of the kubeconfig context', async () => {
    const kubeconfig = join(c.dir, 'dump-kubeconfig');
    ok(await c.run('export', 'kubeconfig', '--admin', '--kubeconfig', kubeconfig, '--api-server', c.api.url));
    const r = ok(await kops(['toolbox', 'dump', '-o', 'json'], { env: { ...c.env, KUBECONFIG: kubeconfig } }));
    const dump = JSON.parse(r.stdout);
    expect(dump.instances).toHaveLength(3);
    expect(dump.instanceGroups.map((g: { name: string }) => g.name)).toEqual(['control-plane-us-east-1a', 'nodes-us-east-1a']);
    expect(dump.vpc.id).toMatch(/^vpc-/);
    expect(dump.subnets).toHaveLength(1);
    expect(dump.nodes).toHaveLength(3);
  });

  test('kubectl reads the same nodes through the exported kubeconfig', async () => {
    const kubeconfig = join(c.dir, 'kubectl-kubeconfig');
    ok(await c.run('export', 'kubeconfig', '--admin', '--kubeconfig', kubeconfig, '--api-server', c.api.url));
    const out = await kubectl('--kubeconfig', kubeconfig, 'get', 'nodes', '-o', 'name');
    expect(out.trim().split('\n').sort()).toEqual((await c.runningInstances()).map((i) => `node/${i.InstanceId}`).sort());
  });

  test('kops upgrade cluster shows the version move, and --yes saves it to the spec', async () => {
    const cluster = parse(ok(await c.run('get', 'cluster', '-o', 'yaml')).stdout);
    cluster.spec.kubernetesVersion = '1.35.0';
    ok(await kops(['replace', '-f', '-'], { env: c.env, input: stringify(cluster) }));
    const preview = ok(await c.run('upgrade', 'cluster'));
    expect(preview.stdout).toBe('ITEM\tPROPERTY\t\tOLD\tNEW\nCluster\tKubernetesVersion\t1.35.0\t1.36.3\n\nMust specify --yes to perform upgrade\n');
    ok(await c.run('upgrade', 'cluster', '--yes'));
    expect(parse(ok(await c.run('get', 'cluster', '-o', 'yaml')).stdout).spec.kubernetesVersion).toBe('1.36.3');
    const again = ok(await c.run('upgrade', 'cluster'));
    expect(again.stderr).toContain('No upgrade required');
  }, 300_000);

  test('kops delete instance --cloudonly terminates one instance and its group replaces it', async () => {
    const [victim] = (await c.runningInstances()).filter((i) => i.Tags?.some((t) => t.Key === 'k8s.io/role/node'));
    const preview = ok(await c.run('delete', 'instance', victim.InstanceId!, '--cloudonly'));
    expect(preview.stdout).toBe(`Instance ${victim.InstanceId} found for deletion\n\nMust specify --yes to delete instance\n`);
    ok(await c.run('delete', 'instance', victim.InstanceId!, '--cloudonly', '--yes'));
    const running = (await c.runningInstances()).filter((i) => i.Tags?.some((t) => t.Key === 'k8s.io/role/node'));
    expect(running.map((i) => i.InstanceId)).not.toContain(victim.InstanceId);
    expect(running).toHaveLength(2);
  }, 300_000);

  test('kops delete instancegroup --yes deletes the autoscaling group and launch template, then the spec', async () => {
    const name = `nodes-us-east-1a.${c.name}`;
    const r = ok(await c.run('delete', 'instancegroup', 'nodes-us-east-1a', '--yes'));
    expect(r.stdout).toBe('InstanceGroup "nodes-us-east-1a" deleted\n');
    const aws = { region: 'us-east-1', endpoint: c.moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const groups = await new AutoScalingClient(aws).send(new DescribeAutoScalingGroupsCommand({}));
    expect((groups.AutoScalingGroups ?? []).map((g) => g.AutoScalingGroupName)).not.toContain(name);
    const templates = await c.ec2.send(new DescribeLaunchTemplatesCommand({}));
    expect((templates.LaunchTemplates ?? []).map((t) => t.LaunchTemplateName)).not.toContain(name);
    expect((await c.runningInstances()).filter((i) => i.Tags?.some((t) => t.Key === 'k8s.io/role/node'))).toEqual([]);
    const igs = ok(await c.run('get', 'ig', '-o', 'yaml')).stdout;
    expect(igs).not.toContain('name: nodes-us-east-1a');
  }, 300_000);
});
