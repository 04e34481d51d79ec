import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { applyTasks } from '../../src/nodeup/apply.js';
import { buildTasks } from '../../src/nodeup/build.js';
import type { BuildContext } from '../../src/nodeup/builders/context.js';
import { parseNodeupConfig, roleOf, type NodeupConfig } from '../../src/nodeup/config.js';
import { nodeNameOf, readHostIdentity, withHostIdentity } from '../../src/nodeup/host-identity.js';
import { completeWarmPoolLifecycleAction, type LifecycleHookClient } from '../../src/nodeup/lifecycle-hook.js';
import { awsMetadata, type MetadataReader } from '../../src/nodeup/metadata.js';
import { instanceGroupOf } from '../../src/nodeup/source.js';
import { taskKey, type FileTask, type Task } from '../../src/nodeup/tasks.js';

const scratch = mkdtempSync(join(tmpdir(), 'nodeup-identity-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function config(extra: Record<string, unknown> = {}): NodeupConfig {
  return parseNodeupConfig(
    JSON.stringify({ ClusterName: 'c.example.com', KubernetesVersion: '1.34.0', KubeletConfig: { hostnameOverride: 'from-config' }, Assets: { amd64: [] }, KubeProxy: { image: 'registry.k8s.io/kube-proxy:v1.34.0', bindAddress: '@aws' }, ...extra }),
    'test',
  );
}

/** A metadata service answering from a table (a missing entry is a 404). */
const fakeMetadata = (values: Record<string, string>): MetadataReader => async (path) => values[path];

const EC2 = { 'instance-id': 'i-0abc', 'local-hostname': 'ip-10-1-2-3.eu-west-1.compute.internal', 'local-ipv4': '10.1.2.3', 'placement/region': 'eu-west-1' };

const file = (tasks: Task[], path: string) => String(tasks.find((t): t is FileTask => t.kind === 'File' && t.path === path)?.contents);

describe('the node name (evaluateHostnameOverride in nodeup/command.go)', () => {
  test('AWS: the instance ID; with useIPBasedNodeNames the EC2 private DNS name of the IPv4 address', async () => {
    expect((await readHostIdentity(config(), 'Node', 'aws', fakeMetadata(EC2))).hostnameOverride).toBe('i-0abc');
    const ipNamed = await readHostIdentity(config({ useIPBasedNodeNames: true }), 'Node', 'aws', fakeMetadata(EC2));
    expect(ipNamed.hostnameOverride).toBe('ip-10-1-2-3.eu-west-1.compute.internal');
    const virginia = await readHostIdentity(config({ useIPBasedNodeNames: true }), 'Node', 'aws', fakeMetadata({ ...EC2, 'placement/region': 'us-east-1' }));
    expect(virginia.hostnameOverride).toBe('ip-10-1-2-3.ec2.internal');
  });

  test('AWS: an instance with a resource-based hostname cannot take an IP-based name', async () => {
    const run = readHostIdentity(config({ useIPBasedNodeNames: true }), 'Node', 'aws', fakeMetadata({ ...EC2, 'local-hostname': 'i-0abc.eu-west-1.compute.internal' }));
    await expect(run).rejects.toThrow(/instance i-0abc was launched with a resource-based hostname.*useIPBasedNodeNames/);
  });

  test('GCE: the first label of the instance hostname; other clouds: none, replacing the config value', async () => {
    expect((await readHostIdentity(config({ KubeProxy: null }), 'Node', 'gce', fakeMetadata({ 'instance/hostname': 'nodes-abcd.c.project.internal' }))).hostnameOverride).toBe('nodes-abcd');
    const none = await readHostIdentity(config({ KubeProxy: null }), 'Node', 'openstack', fakeMetadata({}));
    expect(withHostIdentity(config({ KubeProxy: null }), none).KubeletConfig.hostnameOverride).toBe('');
    expect(nodeNameOf(none, ' Host-A ')).toBe('host-a');
  });

  test('the kubelet and kube-proxy run under the name, kube-proxy bound to the instance address', async () => {
    const given = config({ useIPBasedNodeNames: true });
    const identity = await readHostIdentity(given, 'Node', 'aws', fakeMetadata(EC2));
    const ctx: BuildContext = { config: withHostIdentity(given, identity), role: 'Node', host: { distribution: 'ubuntu', architecture: 'amd64' }, assets: {}, remote: new Map(), cloudProvider: 'aws' };
    const tasks = buildTasks(ctx);
    expect(file(tasks, '/etc/sysconfig/kubelet')).toContain('--hostname-override=ip-10-1-2-3.eu-west-1.compute.internal ');
    const args: string[] = parse(file(tasks, '/etc/kubernetes/manifests/kube-proxy.manifest')).spec.containers[0].args;
    expect(args).toEqual(expect.arrayContaining(['--bind-address=10.1.2.3', '--hostname-override=ip-10-1-2-3.eu-west-1.compute.internal']));
  });
});

describe('warm pool (warm_pool.go, getAWSConfigurationMode)', () => {
  const images = { warmPoolImages: ['registry.k8s.io/kube-proxy:v1.34.0', 'docker.io/library/nginx:1.27'] };

  test('a worker with warm-pool images is warming while its group keeps it Warmed:*; control planes never', async () => {
    const warmed = fakeMetadata({ ...EC2, 'autoscaling/target-lifecycle-state': 'Warmed:Stopped' });
    expect((await readHostIdentity(config(images), 'Node', 'aws', warmed)).warming).toBe(true);
    expect((await readHostIdentity(config(images), 'ControlPlane', 'aws', warmed)).warming).toBe(false);
    expect((await readHostIdentity(config(images), 'Node', 'aws', fakeMetadata({ ...EC2, 'autoscaling/target-lifecycle-state': 'InService' }))).warming).toBe(false);
    expect((await readHostIdentity(config(images), 'Node', 'aws', fakeMetadata(EC2))).warming).toBe(false);
    expect((await readHostIdentity(config(), 'Node', 'aws', warmed)).warming).toBe(false);
  });

  test('warming: the images are pulled once containerd runs, and the kubelet stays stopped', async () => {
    const given = config(images);
    const ctx: BuildContext = { config: given, role: roleOf(given), host: { distribution: 'ubuntu', architecture: 'amd64', warming: true }, assets: {}, remote: new Map(), cloudProvider: 'aws' };
    const tasks = buildTasks(ctx);
    expect(tasks.map(taskKey).filter((k) => k.startsWith('PullImage/'))).toEqual(['PullImage/registry.k8s.io/kube-proxy:v1.34.0', 'PullImage/docker.io/library/nginx:1.27']);
    const ran: string[] = [];
    await applyTasks(tasks, { root: join(scratch, 'warm'), dryRun: false, unitDir: '/lib/systemd/system', runCommand: async (argv) => void ran.push(argv.join(' ')) });
    const containerdStart = ran.indexOf('systemctl restart containerd.service');
    expect(containerdStart).toBeGreaterThanOrEqual(0);
    expect(ran.slice(-2)).toEqual(['ctr --namespace k8s.io images pull docker.io/library/nginx:1.27', 'ctr --namespace k8s.io images pull registry.k8s.io/kube-proxy:v1.34.0']);
    expect(ran.filter((c) => c.includes('kubelet.service'))).toEqual([]);

    const live = buildTasks({ ...ctx, host: { ...ctx.host, warming: false } });
    expect(live.filter((t) => t.kind === 'PullImage')).toEqual([]);
    expect(buildTasks({ ...ctx, cloudProvider: 'gce' }).filter((t) => t.kind === 'PullImage')).toEqual([]);
  });
});

describe('completing the warm-pool lifecycle action (completeWarmingLifecycleAction in command.go)', () => {
  const recorder = (hooks: string[]) => {
    const calls: string[] = [];
    const client: LifecycleHookClient = {
      hookExists: async (asg, hook) => (calls.push(`describe ${asg} ${hook}`), hooks.includes(`${asg}/${hook}`)),
      complete: async (asg, hook, instance) => void calls.push(`complete ${asg} ${hook} ${instance} CONTINUE`),
    };
    return { calls, client };
  };

  test('the group <instance group>.<cluster> is told to continue when it has the kops-warmpool hook', async () => {
    const { calls, client } = recorder(['nodes.c.example.com/kops-warmpool']);
    expect(await completeWarmPoolLifecycleAction(client, 'nodes', 'c.example.com', 'i-0abc')).toBe(true);
    expect(calls).toEqual(['describe nodes.c.example.com kops-warmpool', 'complete nodes.c.example.com kops-warmpool i-0abc CONTINUE']);
  });

  test('a group without the hook is left alone', async () => {
    const { calls, client } = recorder([]);
    expect(await completeWarmPoolLifecycleAction(client, 'nodes', 'c.example.com', 'i-0abc')).toBe(false);
    expect(calls).toEqual(['describe nodes.c.example.com kops-warmpool']);
  });

  test('the instance group comes from a config path in the kops layout', () => {
    expect(instanceGroupOf('s3://bucket/c.example.com/igconfig/node/nodes-us-east-1a/nodeupconfig.yaml')).toBe('nodes-us-east-1a');
    expect(instanceGroupOf('/tmp/nodeupconfig.yaml')).toBeUndefined();
  });

  test('on AWS the identity carries the instance ID and region the completion needs', async () => {
    expect(await readHostIdentity(config(), 'Node', 'aws', fakeMetadata(EC2))).toMatchObject({ instanceId: 'i-0abc', region: 'eu-west-1' });
  });
});

test('the EC2 metadata reader takes one session token, and answers undefined for an entry the service lacks', async () => {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.method === 'PUT' && req.url === '/latest/api/token') return res.end('tok');
    if (req.headers['x-aws-ec2-metadata-token'] !== 'tok') return (res.statusCode = 401), res.end();
    if (req.url === '/latest/meta-data/instance-id') return res.end('i-0abc\n');
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const read = awsMetadata(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    expect(await read('instance-id')).toBe('i-0abc');
    expect(await read('autoscaling/target-lifecycle-state')).toBeUndefined();
    expect(seen).toEqual(['PUT /latest/api/token', 'GET /latest/meta-data/instance-id', 'GET /latest/meta-data/autoscaling/target-lifecycle-state']);
  } finally {
    server.close();
  }
});
