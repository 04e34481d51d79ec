import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { parse } from 'yaml';
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
});
