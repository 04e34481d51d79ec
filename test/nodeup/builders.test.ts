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

  test('Flatcar hosts mask the reboot scheduler with a unit of their own, unless a hook of that name replaces it (update_service.go)', () => {
    const service = buildTasks(context({}, { distribution: 'flatcar' })).find((t) => t.kind === 'Service' && t.name === 'update-service.service');
    expect(service).toEqual({
      kind: 'Service',
      name: 'update-service.service',
      definition: '[Unit]\nDescription=Disable OS Update Scheduler\nBefore=locksmithd.service\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/systemctl mask --now locksmithd.service\n',
      running: true,
      enabled: true,
      manageState: true,
      smartRestart: true,
    });
    const hooked = buildTasks(context({ Hooks: [[{ name: 'update-service', manifest: 'ExecStart=/bin/true' }]] }, { distribution: 'flatcar' }));
    expect(hooked.filter((t) => t.kind === 'Service' && t.name === 'update-service.service').map((t) => t.kind === 'Service' && t.definition)).toEqual([expect.stringContaining('Kops Hook update-service')]);
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

describe('component flags come from the struct tags, not the field names', () => {
  const controlPlane = (extra: Record<string, unknown>) => {
    const ctx = context({
      APIServerConfig: { ClusterDNSDomain: 'cluster.local', KubeAPIServer: { enableProfiling: false, logFormat: 'json', etcdServers: ['https://127.0.0.1:4001'] } },
      ControlPlaneConfig: { KubeControllerManager: { kubeAPIQPS: '500m', enableProfiling: false }, KubeScheduler: { enableProfiling: false, logFormat: 'text' } },
      ...extra,
    });
    return { ...ctx, role: 'ControlPlane' as const };
  };
  const args = (tasks: Task[], path: string): string[] => parse(String(file(tasks, path)?.contents)).spec.containers[0].args;

  test('kube-apiserver: --profiling and --logging-format, with the etcd client paths nodeup writes', () => {
    const flags = args(buildTasks(controlPlane({})), '/etc/kubernetes/manifests/kube-apiserver.manifest');
    expect(flags).toContain('--profiling=false');
    expect(flags).toContain('--logging-format=json');
    expect(flags).toContain('--etcd-cafile=/srv/kubernetes/kube-apiserver/etcd-ca.crt');
    expect(flags.filter((f) => /enable-profiling|log-format|etcd-ca-file/.test(f))).toEqual([]);
  });

  test('kube-controller-manager: --kube-api-qps as a decimal; kube-scheduler leaves the default log format out', () => {
    const tasks = buildTasks(controlPlane({}));
    expect(args(tasks, '/etc/kubernetes/manifests/kube-controller-manager.manifest')).toEqual(expect.arrayContaining(['--kube-api-qps=0.500', '--profiling=false']));
    const scheduler = args(tasks, '/etc/kubernetes/manifests/kube-scheduler.manifest');
    expect(scheduler).toContain('--profiling=false');
    expect(scheduler.filter((f) => f.startsWith('--logging-format'))).toEqual([]);
  });

  test('kubelet: flag fields in /etc/sysconfig/kubelet, config-file fields in kubelet.conf only', () => {
    const tasks = buildTasks(context({ KubeletConfig: { maxPods: 50, cpuCFSQuotaPeriod: '100ms', hostnameOverride: 'node-a', logLevel: 2, nodeLabels: { a: 'b' } } }));
    const sysconfig = String(file(tasks, '/etc/sysconfig/kubelet')?.contents);
    expect(sysconfig).toContain('--hostname-override=node-a --runtime-request-timeout=15m0s --v=2 --config=/var/lib/kubelet/kubelet.conf');
    expect(sysconfig).not.toMatch(/max-pods|node-labels|cpu-cfs/);
    const conf = parse(String(file(tasks, '/var/lib/kubelet/kubelet.conf')?.contents));
    expect(conf).toMatchObject({ maxPods: 50, cpuCFSQuotaPeriod: '100ms', resolvConf: '/run/systemd/resolve/resolv.conf', shutdownGracePeriod: '0s' });
  });
});

test('hook images are made explicit for ctr', () => {
  expect(qualifiedImage('busybox')).toBe('docker.io/library/busybox:latest');
  expect(qualifiedImage('org/tool:1.0')).toBe('docker.io/org/tool:1.0');
  expect(qualifiedImage('registry.example.com/tool')).toBe('registry.example.com/tool:latest');
  expect(qualifiedImage('localhost:5000/tool@sha256:ab')).toBe('localhost:5000/tool@sha256:ab');
});
