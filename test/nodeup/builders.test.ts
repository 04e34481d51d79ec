import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { buildTasks } from '../../src/nodeup/build.js';
import type { BuildContext } from '../../src/nodeup/builders/context.js';
import { qualifiedImage } from '../../src/nodeup/builders/hooks.js';
import { parseNodeupConfig } from '../../src/nodeup/config.js';
import { taskKey, type FileTask, type Task } from '../../src/nodeup/tasks.js';

function context(extra: Record<string, unknown> = {}, host: Partial<BuildContext['host']> = {}): BuildContext {
  const config = parseNodeupConfig(
    JSON.stringify({
      ClusterName: 'c.example.com',
      KubernetesVersion: '1.34.0',
      KubeletConfig: { evictionHard: 'memory.available<100Mi,nodefs.available<10%', featureGates: { A: 'true', B: 'false' }, taints: ['dedicated=gpu:NoSchedule'] },
      Assets: { amd64: [] },
      KubeProxy: null,
      ...extra,
    }),
    'test',
  );
  return { config, role: 'Node', host: { distribution: 'ubuntu', architecture: 'amd64', ...host }, assets: {}, remote: new Map() };
}

const file = (tasks: Task[], path: string) => tasks.find((t): t is FileTask => t.kind === 'File' && t.path === path);

describe('what nodeup derives from its config', () => {
  test('kubelet.conf carries the eviction thresholds, feature gates and taints in component-config form', () => {
    const conf = parse(String(file(buildTasks(context()), '/var/lib/kubelet/kubelet.conf')?.contents));
    expect(conf.evictionHard).toEqual({ 'memory.available': '100Mi', 'nodefs.available': '10%' });
    expect(conf.featureGates).toEqual({ A: true, B: false });
    expect(conf.registerWithTaints).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
  });

  test('no kube-proxy when the cluster disables it; instance-group sysctls are appended', () => {
    const tasks = buildTasks(context({ SysctlParameters: ['net.core.somaxconn = 1024'] }));
    expect(tasks.map(taskKey).filter((k) => k.includes('kube-proxy'))).toEqual([]);
    expect(String(file(tasks, '/etc/sysctl.d/99-k8s-general.conf')?.contents)).toMatch(/# Custom sysctl parameters from instance group spec\nnet.core.somaxconn = 1024\n$/);
  });

  test('file assets are written as given, base64 ones decoded', () => {
    const tasks = buildTasks(context({ FileAssets: [{ path: '/etc/x', content: Buffer.from('hello').toString('base64'), isBase64: true }] }));
    expect(file(tasks, '/etc/x')?.contents).toBe('hello');
  });

  test('Flatcar hosts get a containerd drop-in instead of a unit, and no apt settings', () => {
    const keys = buildTasks(context({}, { distribution: 'flatcar' })).map(taskKey);
    expect(keys).toContain('File//etc/systemd/system/containerd.service.d/10-kops.conf');
    expect(keys).not.toContain('Service/containerd.service');
    expect(keys).not.toContain('File//etc/apt/apt.conf.d/20auto-upgrades');
  });

  test('containerd config additions and registry mirrors land in config.toml as typed TOML', () => {
    const tasks = buildTasks(
      context({
        containerdConfig: {
          version: '2.3.4',
          configAdditions: { 'plugins."io.containerd.cri.v1.runtime".containerd.runtimes.gpu.privileged': 'true', 'plugins.x.count': 2 },
          registryMirrors: { '*': ['https://mirror.example.com'] },
        },
      }),
    );
    const toml = String(file(tasks, '/etc/containerd/config.toml')?.contents);
    expect(toml).toContain('\n        [plugins."io.containerd.cri.v1.runtime".containerd.runtimes.gpu]\n          privileged = true\n');
    expect(toml).toContain('\n  [plugins.x]\n    count = 2\n');
    expect(toml).toContain('config_path = "/etc/containerd/certs.d"');
    expect(file(tasks, '/etc/containerd/certs.d/_default/hosts.toml')?.contents).toBe('[host."https://mirror.example.com"]\n  capabilities = ["pull", "resolve"]\n\n');
  });

  test('a worker node asks for its kubelet client and serving certificates', () => {
    const keys = buildTasks(context()).map(taskKey);
    expect(keys).toEqual(expect.arrayContaining(['IssueCert/kubelet', 'IssueCert/kubelet-server', 'File//var/lib/kubelet/kubeconfig', 'File//srv/kubernetes/kubelet-server.key']));
  });
});

test('hook images are made explicit for ctr', () => {
  expect(qualifiedImage('busybox')).toBe('docker.io/library/busybox:latest');
  expect(qualifiedImage('org/tool:1.0')).toBe('docker.io/org/tool:1.0');
  expect(qualifiedImage('registry.example.com/tool')).toBe('registry.example.com/tool:latest');
  expect(qualifiedImage('localhost:5000/tool@sha256:ab')).toBe('localhost:5000/tool@sha256:ab');
});
