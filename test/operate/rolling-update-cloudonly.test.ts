import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { kops } from '../helpers/cli.js';
import { ok, startOperatedCluster, type OperatedCluster } from '../helpers/operated-cluster.js';

let c: OperatedCluster;
beforeAll(async () => {
  c = await startOperatedCluster();
}, 180_000);
afterAll(async () => c?.stop());

const instancesByGroup = async () => {
  const rows = parse(ok(await c.run('get', 'instances', '-o', 'yaml', '--api-server', c.api.url)).stdout) as { id: string; status: string; instanceGroup: string; machineType: string }[];
  return {
    controlPlane: rows.filter((r) => r.instanceGroup.includes('.masters.')),
    nodes: rows.filter((r) => r.instanceGroup.startsWith('nodes-')),
  };
};

describe('a machine type change rolled with --cloudonly on moto', () => {
  test('update marks only the changed group NeedsUpdate; the roll replaces its instances and leaves the others alone', async () => {
    const ig = parse(ok(await c.run('get', 'ig', 'nodes-us-east-1a', '-o', 'yaml')).stdout);
    expect(ig.spec.machineType).not.toBe('t3.large');
    ig.spec.machineType = 't3.large';
    ok(await kops(['replace', '-f', '-'], { env: c.env, input: stringify(ig) }));
    const full = ok(await c.run('update', 'cluster'));
    expect(full.stdout).toContain(`nodes-us-east-1a.${c.name}`);
    const limited = ok(await c.run('update', 'cluster', '--instance-group-roles', 'control-plane'));
    expect(limited.stdout).not.toContain(`nodes-us-east-1a.${c.name}`);
    ok(await c.run('update', 'cluster', '--yes'));

    const before = await instancesByGroup();
    expect(before.nodes.map((i) => i.status)).toEqual(['NeedsUpdate', 'NeedsUpdate']);
    expect(before.controlPlane.map((i) => i.status)).toEqual(['UpToDate']);

    const preview = ok(await c.run('rolling-update', 'cluster', '--cloudonly'));
    const table = preview.stdout.split('\n');
    expect(table[0].split(/\t+/)).toEqual(['NAME', 'STATUS', 'NEEDUPDATE', 'READY', 'MIN', 'TARGET', 'MAX']);
    expect(table.find((l) => l.startsWith('nodes-us-east-1a'))?.split(/\t+/)).toEqual(['nodes-us-east-1a', 'NeedsUpdate', '2', '0', '2', '2', '2']);
    expect(table.find((l) => l.startsWith('control-plane-us-east-1a'))?.split(/\t+/)).toEqual(['control-plane-us-east-1a', 'Ready', '0', '1', '1', '1', '1']);
    expect(preview.stdout).toMatch(/\nMust specify --yes to rolling-update\.\n$/);
    expect(c.proxy.actions.filter((a) => /^(Terminate|Detach)/.test(a))).toEqual([]);

    const rolled = ok(await c.run('rolling-update', 'cluster', '--yes', '--cloudonly', '--node-interval', '0s'));
    expect(rolled.stderr).toContain('Not draining cluster nodes as \'cloudonly\' flag is set.');
    expect(rolled.stdout).toMatch(/Completed rolling update for cluster op\.k8s\.local instance groups \[control-plane-us-east-1a nodes-us-east-1a\]\n$/);

    const after = await instancesByGroup();
    expect(after.controlPlane).toEqual(before.controlPlane);
    expect(after.nodes).toHaveLength(2);
    for (const i of after.nodes) {
      expect(i.status).toBe('UpToDate');
      expect(i.machineType).toBe('t3.large');
      expect(before.nodes.map((b) => b.id)).not.toContain(i.id);
    }
    const again = ok(await c.run('rolling-update', 'cluster', '--cloudonly'));
    expect(again.stdout).toMatch(/\nNo rolling-update required\.\n$/);
  }, 300_000);
});
