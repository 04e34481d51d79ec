import { CreateBucketCommand, GetObjectAclCommand, PutObjectAclCommand, S3Client } from '@aws-sdk/client-s3';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Cluster } from '../../../src/apis/types.js';
import { buildIssuerDiscovery } from '../../../src/model/discovery.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { motoCloud } from './moto-cloud.js';

const PEM = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const STORE = 's3://oidc-bucket/c.example.com';
const ISSUER = 'https://oidc-bucket.s3.us-east-1.amazonaws.com/c.example.com';
const KEYS = ['c.example.com/.well-known/openid-configuration', 'c.example.com/openid/v1/jwks'];

let moto: MotoServer;
let s3: S3Client;
beforeAll(async () => {
  moto = await startMoto();
  for (const [name, value] of Object.entries(moto.env)) vi.stubEnv(name, value);
  s3 = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'oidc-bucket' }));
}, 40_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  s3?.destroy();
  await moto?.stop();
});

const spec = { serviceAccountIssuerDiscovery: { discoveryStore: STORE }, kubeAPIServer: { serviceAccountIssuer: ISSUER } } as Cluster['spec'];
const tasks = (bucketPublic: boolean) => buildIssuerDiscovery(spec, PEM, { httpsUrl: ISSUER, bucketPublic });

async function readableByAnyone(key: string): Promise<boolean> {
  const acl = await s3.send(new GetObjectAclCommand({ Bucket: 'oidc-bucket', Key: key }));
  return (acl.Grants ?? []).some((g) => g.Grantee?.URI === 'http://acs.amazonaws.com/groups/global/AllUsers' && g.Permission === 'READ');
}

describe('direct target: the issuer discovery documents in an s3:// store that is not public', () => {
  test('are written with the public-read ACL; the next run finds nothing to do', async () => {
    const cloud = motoCloud(moto);
    const first = await cloud.run(tasks(false));
    expect(first.failed).toEqual([]);
    for (const key of KEYS) expect(await readableByAnyone(key)).toBe(true);
    const again = await cloud.run(tasks(false), { apply: false });
    expect(again.outcomes.map((o) => o.action)).toEqual(['none', 'none']);
  });

  test('an object made private by hand is found and made readable again', async () => {
    await s3.send(new PutObjectAclCommand({ Bucket: 'oidc-bucket', Key: KEYS[1], ACL: 'private' }));
    const run = await motoCloud(moto).run(tasks(false));
    expect(run.outcomes.map((o) => [o.task.name, o.action])).toEqual([['discovery.json', 'none'], ['keys.json', 'update']]);
    expect(await readableByAnyone(KEYS[1])).toBe(true);
  });

  test('once a bucket policy makes the bucket public, the objects lose their own public ACL', async () => {
    const run = await motoCloud(moto).run(tasks(true));
    expect(run.outcomes.map((o) => o.action)).toEqual(['update', 'update']);
    for (const key of KEYS) expect(await readableByAnyone(key)).toBe(false);
  });
});

describe('direct target with KOPS_STATE_S3_ACL set: the variable decides every object ACL, as in the Go kops', () => {
  /** The same documents with other bytes, so that they are written again. */
  const edited = (list: ReturnType<typeof tasks>) => list.map((t) => ({ ...t, spec: { ...t.spec, contents: `${String(t.spec.contents)}\n` } }));
  const withStoreAcl = async (acl: string, check: () => Promise<void>) => {
    vi.stubEnv('KOPS_STATE_S3_ACL', acl);
    try {
      await check();
    } finally {
      vi.stubEnv('KOPS_STATE_S3_ACL', '');
    }
  };

  test('bucket-owner-full-control wins over the public-read the documents ask for; the next run finds nothing to do', async () => {
    await withStoreAcl('bucket-owner-full-control', async () => {
      const run = await motoCloud(moto).run(edited(tasks(false)));
      expect(run.outcomes.map((o) => o.action)).toEqual(['update', 'update']);
      for (const key of KEYS) expect(await readableByAnyone(key)).toBe(false);
      const again = await motoCloud(moto).run(edited(tasks(false)), { apply: false });
      expect(again.outcomes.map((o) => o.action)).toEqual(['none', 'none']);
    });
  });

  test('public-read makes the documents public even in a public bucket, where they would otherwise be private', async () => {
    await withStoreAcl('public-read', async () => {
      await s3.send(new PutObjectAclCommand({ Bucket: 'oidc-bucket', Key: KEYS[0], ACL: 'private' }));
      await s3.send(new PutObjectAclCommand({ Bucket: 'oidc-bucket', Key: KEYS[1], ACL: 'private' }));
      const run = await motoCloud(moto).run(tasks(true));
      expect(run.outcomes.map((o) => o.action)).toEqual(['update', 'update']);
      for (const key of KEYS) expect(await readableByAnyone(key)).toBe(true);
    });
  });
});
