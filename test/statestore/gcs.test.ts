import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ClusterStore } from '../../src/statestore/clientset.js';
import { openVfs, type VfsPath } from '../../src/statestore/index.js';
import { startGcsFake, type GcsFake } from '../helpers/gcs-fake.js';
import { vfsContract } from './contract.js';

let gcs: GcsFake;
let counter = 0;

beforeAll(async () => {
  gcs = await startGcsFake();
  gcs.createBucket('state-bucket');
  vi.stubEnv('STORAGE_EMULATOR_HOST', gcs.endpoint);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await gcs?.stop();
});

const fresh = (): VfsPath => openVfs(`gs://state-bucket/run-${++counter}`);

describe('gs:// backend against the Cloud Storage JSON API fake', () => {
  vfsContract(fresh);

  test('objects are stored by bucket and name, one generation per write', async () => {
    const base = fresh();
    await base.join('c.example.com', 'config').write('spec v1');
    const stored = gcs.buckets.get('state-bucket')!.get(`run-${counter}/c.example.com/config`)!;
    expect(stored.data.toString()).toBe('spec v1');
    const first = stored.generation;
    await base.join('c.example.com', 'config').write('spec v2');
    expect(gcs.buckets.get('state-bucket')!.get(`run-${counter}/c.example.com/config`)!.generation).toBeGreaterThan(first);
  });

  test('a bucket is public only with uniform access and allUsers granted roles/storage.objectViewer (GSPath.IsBucketPublic)', async () => {
    const viewers = [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }];
    const bucket = (name: string, uniformBucketLevelAccess: boolean, bindings: { role: string; members: string[] }[]) => {
      gcs.createBucket(name, { uniformBucketLevelAccess });
      gcs.policies.set(name, { version: 1, etag: 'CAE=', bindings });
    };
    bucket('fine-grained', false, viewers);
    bucket('uniform-private', true, [{ role: 'roles/storage.objectViewer', members: ['allAuthenticatedUsers'] }, { role: 'roles/storage.admin', members: ['allUsers'] }]);
    bucket('uniform-public', true, viewers);
    expect(await openVfs('gs://fine-grained/oidc').isBucketPublic!()).toBe(false);
    expect(await openVfs('gs://uniform-private/oidc').isBucketPublic!()).toBe(false);
    expect(await openVfs('gs://uniform-public/oidc').isBucketPublic!()).toBe(true);
  });

  test('a missing bucket is named, with what to do', async () => {
    await expect(openVfs('gs://no-such-bucket/x').write('y')).rejects.toThrow(/bucket no-such-bucket does not exist/);
  });

  test('the kops layout works on top of it: a cluster is created, listed and deleted', async () => {
    const store = new ClusterStore(fresh());
    const cluster = { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name: 'c.example.com' }, spec: { cloudProvider: 'gce' } };
    await store.createCluster(cluster as never);
    expect(await store.listClusters()).toEqual(['c.example.com']);
    await store.deleteClusterState('c.example.com');
    expect(await store.listClusters()).toEqual([]);
  });
});
