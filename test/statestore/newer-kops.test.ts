/**
 * Objects a newer kops wrote: fields this version does not know are read with one warning naming them, and written
 * back unchanged; input from the user stays strict.
 */
import { beforeEach, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { ClusterStore } from '../../src/statestore/clientset.js';
import { openVfs, resetMemfs } from '../../src/statestore/index.js';

const CLUSTER = `apiVersion: kops.k8s.io/v1alpha2
kind: Cluster
metadata:
  creationTimestamp: "2026-01-01T00:00:00Z"
  name: newer.example.com
spec:
  cloudProvider: aws
  futureSetting:
    mode: fast
    levels:
    - 1
    - 2
  kubernetesVersion: 1.34.0
  kubelet:
    futureFlag: true
  subnets:
  - cidr: 172.20.32.0/19
    futureSubnetOption: x
    name: us-test-1a
    type: Public
    zone: us-test-1a
`;

const GROUP = `apiVersion: kops.k8s.io/v1alpha2
kind: InstanceGroup
metadata:
  creationTimestamp: "2026-01-01T00:00:00Z"
  name: nodes
spec:
  futureGroupField: 3
  maxSize: 1
  minSize: 1
  role: Node
`;

let warnings: string[];
let store: ClusterStore;
beforeEach(async () => {
  resetMemfs();
  warnings = [];
  store = new ClusterStore(openVfs('memfs://newer/state'), { warn: (m) => warnings.push(m) });
  await store.paths('newer.example.com').config.write(CLUSTER);
  await store.paths('newer.example.com').instanceGroup('nodes').write(GROUP);
});

test('a cluster with unknown fields is read with one warning naming each of them', async () => {
  const cluster = await store.requireCluster('newer.example.com');
  await store.getCluster('newer.example.com');
  expect(warnings).toEqual([
    'Cluster "newer.example.com" in memfs://newer/state/newer.example.com/config has fields this version of kops does not know: ' +
      'spec.futureSetting, spec.kubelet.futureFlag, spec.subnets[0].futureSubnetOption; they are kept unchanged',
  ]);
  expect(cluster.spec.kubernetesVersion).toBe('1.34.0');
  await store.getInstanceGroup('newer.example.com', 'nodes');
  expect(warnings[1]).toContain('InstanceGroup "nodes"');
  expect(warnings[1]).toContain('spec.futureGroupField;');
});

test('writing the objects back keeps the unknown fields as they were', async () => {
  const cluster = await store.requireCluster('newer.example.com');
  cluster.spec.kubernetesVersion = '1.34.1';
  await store.updateCluster(cluster);
  const written = (await store.paths('newer.example.com').config.read()).toString();
  expect(written).toContain('  futureSetting:\n    levels:\n    - 1\n    - 2\n    mode: fast\n');
  expect(written).toContain('  kubelet:\n    futureFlag: true\n');
  expect(written).toContain('    futureSubnetOption: x\n');
  expect(written).toContain('  kubernetesVersion: 1.34.1\n');

  const group = (await store.getInstanceGroup('newer.example.com', 'nodes'))!;
  group.spec.maxSize = 2;
  await store.updateInstanceGroup('newer.example.com', group);
  expect((await store.paths('newer.example.com').instanceGroup('nodes').read()).toString()).toContain('  futureGroupField: 3\n');
});

async function cli(argv: string[], input = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    env: { KOPS_STATE_STORE: 'memfs://newer/state', HOME: '/nonexistent' },
    clock: () => new Date('2026-02-01T00:00:00Z'),
    readStdin: async () => input,
  }).catch((e: Error) => {
    stderr += e.message;
    return 1;
  });
  return { code, stdout, stderr };
}

test('kops get warns and shows the fields; the user typing the same unknown field is refused', async () => {
  const got = await cli(['get', 'cluster', 'newer.example.com', '-o', 'yaml']);
  expect(got.code).toBe(0);
  expect(got.stderr).toContain('warning: Cluster "newer.example.com" in memfs://newer/state/newer.example.com/config has fields this version of kops does not know: spec.futureSetting');
  expect(got.stdout).toContain('futureSetting:');

  const created = await cli(['create', '-f', '-'], CLUSTER.replace(/newer\.example\.com/g, 'typed.example.com'));
  expect(created.code).not.toBe(0);
  expect(created.stderr).toContain('spec.futureSetting: unknown field');
});
