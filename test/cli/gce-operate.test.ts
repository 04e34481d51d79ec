import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kops, type RunResult } from '../helpers/cli.js';
import { startComputeFake, type ComputeFake } from '../helpers/compute-fake.js';
import { writeServiceAccountKey } from '../helpers/gce-credentials.js';
import { startGcsFake, type GcsFake } from '../helpers/gcs-fake.js';
import { KubeApiServer } from '../helpers/kube-apiserver.js';
import { servingCertificate } from '../helpers/operated-cluster.js';

const CLUSTER = 'ops.k8s.local';
const PROJECT = 'p1';
const ZONE = 'europe-west4-a';
const NODES = `nodes-${ZONE}`;
let dir: string;
let compute: ComputeFake;
let gcs: GcsFake;
let env: Record<string, string>;

const ok = (r: RunResult) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
};
const run = (...args: string[]) => kops(args, { env });

/** The fake's instances of the cluster: name → machine type and the template they were made from. */
function instances(): Map<string, { id: string; machineType: string; template: string }> {
  const out = new Map<string, { id: string; machineType: string; template: string }>();
  for (const [path, r] of compute.resources) {
    if (!path.includes(`/zones/${ZONE}/instances/`)) continue;
    const items = (r.metadata as { items: { key: string; value: string }[] }).items;
    out.set(String(r.name), { id: String(r.id), machineType: String(r.machineType).split('/').pop()!, template: items.find((i) => i.key === 'instance-template')!.value.split('/').pop()! });
  }
  return out;
}

/** `get instances` rows: ID, NODE-NAME, STATUS, ROLES, STATE, INTERNAL-IP, EXTERNAL-IP, INSTANCE-GROUP, MACHINE-TYPE. */
function rows(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kops-gce-operate-'));
  execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', join(dir, 'id')]);
  [compute, gcs] = await Promise.all([startComputeFake({ projects: [PROJECT] }), startGcsFake()]);
  gcs.createBucket('kops-state');
  env = {
    KOPS_STATE_STORE: 'gs://kops-state',
    KOPS_CLUSTER_NAME: CLUSTER,
    STORAGE_EMULATOR_HOST: gcs.endpoint,
    KOPS_GCE_ENDPOINT: compute.endpoint,
    GOOGLE_APPLICATION_CREDENTIALS: writeServiceAccountKey(PROJECT, dir),
    NODEUP_HASH_AMD64: 'c86e072f622b91546b7b3f3cb1a0f8a131e48b966ad018a0ac1520ceedf37725',
    NODEUP_HASH_ARM64: '64a9a9510538a449e85d05e13e3cd98b80377d68a673447c26821d40f00f0075',
  };
  ok(
    await run('create', 'cluster', '--name', CLUSTER, '--cloud', 'gce', '--project', PROJECT, '--zones', ZONE, '--node-count', '2', '--kubernetes-version', 'v1.32.0', '--networking', 'cni', '--gce-service-account', 'default', '--ssh-public-key', join(dir, 'id.pub')),
  );
  ok(await run('update', 'cluster', CLUSTER, '--yes'));
}, 180_000);

