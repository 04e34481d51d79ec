import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Cluster } from '../../src/apis/types.js';
import { ClusterStore } from '../../src/statestore/clientset.js';
import { openVfs, resetMemfs, type VfsPath } from '../../src/statestore/index.js';
import { acquireClusterLock, breakClusterLock, LOCKS_FOLDER, readLock, takeOverClusterLock, type LockRequest } from '../../src/statestore/lock.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';

let moto: MotoServer;
let dir: string;
let counter = 0;

beforeAll(async () => {
  moto = await startMoto();
  for (const [name, value] of Object.entries(moto.env)) vi.stubEnv(name, value);
  const sdk = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true });
  await sdk.send(new CreateBucketCommand({ Bucket: 'lock-bucket' }));
  sdk.destroy();
  dir = mkdtempSync(join(tmpdir(), 'kops-lock-'));
}, 40_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await moto?.stop();
  rmSync(dir, { recursive: true, force: true });
  resetMemfs();
});

const request = (command: string, extra: Partial<LockRequest> = {}): LockRequest => ({ holder: 'ana', host: 'laptop', pid: 4242, command, timeoutMs: 0, ...extra });

const backends: Record<string, () => VfsPath> = {
  'memfs://': () => openVfs(`memfs://locks/run-${++counter}`),
  'file://': () => openVfs(`file://${dir}/run-${++counter}`),
  's3://': () => openVfs(`s3://lock-bucket/run-${++counter}`),
};

const cluster = (name: string, cidr: string): Cluster =>
  ({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name }, spec: { networkCIDR: cidr } }) as Cluster;

