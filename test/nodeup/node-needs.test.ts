import { describe, expect, test } from 'vitest';
import { kubeSchedulerConfigFile } from '../../src/model/bootstrap/kube-scheduler.js';
import { buildNodeupConfig } from '../../src/model/bootstrap/nodeupconfig.js';
import { cloudConfigTasks } from '../../src/nodeup/builders/cloud-config.js';
import type { BuildContext } from '../../src/nodeup/builders/context.js';
import { volumeMountTasks } from '../../src/nodeup/builders/volumes.js';
import { parseNodeupConfig, type NodeRole } from '../../src/nodeup/config.js';
import { goldenBootstrapCase } from '../helpers/golden-cases.js';

function host(role: NodeRole, extra: Record<string, unknown>): BuildContext {
  const config = parseNodeupConfig(
    JSON.stringify({ ClusterName: 'c.example.com', KubernetesVersion: '1.34.0', KubeletConfig: { cloudProvider: 'external' }, Assets: { amd64: [] }, ...extra }),
    'test',
  );
  return { config, role, host: { distribution: 'ubuntu', architecture: 'amd64' }, assets: {}, remote: new Map(), cloudProvider: 'aws' };
}

const minimal = goldenBootstrapCase('minimal-aws');
const groupNamed = (name: string) => minimal.instanceGroups.find((ig) => ig.metadata.name === name)!;
const controlPlaneGroup = minimal.instanceGroups.find((ig) => ig.spec.role === 'Master' || ig.spec.role === 'ControlPlane')!;

describe('the nodeup configuration (as the Go NewConfig builds it)', () => {
  test("the group's containerd settings are merged over the cluster's, field by field", () => {
    const cluster = { ...minimal.cluster, spec: { ...minimal.cluster.spec, containerd: { logLevel: 'info', registryMirrors: { 'docker.io': ['https://a'] }, runc: { version: '1.4.3' }, version: '2.1.0' } } };
    const nodes = { ...groupNamed('nodes'), spec: { ...groupNamed('nodes').spec, containerd: { logLevel: 'debug', registryMirrors: { 'quay.io': ['https://b'] } } } };
    expect(buildNodeupConfig(cluster, nodes, minimal.ctx).containerdConfig).toEqual({
      logLevel: 'debug',
      registryMirrors: { 'docker.io': ['https://a'], 'quay.io': ['https://b'] },
      runc: { version: '1.4.3' },
      version: '2.1.0',
    });
  });

  test('gVisor only for node groups that enable it, on the default platform; NVIDIA settings get the default driver', () => {
    const gpu = { containerd: { gvisor: { enabled: true }, nvidiaGPU: { enabled: true } } };
    const nodes = { ...groupNamed('nodes'), spec: { ...groupNamed('nodes').spec, ...gpu } };
    const config = buildNodeupConfig(minimal.cluster, nodes, minimal.ctx);
    expect(config.GVisor).toEqual({ enabled: true, platform: 'systrap' });
    expect(config.NvidiaGPU).toEqual({ enabled: true, package: 'nvidia-driver-535-server' });
    const controlPlane = { ...controlPlaneGroup, spec: { ...controlPlaneGroup.spec, ...gpu } };
    const cpConfig = buildNodeupConfig(minimal.cluster, controlPlane, minimal.ctx);
    expect(cpConfig.GVisor).toBeUndefined();
    expect((cpConfig.containerdConfig as Record<string, unknown>).gvisor).toBeUndefined();
  });

  test('no kube-proxy on control planes isolated from the pod network, nor anywhere when it is disabled', () => {
    const cluster = (extra: Record<string, unknown>) => ({ ...minimal.cluster, spec: { ...minimal.cluster.spec, ...extra } });
    expect(buildNodeupConfig(cluster({ isolateMasters: true }), controlPlaneGroup, minimal.ctx).KubeProxy).toBeNull();
    expect(buildNodeupConfig(cluster({ isolateMasters: true }), groupNamed('nodes'), minimal.ctx).KubeProxy).not.toBeNull();
    expect(buildNodeupConfig(cluster({ kubeProxy: { enabled: false } }), groupNamed('nodes'), minimal.ctx).KubeProxy).toBeNull();
  });

  test('OIDC settings given on kubeAPIServer travel as Authentication.oidc, as the internal API holds them', () => {
    const kubeAPIServer = { ...minimal.cluster.spec.kubeAPIServer, oidcClientID: 'c', oidcGroupsClaim: 'g1,g2', oidcRequiredClaim: ['b=2', 'a=x=y'] };
    const cluster = { ...minimal.cluster, spec: { ...minimal.cluster.spec, kubeAPIServer } };
    const api = buildNodeupConfig(cluster, controlPlaneGroup, minimal.ctx).APIServerConfig as Record<string, Record<string, unknown>>;
    expect(api.Authentication.oidc).toEqual({ clientID: 'c', groupsClaims: ['g1', 'g2'], requiredClaims: { a: 'x=y', b: '2' } });
    expect(Object.keys(api.KubeAPIServer).filter((k) => k.startsWith('oidc'))).toEqual([]);
  });

  test("API-server hosts carry the cloud-controller settings of spec.cloudConfig; worker nodes do not", () => {
    const cloudConfig = { disableSecurityGroupIngress: true, elbSecurityGroup: 'sg-1', nlbSecurityGroupMode: 'Managed', nodeIPFamilies: ['ipv4'] };
    const cluster = { ...minimal.cluster, spec: { ...minimal.cluster.spec, cloudConfig } };
    expect(buildNodeupConfig(cluster, controlPlaneGroup, minimal.ctx)).toMatchObject(cloudConfig);
    expect(buildNodeupConfig(cluster, groupNamed('nodes'), minimal.ctx).elbSecurityGroup).toBeUndefined();
  });
});

