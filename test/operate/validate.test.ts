import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ok, startOperatedCluster, type OperatedCluster } from '../helpers/operated-cluster.js';
import { podPath } from '../helpers/kube-apiserver.js';

let c: OperatedCluster;
beforeAll(async () => {
  c = await startOperatedCluster();
}, 180_000);
afterAll(async () => c?.stop());

const nodesGroup = () => `nodes-us-east-1a.${c.name}`;

describe('kops validate cluster', () => {
  test('a healthy cluster validates: groups, nodes, and the ready line', async () => {
    const r = ok(await c.run('validate', 'cluster', '--api-server', c.api.url));
    expect(r.stdout).toMatch(/^Validating cluster op\.k8s\.local\n\nINSTANCE GROUPS\nNAME\t+ROLE\t+MACHINETYPE\t+MIN\t+MAX\t+SUBNETS\n/);
    expect(r.stdout).toMatch(/control-plane-us-east-1a\t+ControlPlane\t+/);
    expect(r.stdout).toContain('\nNODE STATUS\nNAME\t');
    expect(r.stdout.match(/\t+node\t+True\n/g)).toHaveLength(2);
    expect(r.stdout.match(/\t+control-plane\t+True\n/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/\nYour cluster op\.k8s\.local is ready\n$/);
  });

  test('a node that is not ready, and a critical pod that is not, fail validation with exit 2', async () => {
    const [node] = c.api.list('/api/v1/nodes').filter((n) => !('node-role.kubernetes.io/control-plane' in (n.metadata.labels as object)));
    const name = node.metadata.name;
    c.neverReady.add(name);
    (node.status as { conditions: { status: string }[] }).conditions[0].status = 'False';
    c.api.addPod('kube-system', 'coredns-1', { node: name, app: 'coredns', priorityClassName: 'system-cluster-critical', ready: false });
    try {
      const r = await c.run('validate', 'cluster', '--api-server', c.api.url, '-o', 'yaml');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('validation failed: cluster not yet healthy');
      const result = parse(r.stdout);
      const failures = result.failures.map((f: { type: string; name: string; message: string }) => [f.type, f.name, f.message]);
      expect(failures).toContainEqual(['Node', name, `node "${name}" of role "node" is not ready`]);
      expect(failures).toContainEqual(['Pod', 'kube-system/coredns-1', 'system-cluster-critical pod "coredns-1" is not ready (main)']);
      expect(result.failures.find((f: { type: string }) => f.type === 'Node').instanceGroup.metadata.name).toBe('nodes-us-east-1a');

      const tolerated = await c.run('validate', 'cluster', '--api-server', c.api.url, '--max-unready-nodes', '1', '-o', 'json');
      const failuresTolerated = JSON.parse(tolerated.stdout).failures.map((f: { type: string }) => f.type);
      expect(failuresTolerated).not.toContain('Node');
    } finally {
      c.neverReady.delete(name);
      (node.status as { conditions: { status: string }[] }).conditions[0].status = 'True';
      c.api.objects.delete(podPath('kube-system', 'coredns-1'));
    }
  });

  test('a group short of instances says why, from its failed scaling activities', async () => {
    c.proxy.shortfall.set(nodesGroup(), 1);
    c.proxy.activities.set(nodesGroup(), [
      {
        statusCode: 'Failed',
        statusMessage: 'We currently do not have sufficient t3.medium capacity in the Availability Zone you requested (us-east-1a).',
        description: 'Launching a new EC2 instance.  Status Reason: insufficient capacity',
        startTime: '2026-12-06T03:00:00Z',
      },
      { statusCode: 'Successful', statusMessage: '', description: 'Launching a new EC2 instance: i-0old', startTime: '2026-12-06T02:00:00Z' },
    ]);
    try {
      const r = await c.run('validate', 'cluster', '--api-server', c.api.url);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(
        `InstanceGroup "nodes-us-east-1a" did not have enough nodes 2 vs 3: ${nodesGroup()} could not launch instances: We currently do not have sufficient t3.medium capacity`,
      );
      expect(r.stdout).toMatch(/\nValidation Failed\n$/);
    } finally {
      c.proxy.shortfall.clear();
      c.proxy.activities.clear();
    }
  });

  test('--wait retries until the cluster is valid, and --count asks for consecutive passes', async () => {
    const [node] = c.api.list('/api/v1/nodes').filter((n) => !('node-role.kubernetes.io/control-plane' in (n.metadata.labels as object)));
    (node.status as { conditions: { status: string }[] }).conditions[0].status = 'False';
    // The node becomes ready once the first validation has seen it not ready.
    const listed = () => c.api.requests.filter((q) => q.path === '/api/v1/nodes').length;
    const before = listed();
    const healed = setInterval(() => {
      if (listed() > before) (node.status as { conditions: { status: string }[] }).conditions[0].status = 'True';
    }, 20);
    try {
      const r = ok(await c.run('validate', 'cluster', '--api-server', c.api.url, '--wait', '2m', '--interval', '500ms', '--count', '2'));
      expect(r.stderr).toContain('(will retry): cluster not yet healthy');
      expect(r.stderr).toContain('(will retry): cluster passed validation 1 consecutive times');
      expect(r.stdout.match(/Validation Failed/g)?.length).toBeGreaterThan(0);
      expect(r.stdout).toMatch(/Your cluster op\.k8s\.local is ready\n$/);
    } finally {
      clearInterval(healed);
    }
  });

  test('an unreachable API server is one clear line naming the endpoint', async () => {
    const r = await c.run('validate', 'cluster', '--api-server', 'https://127.0.0.1:1');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')[0]).toBe('error: cannot reach the Kubernetes API at https://127.0.0.1:1: connection refused');
  });
});
