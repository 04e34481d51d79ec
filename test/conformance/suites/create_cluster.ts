/**
 * create_cluster golden cases (HARNESS §1): options.yaml (Go field names, case-insensitive, strict) → the create
 * flow of ops/ (inference against the fixture world, then the store) → the stored Cluster + InstanceGroups, stamped 2017-01-01T00:00:00Z, encoded as the Go
 * kops encodes them → exact comparison with expected-v1alpha2.yaml.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { encodeObjects } from '../../../src/apis/codec.js';
import { parseChannel, type Channel } from '../../../src/populate/channel.js';
import { optionsFromGoFields, type CreateClusterOptions } from '../../../src/populate/create/index.js';
import { inferNewCluster, storeNewCluster } from '../../../src/ops/create-cluster.js';
import { ClusterStore } from '../../../src/statestore/clientset.js';
import { openVfs } from '../../../src/statestore/index.js';
import { fixtureAwsWorld } from '../fixtures/aws-world.js';
import { fixtureGceWorld } from '../fixtures/gce-world.js';
import { firstDifference, goldenEqual, type CaseResult, type Suite } from '../suite.js';
import { caseDirs } from './cases.js';

/** Never compared by the Go tests: its expected file is stale (HARNESS §1.1). */
const STALE_CASES = new Set(['apiserver-gce']);
const GOLDEN_TIMESTAMP = '2017-01-01T00:00:00Z';
const GOLDEN_STATE_STORE = 'memfs://tests';
/** The kops version built into the Go binary the goldens come from (it picks the channel's Kubernetes version). */
const GOLDEN_KOPS_VERSION = '1.37.0-alpha.1';

export async function runCreateClusterCase(caseDir: string, channel: Channel): Promise<{ actual: string; options: CreateClusterOptions }> {
  const fields = parseYaml(readFileSync(join(caseDir, 'options.yaml'), 'utf8')) as Record<string, unknown>;
  const options = optionsFromGoFields(fields ?? {}, join(caseDir, 'options.yaml'));
  // The production flow of `kops create cluster` on the in-memory store, with the harness's clock; the stored cluster
  // is removed afterwards so that the next case may take its name.
  const store = new ClusterStore(openVfs(GOLDEN_STATE_STORE), { clock: () => new Date(GOLDEN_TIMESTAMP) });
  const spec = await inferNewCluster(store, options, {
    lookup: fixtureAwsWorld({ forCreateCluster: true }),
    gceLookup: fixtureGceWorld(),
    channel,
    kopsVersion: GOLDEN_KOPS_VERSION,
  });
  try {
    const { cluster, instanceGroups } = await storeNewCluster(store, spec);
    return { actual: encodeObjects([cluster, ...instanceGroups]), options };
  } finally {
    await store.paths(spec.cluster.metadata.name).root.removeTree();
  }
}

export const createClusterSuite: Suite = {
  name: 'create_cluster',
  async run(suiteDir) {
    const channel = parseChannel(readFileSync(resolve(suiteDir, '../../channels/stable'), 'utf8'), 'channels/stable');
    const cases: CaseResult[] = [];
    for (const name of caseDirs(suiteDir)) {
      const id = `create_cluster/${name}`;
      const dir = join(suiteDir, name);
      if (STALE_CASES.has(name)) {
        cases.push({ id, outcome: 'skipped', reason: 'stale expected file, not compared by the Go tests' });
        continue;
      }
      if (!existsSync(join(dir, 'expected-v1alpha2.yaml'))) {
        cases.push({ id, outcome: 'differ', reason: 'no expected-v1alpha2.yaml' });
        continue;
      }
      const fields = parseYaml(readFileSync(join(dir, 'options.yaml'), 'utf8')) as Record<string, unknown>;
      const cloud = Object.entries(fields ?? {}).find(([k]) => k.toLowerCase() === 'cloudprovider')?.[1];
      if (cloud !== undefined && cloud !== 'aws' && cloud !== 'gce') {
        cases.push({ id, outcome: 'differ', reason: 'cloud not supported yet' });
        continue;
      }
      try {
        const { actual } = await runCreateClusterCase(dir, channel);
        const expected = readFileSync(join(dir, 'expected-v1alpha2.yaml'), 'utf8');
        cases.push(goldenEqual(actual, expected) ? { id, outcome: 'match' } : { id, outcome: 'differ', reason: firstDifference(actual, expected) });
      } catch (err) {
        cases.push({ id, outcome: 'differ', reason: `error: ${(err as Error).message}` });
      }
    }
    return { cases };
  },
};