for (const [scheme, fresh] of Object.entries(backends)) {
  describe(`${scheme} cluster lock`, () => {
    test('a second writer fails at once, naming the holder; after release it gets the lock', async () => {
      const root = fresh();
      const first = await acquireClusterLock(root, 'a.example.com', request('kops update cluster --yes'));
      expect(await readLock(root, 'a.example.com')).toMatchObject({ holder: 'ana', host: 'laptop', pid: 4242, command: 'kops update cluster --yes' });
      await expect(acquireClusterLock(root, 'a.example.com', request('kops edit cluster'))).rejects.toThrow(
        /^cluster "a.example.com" is locked by ana@laptop \(pid 4242, "kops update cluster --yes", since \d{4}-/,
      );
      // Another cluster of the same store is not affected.
      await (await acquireClusterLock(root, 'b.example.com', request('kops edit cluster'))).release();
      await first.release();
      expect(await readLock(root, 'a.example.com')).toBeUndefined();
      const second = await acquireClusterLock(root, 'a.example.com', request('kops edit cluster'));
      expect((await readLock(root, 'a.example.com'))?.id).toBe(second.holder.id);
      await second.release();
    });

    test('the lock lives at the store root, outside every cluster folder', async () => {
      const root = fresh();
      const lock = await acquireClusterLock(root, 'a.example.com', request('kops update cluster --yes'));
      expect((await root.readTree()).map((p) => p.url)).toEqual([root.join(LOCKS_FOLDER, 'a.example.com.json').url]);
      expect(await new ClusterStore(root).listClusters()).toEqual([]);
      await lock.release();
    });

    test('a waiting writer gets the lock when the holder lets go within --lock-timeout, and fails when not', async () => {
      const root = fresh();
      const holder = await acquireClusterLock(root, 'a.example.com', request('kops update cluster --yes'));
      let now = 0;
      const clock = () => new Date(now);
      const releaseAfterTwoPolls = async (ms: number) => {
        now += ms;
        if (now >= 2000) await holder.release();
      };
      const waited = await acquireClusterLock(root, 'a.example.com', request('kops edit cluster', { timeoutMs: 5000, clock, sleep: releaseAfterTwoPolls }));
      expect(now).toBe(2000);
      const tooLong = acquireClusterLock(root, 'a.example.com', request('kops replace -f c.yaml', { timeoutMs: 3000, clock, sleep: async (ms) => void (now += ms) }));
      await expect(tooLong).rejects.toThrow(/is locked by .* after waiting 3s$/);
      await waited.release();
    });

    test('a release never removes a lock someone else took after it was broken', async () => {
      const root = fresh();
      const stale = await acquireClusterLock(root, 'a.example.com', request('kops update cluster --yes'));
      expect((await breakClusterLock(root, 'a.example.com'))?.command).toBe('kops update cluster --yes');
      const fresh2 = await acquireClusterLock(root, 'a.example.com', request('kops edit cluster'));
      await stale.release();
      expect((await readLock(root, 'a.example.com'))?.id).toBe(fresh2.holder.id);
      await fresh2.release();
    });

    test('of two commands that found the same lock left behind, one takes it over, whatever the order of their steps', async () => {
      const root = fresh();
      await acquireClusterLock(root, 'a.example.com', request('kops update cluster --yes'));
      // Both read the lock and judge its holder gone before either acts.
      const seenByFirst = (await readLock(root, 'a.example.com'))!;
      const seenBySecond = (await readLock(root, 'a.example.com'))!;
      const first = await takeOverClusterLock(root, 'a.example.com', seenByFirst, request('kops edit cluster', { holder: 'bo' }));
      expect(first).toBeDefined();
      expect(await takeOverClusterLock(root, 'a.example.com', seenBySecond, request('kops replace -f c.yaml', { holder: 'cy' }))).toBeUndefined();
      expect((await readLock(root, 'a.example.com'))?.id).toBe(first!.holder.id);
      // Nothing but the lock is left at the store root.
      expect((await root.readTree()).map((p) => p.url)).toEqual([root.join(LOCKS_FOLDER, 'a.example.com.json').url]);
      await first!.release();
      expect(await readLock(root, 'a.example.com')).toBeUndefined();
    });

    test('a taker that died half way stops takeovers of that lock until it is broken', async () => {
      const root = fresh();
      await acquireClusterLock(root, 'a.example.com', request('kops update cluster --yes'));
      const stale = (await readLock(root, 'a.example.com'))!;
      // Its claim on the stale lock is there, its swap never happened.
      await root.join(LOCKS_FOLDER, `a.example.com.json.takeover-${stale.id}`).write('{}');
      expect(await takeOverClusterLock(root, 'a.example.com', stale, request('kops edit cluster'))).toBeUndefined();
      expect((await readLock(root, 'a.example.com'))?.id).toBe(stale.id);
      await breakClusterLock(root, 'a.example.com');
      expect(await root.readTree()).toEqual([]);
      await (await acquireClusterLock(root, 'a.example.com', request('kops edit cluster'))).release();
    });

    test('a spec write never overwrites a change this command did not see', async () => {
      const root = fresh();
      await new ClusterStore(root).createCluster(cluster('a.example.com', '10.0.0.0/16'));
      const slow = new ClusterStore(root);
      const fast = new ClusterStore(root);
      const mine = (await slow.requireCluster('a.example.com'))!;
      const theirs = (await fast.requireCluster('a.example.com'))!;
      theirs.spec.networkCIDR = '10.1.0.0/16';
      await fast.updateCluster(theirs);
      mine.spec.networkCIDR = '10.2.0.0/16';
      await expect(slow.updateCluster(mine)).rejects.toThrow('cluster "a.example.com" was changed by someone else since this command read it; nothing was written');
      expect((await new ClusterStore(root).requireCluster('a.example.com')).spec.networkCIDR).toBe('10.1.0.0/16');
      // The writer that saw the latest version may write again.
      theirs.spec.networkCIDR = '10.3.0.0/16';
      await fast.updateCluster(theirs);
      expect((await new ClusterStore(root).requireCluster('a.example.com')).spec.networkCIDR).toBe('10.3.0.0/16');
    });
  });
}
