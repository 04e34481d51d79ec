import { describe, expect, test } from 'vitest';
import { buildNodeupConfig } from '../../src/model/bootstrap/nodeupconfig.js';
import { kubeRouterTasks } from '../../src/nodeup/builders/kube-router.js';
import type { BuildContext } from '../../src/nodeup/builders/context.js';
import { parseNodeupConfig } from '../../src/nodeup/config.js';
import { goldenBootstrapCase } from '../helpers/golden-cases.js';

function node(networking: Record<string, unknown>): BuildContext {
  const config = parseNodeupConfig(
    JSON.stringify({ ClusterName: 'c.example.com', KubernetesVersion: '1.34.0', KubeletConfig: {}, Assets: { amd64: [] }, Networking: networking }),
    'test',
  );
  return { config, role: 'Node', host: { distribution: 'ubuntu', architecture: 'amd64' }, assets: {}, remote: new Map() };
}

describe('kube-router on the node', () => {
  test('the nodeup config tells nodes the cluster runs kube-router', () => {
    const c = goldenBootstrapCase('minimal-aws');
    const cluster = { ...c.cluster, spec: { ...c.cluster.spec, networking: { kuberouter: { useNFTablesForNetpol: true } } } };
    const nodes = c.instanceGroups.find((ig) => ig.metadata.name === 'nodes')!;
    expect((buildNodeupConfig(cluster, nodes, c.ctx).Networking as Record<string, unknown>).kubeRouter).toEqual({});
  });

  test('nodeup writes the kube-router kubeconfig (system:kube-router) before the kubelet starts', () => {
    const tasks = kubeRouterTasks(node({ kubeRouter: {} }));
    expect(tasks.find((t) => t.kind === 'IssueCert')).toMatchObject({ subject: { CommonName: 'system:kube-router' }, type: 'client' });
    expect(tasks.find((t) => t.kind === 'File')).toMatchObject({ path: '/var/lib/kube-router/kubeconfig', mode: '0400', beforeServices: ['kubelet.service'] });
    expect(kubeRouterTasks(node({ calico: {} }))).toEqual([]);
  });
});