afterAll(async () => {
  await Promise.all([compute?.stop(), gcs?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Changes the machine type in the stored spec of an instance group (as another client of the state store would). */
function setMachineType(group: string, machineType: string): void {
  const object = gcs.buckets.get('kops-state')!.get(`${CLUSTER}/instancegroup/${group}`)!;
  const text = object.data.toString('utf8');
  const changed = text.replace(/machineType: .*/, `machineType: ${machineType}`);
  expect(changed).not.toBe(text);
  object.data = Buffer.from(changed);
  object.generation++;
}

describe('operating a GCE cluster on the Compute Engine fake: instances, rolling update, delete instance, dump', () => {
  test('get instances lists each managed instance group\'s instances, up to date, with their group, role and addresses', async () => {
    const made = instances();
    expect(made.size).toBe(3);
    const listed = rows(ok(await run('get', 'instances')).stdout);
    expect(listed).toHaveLength(3);
    for (const row of listed) {
      expect(row[0]).toMatch(new RegExp(`/compute/v1/projects/${PROJECT}/zones/${ZONE}/instances/`));
      expect(made.has(row[0].split('/').pop()!)).toBe(true);
      expect(row).toContain('UpToDate');
      expect(row.some((c) => /^10\.\d+\.\d+\.\d+$/.test(c))).toBe(true);
    }
    // As the Go kops, the group column names the managed instance group.
    const groups = listed.map((r) => r.find((c) => c.endsWith('-ops-k8s-local'))).sort();
    expect(groups).toEqual([`a-control-plane-${ZONE}-ops-k8s-local`, `a-${NODES}-ops-k8s-local`, `a-${NODES}-ops-k8s-local`]);
    expect(listed.filter((r) => r.includes('control-plane'))).toHaveLength(1);
  }, 180_000);

  test('a changed node group is rolled: listed as NeedsUpdate, --yes --cloudonly recreates its instances from the new template (same names), the control plane untouched', async () => {
    setMachineType(NODES, 'e2-standard-4');
    ok(await run('update', 'cluster', CLUSTER, '--yes'));
    const before = instances();
    const nodeNames = [...before].filter(([, i]) => !i.template.startsWith('control-plane')).map(([n]) => n).sort();
    expect(nodeNames).toHaveLength(2);

    const listed = rows(ok(await run('get', 'instances')).stdout);
    expect(listed.filter((r) => r.includes('NeedsUpdate')).map((r) => r[0].split('/').pop()).sort()).toEqual(nodeNames);

    const preview = ok(await run('rolling-update', 'cluster', '--cloudonly'));
    expect(preview.stdout).toMatch(new RegExp(`${NODES}\\s+NeedsUpdate\\s+2\\s+0\\s+2`));

    const requests = compute.requests.length;
    const rolled = ok(await run('rolling-update', 'cluster', '--cloudonly', '--yes', '--node-interval', '0s', '--control-plane-interval', '0s'));
    expect(compute.requests.slice(requests).filter((r) => r.endsWith('/recreateInstances'))).toHaveLength(2);
    expect(rolled.stderr).toMatch(/Stopping instance/);
    const after = instances();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, i] of after) {
      if (!nodeNames.includes(name)) expect(i).toEqual(before.get(name));
      else {
        expect(i.machineType).toBe('e2-standard-4');
        expect(i.id).not.toBe(before.get(name)!.id);
      }
    }
  }, 180_000);

  test('delete instance: surging is refused on GCE as the Go kops refuses it; without it the group recreates the instance', async () => {
    const [name, node] = [...instances()].find(([, i]) => !i.template.startsWith('control-plane'))!;
    const id = `${compute.endpoint}/compute/v1/projects/${PROJECT}/zones/${ZONE}/instances/${name}`;

    const surged = await run('delete', 'instance', id, '--yes', '--cloudonly');
    expect(surged.code).not.toBe(0);
    expect(surged.stderr).toMatch(/gce cloud provider does not support surging/);
    expect(instances().get(name)).toEqual(node);

    const deleted = ok(await run('delete', 'instance', id, '--yes', '--cloudonly', '--surge=false'));
    expect(deleted.stdout).toMatch(/found for deletion/);
    expect(instances().get(name)!.id).not.toBe(node.id);
    expect(instances().size).toBe(3);
  }, 180_000);

  test('toolbox dump shows the instances, the managed instance groups and the cluster\'s network and subnetwork', async () => {
    const dump = JSON.parse(ok(await run('toolbox', 'dump', '-o', 'json')).stdout) as {
      instances: { name: string; instanceGroup: string; status: string }[];
      instanceGroups: { name: string; cloudName: string; targetSize: number }[];
      vpc?: { id: string };
      subnets: { id: string }[];
    };
    // As the Go kops's GCE dump, instances by name (not by URL).
    expect(dump.instances.map((i) => i.name).sort()).toEqual([...instances().keys()].sort());
    expect(dump.instances.map((i) => [i.instanceGroup, i.status]).sort()).toEqual([
      [`control-plane-${ZONE}`, 'UpToDate'],
      [NODES, 'UpToDate'],
      [NODES, 'UpToDate'],
    ]);
    expect(dump.instanceGroups.map((g) => [g.name, g.cloudName, g.targetSize])).toEqual([
      [`control-plane-${ZONE}`, `a-control-plane-${ZONE}-ops-k8s-local`, 1],
      [NODES, `a-${NODES}-ops-k8s-local`, 2],
    ]);
    expect(dump.vpc).toEqual({ id: 'ops-k8s-local' });
    expect(dump.subnets.map((s) => s.id)).toEqual([`europe-west4-ops-k8s-local`]);
  }, 180_000);

  test('with the Kubernetes API: validate joins nodes to instances by their gce:// provider IDs, and a rolling update drains, recreates and validates', async () => {
    vi.stubEnv('STORAGE_EMULATOR_HOST', gcs.endpoint);
    const api = new KubeApiServer({ tls: await servingCertificate('gs://kops-state', CLUSTER) });
    await api.start();
    try {
      for (const [name, i] of instances()) {
        const controlPlane = i.template.startsWith('control-plane');
        api.registerNode(name, { instanceId: name, providerID: `gce://${PROJECT}/${ZONE}/${name}`, zone: ZONE, ready: true, controlPlane });
        if (controlPlane) {
          for (const app of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) api.addPod('kube-system', `${app}-${name}`, { node: name, app, priorityClassName: 'system-cluster-critical' });
        }
      }
      const valid = ok(await run('validate', 'cluster', '--api-server', api.url));
      for (const name of instances().keys()) expect(valid.stdout).toContain(name);
      expect(valid.stdout).toMatch(/is ready/);

      setMachineType(NODES, 'e2-standard-8');
      ok(await run('update', 'cluster', CLUSTER, '--yes'));
      const requests = compute.requests.length;
      const rolled = ok(
        await run('rolling-update', 'cluster', '--yes', '--api-server', api.url, '--validate-count', '1', '--validation-timeout', '60s', '--post-drain-delay', '0s', '--node-interval', '0s', '--control-plane-interval', '0s'),
      );
      expect(rolled.stderr.match(new RegExp(`Draining the node: "${NODES}-`, 'g'))).toHaveLength(2);
      expect(rolled.stderr).toMatch(/Cluster validated/);
      expect(compute.requests.slice(requests).filter((r) => r.endsWith('/recreateInstances'))).toHaveLength(2);
      expect([...instances().values()].filter((i) => i.machineType === 'e2-standard-8')).toHaveLength(2);
    } finally {
      await api.stop();
      vi.unstubAllEnvs();
    }
  }, 180_000);
});
