import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Cluster, InstanceGroup } from '../../../src/apis/types.js';
import { UserError } from '../../../src/errors.js';
import { updateCluster } from '../../../src/ops/update/update.js';
import { ClusterStore } from '../../../src/statestore/clientset.js';
import { openVfs, resetMemfs } from '../../../src/statestore/index.js';
import { fixtureAwsCloud } from '../../conformance/fixtures/aws-world.js';
import { fixtureGceWorld } from '../../conformance/fixtures/gce-world.js';
import { fixtureDns } from '../../conformance/fixtures/dns-world.js';
import { openCloud } from '../../../src/cloud/index.js';
import { startGcsFake, type GcsFake } from '../../helpers/gcs-fake.js';
import { HARNESS_KOPS_VERSION, HARNESS_NODEUP_SHA256, readCaseInput } from '../../helpers/golden-cases.js';

const ROOT = 'memfs://clusters.example.com';
const out = mkdtempSync(join(tmpdir(), 'kops-discovery-update-'));
let gcs: GcsFake;

beforeAll(async () => {
  gcs = await startGcsFake();
  vi.stubEnv('STORAGE_EMULATOR_HOST', gcs.endpoint);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await gcs?.stop();
  rmSync(out, { recursive: true, force: true });
});
beforeEach(() => resetMemfs());

async function update(cluster: Cluster, groups: InstanceGroup[], options: { featureFlags?: string } = {}) {
  const store = new ClusterStore(openVfs(ROOT));
  await store.createCluster(cluster);
  for (const ig of groups) await store.createInstanceGroup(cluster.metadata.name, ig);
  const before = (await openVfs(ROOT).readTree()).map((p) => p.url);
  const outDir = join(out, Math.random().toString(36).slice(2));
  const error = await updateCluster(store, cluster.metadata.name, {
    target: 'terraform',
    yes: true,
    out: outDir,
    env: {
      NODEUP_HASH_AMD64: HARNESS_NODEUP_SHA256.amd64,
      NODEUP_HASH_ARM64: HARNESS_NODEUP_SHA256.arm64,
      KOPS_RUN_TOO_NEW_VERSION: '1',
      ...(options.featureFlags ? { KOPS_FEATURE_FLAGS: options.featureFlags } : {}),
    },
    // The GCE cloud of production with the mock's Cloud DNS zone (Cloud Storage is the fake's, through the emulator).
    cloud: cluster.spec.cloudProvider === 'gce' ? { ...openCloud('gce', { project: 'testproject', region: 'us-test1', env: {} }), dns: fixtureDns(await fixtureGceWorld().dnsZones('testproject')) } : fixtureAwsCloud(),
    gceLookup: fixtureGceWorld(),
    kopsVersion: HARNESS_KOPS_VERSION,
    fetchText: async (url) => {
      throw new Error(`offline (${url})`);
    },
    lookupNs: async () => ['ns-1.example.com'],
    print: () => {},
    log: () => {},
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  const written = (await openVfs(ROOT).readTree()).map((p) => p.url).filter((f) => !before.includes(f));
  return { error, written, outDir };
}

function gceWithStore(bucket: string): { cluster: Cluster; groups: InstanceGroup[] } {
  const { cluster, instanceGroups } = structuredClone(readCaseInput('minimal_gce'));
  cluster.spec.serviceAccountIssuerDiscovery = { discoveryStore: `gs://${bucket}/minimal-gce.example.com` };
  return { cluster, groups: instanceGroups };
}

describe('update with a gs:// discovery store served as the issuer (issuerdiscovery.go)', () => {
  test('a bucket that is not public is refused naming the field and the fix; nothing is written anywhere', async () => {
    gcs.createBucket('oidc-private');
    const { cluster, groups } = gceWithStore('oidc-private');
    const attempt = await update(cluster, groups);
    expect(attempt.error).toBeInstanceOf(UserError);
    expect((attempt.error as UserError).message).toBe(
      'spec.serviceAccountIssuerDiscovery.discoveryStore: the "gs://oidc-private/minimal-gce.example.com/.well-known/openid-configuration" path does not support public ACL',
    );
    expect((attempt.error as UserError).hint).toMatch(/make bucket oidc-private readable by anyone .*allUsers granted roles\/storage\.objectViewer/);
    expect(attempt.written).toEqual([]);
    expect(existsSync(attempt.outDir)).toBe(false);
    expect(gcs.buckets.get('oidc-private')!.size).toBe(0);
  });

  test('a bucket that grants allUsers read is used as it is: the documents are Cloud Storage objects in the Terraform', async () => {
    gcs.createBucket('oidc-public', { uniformBucketLevelAccess: true });
    gcs.policies.set('oidc-public', { version: 1, etag: 'CAE=', bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] });
    const { cluster, groups } = gceWithStore('oidc-public');
    const attempt = await update(cluster, groups);
    expect(attempt.error).toBeUndefined();
    const tf = readFileSync(join(attempt.outDir, 'kubernetes.tf'), 'utf8');
    expect(tf).toContain('resource "google_storage_bucket_object" "discovery-json" {\n  bucket   = "oidc-public"\n  name     = "minimal-gce.example.com/.well-known/openid-configuration"');
  });
});

describe('update refuses the groups PopulateInstanceGroupSpec refuses, before writing anything', () => {
  test('an APIServer group without the APIServerNodes feature flag', async () => {
    const { cluster, instanceGroups } = structuredClone(readCaseInput('apiservernodes'));
    const refused = await update(cluster, instanceGroups);
    expect(refused.error).toBeInstanceOf(UserError);
    expect((refused.error as UserError).message).toMatch(/^InstanceGroup "apiserver" spec\.role: apiserver nodes requires the APIServerNodes feature flag to be enabled$/);
    expect(refused.written).toEqual([]);
    expect(existsSync(refused.outDir)).toBe(false);
    resetMemfs();
    expect((await update(cluster, instanceGroups, { featureFlags: 'APIServerNodes' })).error).toBeUndefined();
  });
});
