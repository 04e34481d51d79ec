import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { kops } from '../../helpers/cli.js';
import { recordCalls, type RecordedCall } from '../../helpers/moto-recorder.js';
import { ok, startOperatedCluster, type OperatedCluster } from '../../helpers/operated-cluster.js';

let c: OperatedCluster;
beforeAll(async () => {
  c = await startOperatedCluster({ name: 'reconcile.k8s.local', nodes: 1 });
}, 180_000);
afterAll(async () => c?.stop());

type Row = { id: string; status: string; instanceGroup: string; machineType: string };
const instancesByGroup = async () => {
  const rows = parse(ok(await c.run('get', 'instances', '-o', 'yaml', '--api-server', c.api.url)).stdout) as Row[];
  return { controlPlane: rows.filter((r) => r.instanceGroup.includes('.masters.')), nodes: rows.filter((r) => r.instanceGroup.startsWith('nodes-')) };
};

describe('kops reconcile cluster on moto', () => {
  test('without --yes it previews the update and changes nothing; with --yes it updates and rolls only the changed group', async () => {
    const ig = parse(ok(await c.run('get', 'ig', 'nodes-us-east-1a', '-o', 'yaml')).stdout);
    expect(ig.spec.machineType).not.toBe('t3.large');
    ig.spec.machineType = 't3.large';
    ok(await kops(['replace', '-f', '-'], { env: c.env, input: stringify(ig) }));
    const before = await instancesByGroup();
    expect(before.nodes).toHaveLength(1);

    let preview = { code: -1, stdout: '', stderr: '' };
    const calls: RecordedCall[] = await recordCalls(c.moto.endpoint, async () => {
      preview = ok(await c.run('reconcile', 'cluster', '--api-server', c.api.url));
    });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => call.mutating)).toEqual([]);
    expect(preview.stdout).toContain(`nodes-us-east-1a.${c.name}`);
    expect(preview.stdout).toContain('t3.large');
    expect(preview.stdout).toMatch(/\nMust specify --yes to apply changes\n$/);
    expect(preview.stdout).not.toContain('Performing rolling-update');
    expect(await instancesByGroup()).toEqual(before);

    const done = ok(await c.run('reconcile', 'cluster', '--yes', '--api-server', c.api.url));
    const steps = [
      'Updating control plane configuration',
      'Waiting for the kubernetes API to be served',
      'Performing rolling-update for control plane',
      'Updating node configuration',
      'Performing rolling-update for nodes',
      'Pruning old resources that are no longer used',
    ].map((line) => done.stdout.indexOf(`${line}\n`));
    expect(steps.every((at) => at >= 0)).toBe(true);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    const controlPlaneRoll = done.stdout.slice(steps[2], steps[3]);
    expect(controlPlaneRoll).toContain('No rolling-update required.');
    expect(done.stdout.slice(steps[4], steps[5])).toContain('Completed rolling update for cluster reconcile.k8s.local');
    expect(done.stdout).toMatch(/Cluster reconcile\.k8s\.local reconciled\n$/);
    // Each update step reports as the Go kops's core update does: applied, and no kubeconfig written.
    expect(done.stdout.split('Cluster changes have been applied to the cloud.').length - 1).toBe(3);
    expect(done.stdout).not.toContain('kOps has set your kubectl context');

    const after = await instancesByGroup();
    expect(after.controlPlane).toEqual(before.controlPlane);
    expect(after.nodes).toHaveLength(1);
    expect(after.nodes[0]).toMatchObject({ status: 'UpToDate', machineType: 't3.large' });
    expect(after.nodes[0].id).not.toBe(before.nodes[0].id);
  }, 180_000);
});