test('the scheduler config file takes the client qps as a number and a non-zero burst; two scheduler configs are refused', () => {
  const cluster = (kubeScheduler: Record<string, unknown>) => ({ ...minimal.cluster, spec: { ...minimal.cluster.spec, kubeScheduler } });
  expect(kubeSchedulerConfigFile(cluster({ qps: '500m', burst: 0 }), []).content).toBe(
    'apiVersion: kubescheduler.config.k8s.io/v1\nclientConnection:\n  kubeconfig: /var/lib/kube-scheduler/kubeconfig\n  qps: 0.5\nkind: KubeSchedulerConfiguration\n',
  );
  const given = { apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', metadata: { name: 'x' }, spec: {} };
  expect(() => kubeSchedulerConfigFile(cluster({}), [given, given] as never)).toThrow(/multiple KubeSchedulerConfiguration/);
});

describe('what nodeup writes for it', () => {
  test('cloud.config holds the AWS settings on API-server hosts, one NodeIPFamilies line per family', () => {
    const [task] = cloudConfigTasks(host('ControlPlane', { disableSecurityGroupIngress: true, elbSecurityGroup: 'sg-1', nodeIPFamilies: ['ipv6', 'ipv4'] }));
    expect(task).toEqual({
      kind: 'File',
      path: '/etc/kubernetes/cloud.config',
      type: 'file',
      contents: '[global]\nDisableSecurityGroupIngress = true\nElbSecurityGroup = sg-1\nNodeIPFamilies = ipv6\nNodeIPFamilies = ipv4\n',
    });
    expect(cloudConfigTasks(host('ControlPlane', {}))[0]).toMatchObject({ contents: '[global]\n\n' });
  });

  test('no cloud.config on worker nodes whose kubelet uses the external cloud provider', () => {
    expect(cloudConfigTasks(host('Node', {}))).toEqual([]);
  });

  test('volume mounts become mount tasks, ext4 unless a filesystem is named', () => {
    const ctx = host('Node', { VolumeMounts: [{ device: '/dev/xvdd', path: '/data', mountOptions: ['noatime'] }, { device: '/dev/xvde', path: '/logs', filesystem: 'xfs' }] });
    expect(volumeMountTasks(ctx)).toEqual([
      { kind: 'VolumeMount', name: '/data', device: '/dev/xvdd', filesystem: 'ext4', mountOptions: ['noatime'] },
      { kind: 'VolumeMount', name: '/logs', device: '/dev/xvde', filesystem: 'xfs', mountOptions: [] },
    ]);
  });
});
