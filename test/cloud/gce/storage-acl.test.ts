import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { GceCompute } from '../../../src/cloud/gce/compute.js';
import { gcsStoreObjectAcl } from '../../../src/cloud/gce/storage-acl.js';
import { startComputeFake, type ComputeFake } from '../../helpers/compute-fake.js';
import { writeServiceAccountKey } from '../../helpers/gce-credentials.js';
import { startGcsFake, type GcsFake } from '../../helpers/gcs-fake.js';

let compute: ComputeFake;
let gcs: GcsFake;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  [compute, gcs] = await Promise.all([startComputeFake({ projects: ['p1'] }), startGcsFake()]);
  env = { KOPS_GCE_ENDPOINT: compute.endpoint, STORAGE_EMULATOR_HOST: gcs.endpoint, GOOGLE_APPLICATION_CREDENTIALS: writeServiceAccountKey('p1') };
  // The clients read the emulator host and the key from the process environment themselves.
  vi.stubEnv('STORAGE_EMULATOR_HOST', gcs.endpoint);
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', env.GOOGLE_APPLICATION_CREDENTIALS!);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([compute?.stop(), gcs?.stop()]);
});

test("a fine-grained bucket's objects get its default object ACL and read for the project's default compute account", async () => {
  gcs.createBucket('fine', { defaultObjectAcl: [{ entity: 'project-owners-1', role: 'OWNER' }, { entity: 'project-viewers-1', role: 'READER' }] });
  expect(await gcsStoreObjectAcl(new GceCompute('p1', 'europe-west4', env), 'fine')).toEqual([
    'OWNER:project-owners-1',
    'READER:project-viewers-1',
    'READER:user-1-compute@developer.gserviceaccount.com',
  ]);
});

test('a bucket with uniform bucket-level access gives its objects no ACL; a missing bucket is named', async () => {
  gcs.createBucket('uniform', { uniformBucketLevelAccess: true });
  expect(await gcsStoreObjectAcl(new GceCompute('p1', 'europe-west4', env), 'uniform')).toBeUndefined();
  await expect(gcsStoreObjectAcl(new GceCompute('p1', 'europe-west4', env), 'missing')).rejects.toThrow(/gs:\/\/missing/);
});
