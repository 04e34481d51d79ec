import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { Cluster, InstanceGroup } from '../../../src/apis/types.js';
import type { Cloud } from '../../../src/cloud/types.js';
import { UserError } from '../../../src/errors.js';
import { updateCluster } from '../../../src/ops/update/update.js';
import { ClusterStore } from '../../../src/statestore/clientset.js';
import { openVfs, resetMemfs } from '../../../src/statestore/index.js';
import { HARNESS_KOPS_VERSION, HARNESS_NODEUP_SHA256, readCaseInput } from '../../helpers/golden-cases.js';
import { fixtureAwsCloud } from '../../conformance/fixtures/aws-world.js';
import { fixtureGceWorld } from '../../conformance/fixtures/gce-world.js';

const ROOT = 'memfs://clusters.example.com';
const out = mkdtempSync(join(tmpdir(), 'kops-completed-validation-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The fixture AWS world, counting every time the direct target asks for the cloud's provider. */
function countingCloud(): { cloud: Cloud; directCalls: () => number } {
  const base = fixtureAwsCloud();
  let calls = 0;
  return {
    cloud: { ...base, direct: () => (calls++, base.direct()) },
    directCalls: () => calls,
  };
}

async function storeWith(cluster: Cluster, groups: InstanceGroup[]): Promise<ClusterStore> {
  const store = new ClusterStore(openVfs(ROOT));
  await store.createCluster(cluster);
  for (const ig of groups) await store.createInstanceGroup(cluster.metadata.name, ig);
  return store;
}

const stateFiles = async () => (await openVfs(ROOT).readTree()).map((p) => p.url);

interface Attempt {
  error?: unknown;
  /** State-store objects written by the update. */
  written: string[];
  outDir: string;
  directCalls: number;
}

async function update(cluster: Cluster, groups: InstanceGroup[], target: 'direct' | 'terraform'): Promise<Attempt> {
  const store = await storeWith(cluster, groups);
  const before = await stateFiles();
  const { cloud, directCalls } = countingCloud();
  const outDir = join(out, `${cluster.metadata.name}-${Math.random().toString(36).slice(2)}`);
  const error = await updateCluster(store, cluster.metadata.name, {
    target,
    yes: true,
    out: outDir,
    env: { NODEUP_HASH_AMD64: HARNESS_NODEUP_SHA256.amd64, NODEUP_HASH_ARM64: HARNESS_NODEUP_SHA256.arm64, KOPS_RUN_TOO_NEW_VERSION: '1' },
    cloud: cluster.spec.cloudProvider === 'gce' ? undefined : cloud,
    gceLookup: fixtureGceWorld(),
    kopsVersion: HARNESS_KOPS_VERSION,
    fetchText: async (url) => {
      throw new Error(`offline (${url})`);
    },
    print: () => {},
    log: () => {},
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const written = (await stateFiles()).filter((f) => !before.includes(f));
  return { error, written, outDir, directCalls: directCalls() };
}

function goldenCase(name: string): { cluster: Cluster; groups: InstanceGroup[] } {
  const { cluster, instanceGroups } = readCaseInput(name);
  return { cluster: structuredClone(cluster), groups: structuredClone(instanceGroups) };
}

function expectRefused(attempt: Attempt, message: string, hint: RegExp): void {
  expect(attempt.error).toBeInstanceOf(UserError);
  const error = attempt.error as UserError;
  expect(error.message).toContain(message);
  expect(error.hint).toMatch(hint);
  expect(attempt.written).toEqual([]);
  expect(existsSync(attempt.outDir)).toBe(false);
  expect(attempt.directCalls).toBe(0);
}

describe('update cluster validates the completed spec as the Go kops does (strict), before writing anything', () => {
  beforeEach(() => resetMemfs());

  test('a service range the subnets overlap is refused once populate has kept it (AWS, direct --yes: no cloud call)', async () => {
    const { cluster, groups } = goldenCase('minimal-aws');
    cluster.spec.serviceClusterIPRange = '172.20.0.0/16';
    const attempt = await update(cluster, groups, 'direct');
    expectRefused(
      attempt,
      'Cluster "minimal-aws.example.com": spec.subnets[0].cidr: Forbidden: subnet "us-test-1a" cidr "172.20.32.0/19" must not overlap serviceClusterIPRange "172.20.0.0/16"',
      /serviceClusterIPRange outside the VPC/,
    );
  });

  test('a control-plane group that no etcd member runs on is refused (DeepValidate)', async () => {
    const { cluster, groups } = goldenCase('minimal-aws');
    const extra = structuredClone(groups.find((g) => g.spec.role === 'Master')!);
    extra.metadata.name = 'master-us-test-1b';
    const attempt = await update(cluster, [...groups, extra], 'terraform');
    expectRefused(
      attempt,
      'InstanceGroup "master-us-test-1b": metadata.name: Forbidden: InstanceGroup "master-us-test-1b" with role ControlPlane must have a member in etcd (IG: "master-us-test-1a") cluster "main"',
      /add a member with instanceGroup: master-us-test-1b/,
    );
  });

  test('a DNS server address outside the completed service range is refused', async () => {
    const { cluster, groups } = goldenCase('minimal-aws');
    cluster.spec.serviceClusterIPRange = '10.96.0.0/12';
    cluster.spec.kubeDNS = { serverIP: '100.64.0.10' };
    const attempt = await update(cluster, groups, 'terraform');
    expectRefused(attempt, 'spec.kubeDNS.serverIP: Forbidden: ServiceClusterIPRange "10.96.0.0/12" must contain the DNS Server IP "100.64.0.10"', /inside 10\.96\.0\.0\/12/);
  });

  test('GCE: a DNS server address outside the completed service range is refused', async () => {
    const { cluster, groups } = goldenCase('minimal_gce');
    cluster.spec.kubeDNS = { serverIP: '10.0.0.10' };
    const attempt = await update(cluster, groups, 'terraform');
    expectRefused(attempt, 'Cluster "minimal-gce.example.com": spec.kubeDNS.serverIP: Forbidden: ServiceClusterIPRange "100.64.0.0/13" must contain the DNS Server IP "10.0.0.10"', /inside 100\.64\.0\.0\/13/);
  });
});
