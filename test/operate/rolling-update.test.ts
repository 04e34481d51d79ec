import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand, UpdateAutoScalingGroupCommand } from '@aws-sdk/client-auto-scaling';
import { parse } from 'yaml';
import { kopsBin } from '../helpers/cli.js';
import { ok, startOperatedCluster, type OperatedCluster } from '../helpers/operated-cluster.js';
import { podPath } from '../helpers/kube-apiserver.js';

let c: OperatedCluster;
beforeAll(async () => {
  c = await startOperatedCluster();
}, 180_000);
afterAll(async () => c?.stop());

const NODES = 'nodes-us-east-1a';
type Node = { metadata: { name: string; labels: Record<string, string>; annotations?: Record<string, string> }; spec: Record<string, unknown>; status: { conditions: { status: string }[] } };
const workers = () => c.api.list('/api/v1/nodes').filter((n) => !('node-role.kubernetes.io/control-plane' in (n.metadata.labels as object))) as unknown as Node[];
/** Workers still in their group (an earlier failed roll can leave a detached, cordoned one behind). */
const members = () => workers().filter((n) => !n.spec.unschedulable);
const markForUpdate = (node: Node) => (node.metadata.annotations = { ...node.metadata.annotations, 'kops.k8s.io/needs-update': '' });
/** Fast settings: no pauses between instances, one validation per step. */
const fast = ['--yes', '--validate-count', '1', '--node-interval', '0s', '--control-plane-interval', '0s', '--post-drain-delay', '0s'];
const roll = (...args: string[]) => c.run('rolling-update', 'cluster', '--api-server', c.api.url, ...fast, ...args);
const instances = async () =>
  parse(ok(await c.run('get', 'instances', '-o', 'yaml', '--api-server', c.api.url)).stdout) as { id: string; status: string; instanceGroup: string }[];
