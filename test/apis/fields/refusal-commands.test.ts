/** The refusal check guards every command that writes or builds a cluster: replace -f, edit --set and update. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { runCli } from '../../../src/cli/run.js';
import { openVfs, resetMemfs } from '../../../src/statestore/index.js';
import { BASELINE_DIR } from './harness.js';

const STATE = 'memfs://refusal-test/state';
const CLUSTER = 'minimal-aws.example.com';
const baseline = readFileSync(join(BASELINE_DIR, 'in-v1alpha2.yaml'), 'utf8');

async function kops(argv: string[], input = '') {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => void (stdout += t) },
    stderr: { write: (t: string) => void (stderr += t) },
    env: { KOPS_STATE_STORE: STATE, HOME: '/nonexistent', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_ENDPOINT_URL: 'http://127.0.0.1:1' },
    clock: () => new Date('2024-01-01T00:00:00Z'),
    readStdin: async () => input,
  };
  const code = await runCli(argv, io).catch((e: Error) => {
    stderr += e.message;
    return 1;
  });
  return { code, stdout, stderr };
}

const config = () => openVfs(`${STATE}/${CLUSTER}/config`);

beforeEach(async () => {
  resetMemfs();
  expect((await kops(['create', '-f', '-'], baseline)).code).toBe(0);
});

test('replace -f with another cloud\'s block fails naming it, and the stored cluster is unchanged', async () => {
  const before = (await config().read()).toString();
  const result = await kops(['replace', '-f', '-'], baseline.replace('  cloudProvider: aws\n', '  cloudProvider: aws\n  cloudConfig:\n    openstack:\n      insecureSkipVerify: true\n'));
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(`Cluster "${CLUSTER}": spec.cloudConfig.openstack.insecureSkipVerify is a setting of openstack clusters, and this cluster runs on aws`);
  expect((await config().read()).toString()).toBe(before);
});

test('edit cluster --set of a field kops refuses fails naming it, and nothing is written', async () => {
  const before = (await config().read()).toString();
  const result = await kops(['edit', 'cluster', CLUSTER, '--set', 'spec.networking.weave.mtu=1400']);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain('spec.networking.weave.mtu is forbidden: Weave is no longer supported');
  expect((await config().read()).toString()).toBe(before);
});

test('update cluster stops before any cloud call when the stored cluster holds a refused field', async () => {
  const stored = (await config().read()).toString();
  await config().write(stored.replace('  cloudProvider: aws\n', '  cloudProvider: aws\n  docker:\n    version: 20.10.0\n'));
  const result = await kops(['update', 'cluster', CLUSTER]);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(`cluster ${CLUSTER} in the state store: Cluster "${CLUSTER}": spec.docker.version is forbidden: Docker CRI support was removed in Kubernetes 1.24`);
});
