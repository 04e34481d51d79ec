import { CreateBucketCommand, GetObjectAclCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ClusterStore } from '../../src/statestore/clientset.js';
import { openVfs, type VfsPath } from '../../src/statestore/index.js';
import { S3Context, S3Path } from '../../src/statestore/s3.js';
import { freePort, startMoto, type MotoServer } from '../helpers/moto.js';
import { vfsContract } from './contract.js';

let moto: MotoServer;
let sdk: S3Client;
let counter = 0;

beforeAll(async () => {
  moto = await startMoto();
  for (const [name, value] of Object.entries(moto.env)) vi.stubEnv(name, value);
  sdk = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true });
  await sdk.send(new CreateBucketCommand({ Bucket: 'state-bucket' }));
}, 40_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  sdk?.destroy();
  await moto?.stop();
});

const fresh = (): VfsPath => openVfs(`s3://state-bucket/run-${++counter}`);

describe('s3:// backend against moto_server', () => {
  vfsContract(fresh);

  test('objects are stored under bucket/key with AES256 server-side encryption', async () => {
    const base = fresh();
    await base.join('c.example.com', 'config').write('spec');
    await base.join('c.example.com', 'secrets', 'admin').write('token', { secret: true });
    for (const key of ['config', 'secrets/admin']) {
      const head = await sdk.send(new HeadObjectCommand({ Bucket: 'state-bucket', Key: `run-${counter}/c.example.com/${key}` }));
      expect(head.ServerSideEncryption).toBe('AES256');
    }
    const object = await sdk.send(new GetObjectCommand({ Bucket: 'state-bucket', Key: `run-${counter}/c.example.com/config` }));
    expect(await object.Body!.transformToString()).toBe('spec');
  });

  test('a public-read write grants anyone read (GetObjectAcl), a plain write takes it back; isPublicRead tells which', async () => {
    const object = fresh().join('.well-known', 'openid-configuration');
    const allUsersGrants = async () => {
      const acl = await sdk.send(new GetObjectAclCommand({ Bucket: 'state-bucket', Key: `run-${counter}/.well-known/openid-configuration` }));
      return (acl.Grants ?? []).filter((g) => g.Grantee?.URI === 'http://acs.amazonaws.com/groups/global/AllUsers').map((g) => g.Permission);
    };
    await object.write('{}', { publicRead: true });
    expect(await allUsersGrants()).toEqual(['READ']);
    expect(await object.isPublicRead!()).toBe(true);
    await object.write('{}');
    expect(await allUsersGrants()).toEqual([]);
    expect(await object.isPublicRead!()).toBe(false);
  });

  test('KOPS_STATE_S3_ACL gives every write its canned ACL, over the public-read a write asks for (GetObjectAcl)', async () => {
    const base = fresh();
    const grantsOf = async (name: string) => {
      const acl = await sdk.send(new GetObjectAclCommand({ Bucket: 'state-bucket', Key: `${base.url.slice('s3://state-bucket/'.length)}/${name}` }));
      return (acl.Grants ?? []).map((g) => `${g.Grantee?.URI ?? g.Grantee?.Type}:${g.Permission}`);
    };
    const allUsersRead = 'http://acs.amazonaws.com/groups/global/AllUsers:READ';
    try {
      vi.stubEnv('KOPS_STATE_S3_ACL', ' public-read ');
      await openVfs(`${base.url}/config`).write('spec');
      expect(await openVfs(`${base.url}/created`).createNew('x')).toBe(true);
      expect(await grantsOf('config')).toContain(allUsersRead);
      expect(await grantsOf('created')).toContain(allUsersRead);

      vi.stubEnv('KOPS_STATE_S3_ACL', 'bucket-owner-full-control');
      await openVfs(`${base.url}/discovery.json`).write('{}', { publicRead: true });
      expect(await openVfs(`${base.url}/config`).replaceIfUnchanged('spec2', Buffer.from('spec'))).toBe(true);
      for (const name of ['discovery.json', 'config']) {
        expect(await grantsOf(name)).not.toContain(allUsersRead);
        expect(await grantsOf(name)).toContain('CanonicalUser:FULL_CONTROL');
      }
    } finally {
      vi.stubEnv('KOPS_STATE_S3_ACL', '');
    }
  });

  test('a KOPS_STATE_S3_ACL that is not a canned ACL is refused, naming the variable, before any request', () => {
    expect(() => new S3Context({ KOPS_STATE_S3_ACL: 'bucket-owner-full' })).toThrow(
      expect.objectContaining({
        name: 'UserError',
        message: 'KOPS_STATE_S3_ACL="bucket-owner-full" is not a canned ACL S3 knows',
        hint: expect.stringContaining('bucket-owner-full-control'),
      }),
    );
  });

  test('listing, folder listing and tree removal page through the keys', async () => {
    const base = new S3Path(new S3Context(process.env, 3), 'state-bucket', `run-${++counter}`);
    const names = ['a/1', 'a/2', 'b', 'c/1', 'c/2/x', 'd', 'e/1', 'f'];
    for (const name of names) await base.join(name).write(name);
    expect((await base.readTree()).map((p) => p.url.slice(base.url.length + 1))).toEqual(names);
    expect((await base.readDir()).map((p) => p.base)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    await base.removeTree();
    expect(await openVfs(base.url).readTree()).toEqual([]);
  });

  test('a missing bucket is a UserError saying to create it or fix --state', async () => {
    const p = openVfs('s3://no-such-bucket-here/c.example.com/config');
    await expect(p.write('x')).rejects.toMatchObject({
      name: 'UserError',
      message: expect.stringContaining('bucket no-such-bucket-here does not exist'),
      hint: 'create it or fix --state',
    });
    await expect(p.read()).rejects.toMatchObject({ name: 'UserError', message: expect.stringContaining('does not exist') });
  });

  test('an invalid bucket name is refused before any request, even though moto would accept it', async () => {
    for (const bucket of ['testingBucket', 'under_score', 'ab', '-dash', '192.168.1.1', 'a..b']) {
      await expect(openVfs(`s3://${bucket}/x`).write('x')).rejects.toMatchObject({
        name: 'UserError',
        message: expect.stringContaining(`s3://${bucket}: invalid S3 bucket name`),
      });
    }
  });

  test('an unreachable endpoint is named in the error', async () => {
    const port = await freePort();
    vi.stubEnv('AWS_ENDPOINT_URL', `http://127.0.0.1:${port}`);
    try {
      const p = openVfs('s3://state-bucket/config');
      await expect(p.read()).rejects.toMatchObject({
        name: 'UserError',
        message: expect.stringContaining(`cannot reach the S3 endpoint http://127.0.0.1:${port}`),
      });
    } finally {
      vi.stubEnv('AWS_ENDPOINT_URL', moto.endpoint);
    }
  }, 30_000);

  test('the Go kops variables for an S3-compatible store are honoured', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL', '');
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('S3_ENDPOINT', moto.endpoint);
    vi.stubEnv('S3_REGION', 'us-east-1');
    vi.stubEnv('S3_ACCESS_KEY_ID', 'compat');
    vi.stubEnv('S3_SECRET_ACCESS_KEY', 'compat');
    try {
      const p = openVfs('s3://state-bucket/compat/config');
      await p.write('via S3_ENDPOINT');
      expect((await p.read()).toString()).toBe('via S3_ENDPOINT');
    } finally {
      for (const name of ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) vi.stubEnv(name, '');
      vi.stubEnv('AWS_ENDPOINT_URL', moto.endpoint);
      vi.stubEnv('AWS_ACCESS_KEY_ID', moto.env.AWS_ACCESS_KEY_ID);
    }
  });

  test('without AWS_REGION the bucket region is looked up', async () => {
    vi.stubEnv('AWS_REGION', '');
    try {
      await sdk.send(new CreateBucketCommand({ Bucket: 'eu-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
      const p = openVfs('s3://eu-bucket/c/config');
      await p.write('in europe');
      expect((await p.read()).toString()).toBe('in europe');
    } finally {
      vi.stubEnv('AWS_REGION', moto.env.AWS_REGION);
    }
  });
});

describe('file:// and s3:// hold the same bytes', () => {
  test('the same cluster operations leave identical objects at identical relative paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kops-compare-'));
    try {
      const bases = [openVfs(`file://${dir}`), fresh()];
      for (const base of bases) {
        const store = new ClusterStore(base, {
          clock: () => new Date('2026-01-02T03:04:05Z'),
        });
        const name = 'c.example.com';
        await store.createCluster({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name }, spec: { kubernetesVersion: '1.32.0' } });
        await store.createInstanceGroup(name, { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'InstanceGroup', metadata: { name: 'nodes' }, spec: { role: 'Node' } });
        const completed = await store.requireCluster(name);
        completed.spec.configBase = 's3://state-bucket/c.example.com'; // what differs between the stores on read
        await store.writeCompletedSpec(completed);
        await store.paths(name).secret('admin').write('s3cr3t', { secret: true });
        await store.paths(name).nodeupConfig('Node', 'nodes').write(Buffer.from([0, 255, 10]));
        await store.replaceAdditionalObjects(name, [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }]);
      }
      const snapshots = await Promise.all(bases.map((base) => snapshot(base)));
      expect(snapshots[0].size).toBe(6);
      expect(snapshots[1]).toEqual(snapshots[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function snapshot(base: VfsPath): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const path of await base.readTree()) files.set(path.url.slice(base.url.length), (await path.read()).toString('latin1'));
  return files;
}

describe('openVfs', () => {
  test('an unknown scheme names the URL and the supported schemes', () => {
    expect(() => openVfs('azureblob://bucket/path')).toThrow(expect.objectContaining({
      name: 'UserError',
      message: 'unsupported state store "azureblob://bucket/path"',
      hint: expect.stringMatching(/s3:\/\/.*gs:\/\/.*file:\/\/.*memfs:\/\//),
    }));
    expect(() => openVfs('relative/dir')).toThrow(/unsupported state store "relative\/dir"/);
  });

  test('an s3 URL without a bucket is refused', () => {
    expect(() => openVfs('s3://')).toThrow(/has no bucket/);
  });
});