const workerInstances = async () => (await instances()).filter((i) => i.instanceGroup.startsWith(`${NODES}.`));
const asg = () => new AutoScalingClient({ region: 'us-east-1', endpoint: c.moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

beforeEach(() => {
  c.api.protectedPods.clear();
  c.newInstancesNeverReady = false;
  c.neverReady.clear();
  for (const n of c.api.list('/api/v1/nodes')) (n.status as Node['status']).conditions[0].status = 'True';
});

describe('kops rolling-update cluster against the Kubernetes API', () => {
  test('a full roll surges, cordons, drains with evictions and validates before each next instance', async () => {
    const old = workers();
    old.forEach(markForUpdate);
    const [a] = old;
    c.api.addPod('default', 'web-1', { node: a.metadata.name });
    c.api.addPod('kube-system', 'agent-1', { node: a.metadata.name, daemonSet: true });
    const evictionsBefore = c.api.requests.filter((r) => r.path.endsWith('/eviction')).length;

    const r = ok(await roll('--validation-timeout', '20s'));
    expect(r.stdout).toMatch(/NAME\t+STATUS\t+NEEDUPDATE\t+READY\t+MIN\t+TARGET\t+MAX\t+NODES\n/);
    expect(r.stdout).toMatch(new RegExp(`${NODES}\\t+NeedsUpdate\\t+2\\t+0\\t+2\\t+2\\t+2\\t+2\\n`));
    expect(r.stderr).toMatch(/Detaching instance "i-\w+", node "i-\w+", in group "nodes-us-east-1a\.op\.k8s\.local"\./);
    expect(r.stderr).toContain(`Draining the node: "${a.metadata.name}".`);
    expect(r.stderr).toContain('Cluster validated.');
    expect(r.stdout).toMatch(/Completed rolling update for cluster op\.k8s\.local instance groups \[control-plane-us-east-1a nodes-us-east-1a\]\n$/);

    const evicted = c.api.requests.filter((q) => q.path.endsWith('/eviction')).slice(evictionsBefore).map((q) => q.path);
    expect(evicted).toContain('/api/v1/namespaces/default/pods/web-1/eviction');
    expect(evicted).not.toContain('/api/v1/namespaces/kube-system/pods/agent-1/eviction');
    const patched = c.api.requests.filter((q) => q.method === 'PATCH').map((q) => q.path);
    expect(patched).toContain(`/api/v1/nodes/${a.metadata.name}`);

    const now = await workerInstances();
    expect(now.map((i) => i.status)).toEqual(['UpToDate', 'UpToDate']);
    expect(now.map((i) => i.id)).not.toContain(old[0].metadata.name);
    expect(now.map((i) => i.id)).not.toContain(old[1].metadata.name);
  }, 300_000);

  test('fault: a drain a disruption budget blocks past --drain-timeout stops the group and keeps the instance', async () => {
    const [x] = members();
    markForUpdate(x);
    c.api.addPod('default', 'db-0', { node: x.metadata.name });
    c.api.protectedPods.add(podPath('default', 'db-0'));
    const r = await roll('--drain-timeout', '1s', '--validation-timeout', '20s', '--instance-group', NODES);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`failed to drain node "${x.metadata.name}" of group "${NODES}": drain did not complete within 1s: a PodDisruptionBudget keeps refusing the eviction of default/db-0`);
    expect((await c.runningInstances()).map((i) => i.InstanceId)).toContain(x.metadata.name);
    expect(c.api.objects.has(podPath('default', 'db-0'))).toBe(true);
  }, 300_000);

  test('fault: an instance that never becomes ready stops the roll, naming the group and the node', async () => {
    const [y] = members();
    markForUpdate(y);
    c.newInstancesNeverReady = true;
    const r = await roll('--validation-timeout', '3s', '--instance-group', NODES);
    expect(r.code).toBe(1);
    const notReady = [...c.neverReady];
    expect(notReady.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/error validating cluster after (detaching|terminating) instance: cluster did not validate within 3s \(group "nodes-us-east-1a"\): /);
    expect(notReady.some((id) => r.stderr.includes(`node "${id}" of role "node" is not ready`))).toBe(true);
  }, 300_000);

  test('fault: a roll killed half way resumes, and replacements already up to date are not replaced again', async () => {
    workers().forEach(markForUpdate);
    const terminationsBefore = c.proxy.actions.filter((a) => a === 'TerminateInstanceInAutoScalingGroup').length;
    const child = spawn(process.execPath, [kopsBin, 'rolling-update', 'cluster', '--api-server', c.api.url, ...fast, '--validation-timeout', '20s'], {
      env: { ...process.env, ...c.env },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 1200 && c.proxy.actions.filter((a) => a === 'TerminateInstanceInAutoScalingGroup').length === terminationsBefore; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGKILL');
    await exited;
    const halfway = await workerInstances();
    const replaced = halfway.filter((i) => i.status === 'UpToDate').map((i) => i.id);
    expect(replaced.length).toBeGreaterThan(0);
    expect(halfway.some((i) => i.status !== 'UpToDate')).toBe(true);

    ok(await roll('--validation-timeout', '20s'));
    const after = await workerInstances();
    expect(after.map((i) => i.status)).toEqual(['UpToDate', 'UpToDate']);
    for (const id of replaced) expect(after.map((i) => i.id)).toContain(id);
  }, 300_000);

  test('fault: an unreachable API server is one clear line and nothing is touched', async () => {
    workers().forEach(markForUpdate);
    const actions = c.proxy.actions.length;
    const r = await c.run('rolling-update', 'cluster', '--yes', '--api-server', 'https://127.0.0.1:1');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: cannot reach the Kubernetes API at https://127.0.0.1:1: connection refused\n  use --cloudonly to roll without confirming progress with the Kubernetes API\n',
    );
    expect(c.proxy.actions.slice(actions).filter((a) => /^(Terminate|Detach)/.test(a))).toEqual([]);
    for (const n of workers()) delete n.metadata.annotations?.['kops.k8s.io/needs-update'];
  }, 120_000);

  test('fault: a group at its max size still surges, since detaching keeps its size and asks for nothing above max', async () => {
    const name = `${NODES}.${c.name}`;
    await asg().send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: name, MaxSize: 2 }));
    const [z] = members();
    markForUpdate(z);
    const r = ok(await roll('--validation-timeout', '20s', '--instance-group', NODES));
    expect(r.stderr).toContain(`Detaching instance "${z.metadata.name}"`);
    expect(c.proxy.refused).toEqual([]);
    const group = (await asg().send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] }))).AutoScalingGroups![0];
    expect([group.DesiredCapacity, group.MaxSize]).toEqual([2, 2]);
    const after = await workerInstances();
    expect(after.map((i) => i.status)).toEqual(['UpToDate', 'UpToDate']);
    expect(after.map((i) => i.id)).not.toContain(z.metadata.name);
  }, 300_000);
});
