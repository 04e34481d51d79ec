process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import { CreateBucketCommand, GetObjectAclCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kops } from '../helpers/cli.js';
import { freePort, startMoto, type MotoServer } from '../helpers/moto.js';
import { CLUSTER_NAME, smallManifest, smallNodes, tempFile } from './fixtures.js';

let moto: MotoServer;
let s3: S3Client;

beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({ endpoint: moto.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});

afterAll(async () => {
  s3?.destroy();
  await moto?.stop();
});

async function newBucket(name: string): Promise<{ state: string; keys(): Promise<string[]> }> {
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  return {
    state: `s3://${name}/kops`,
    keys: async () => ((await s3.send(new ListObjectsV2Command({ Bucket: name }))).Contents ?? []).map((o) => o.Key!).sort(),
  };
}

const oneErrorLine = (stderr: string) => stderr.trimEnd().split('\n');

describe('an S3 state store', () => {
  test('create -f then get works against S3', async () => {
    const bucket = await newBucket('store-roundtrip');
    const env = { ...moto.env, KOPS_STATE_STORE: bucket.state };
    const created = await kops(['create', '-f', tempFile(smallManifest)], { env });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(await bucket.keys()).toEqual([
      `kops/${CLUSTER_NAME}/config`,
      `kops/${CLUSTER_NAME}/instancegroup/control-plane-us-east-1a`,
      `kops/${CLUSTER_NAME}/instancegroup/nodes`,
    ]);
    const clusters = await kops(['get', 'clusters'], { env });
    expect(clusters.stdout).toBe(`NAME\t\t\tCLOUD\tZONES\n${CLUSTER_NAME}\taws\tus-east-1a\n`);
  });

  test('bad input writes nothing to the bucket', async () => {
    const bucket = await newBucket('store-bad-input');
    const env = { ...moto.env, KOPS_STATE_STORE: bucket.state };
    const r = await kops(['create', '-f', tempFile(smallManifest.replace('kind: Cluster', 'kind: Cluster\nbogus: 1'))], { env });
    expect(r.code).toBe(1);
    expect(oneErrorLine(r.stderr)[0]).toMatch(/^error: .*bogus/);
    expect(await bucket.keys()).toEqual([]);
  });

  test('KOPS_STATE_S3_ACL is the ACL of the objects written; a value S3 does not know is one error naming the variable', async () => {
    const bucket = await newBucket('store-with-acl');
    const env = { ...moto.env, KOPS_STATE_STORE: bucket.state, KOPS_STATE_S3_ACL: 'public-read' };
    expect((await kops(['create', '-f', tempFile(smallManifest)], { env })).code).toBe(0);
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: 'store-with-acl', Key: `kops/${CLUSTER_NAME}/config` }));
    expect(acl.Grants?.map((g) => `${g.Grantee?.URI ?? g.Grantee?.Type}:${g.Permission}`)).toContain('http://acs.amazonaws.com/groups/global/AllUsers:READ');
    const wrong = await kops(['get', 'clusters'], { env: { ...env, KOPS_STATE_S3_ACL: 'owner-only' } });
    expect(wrong.code).toBe(1);
    expect(oneErrorLine(wrong.stderr)[0]).toBe('error: KOPS_STATE_S3_ACL="owner-only" is not a canned ACL S3 knows');
  });

  test('a bucket that does not exist is one clear error', async () => {
    const r = await kops(['create', '-f', tempFile(smallManifest)], { env: { ...moto.env, KOPS_STATE_STORE: 's3://no-such-bucket/kops' } });
    expect(r.code).toBe(1);
    const lines = oneErrorLine(r.stderr);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toMatch(/^error: .*no-such-bucket.*/);
  });

  test('an S3 endpoint nobody listens on is one clear error', async () => {
    const port = await freePort();
    const env = { ...moto.env, AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`, KOPS_STATE_STORE: 's3://any-bucket/kops', AWS_MAX_ATTEMPTS: '1' };
    const r = await kops(['get', 'clusters'], { env });
    expect(r.code).toBe(1);
    const lines = oneErrorLine(r.stderr);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines[0]).toMatch(/^error: .*127\.0\.0\.1/);
  });
});

describe('instance groups from the command line', () => {
  test('create ig --dry-run prints a default group without saving it; --edit=false saves it', async () => {
    const bucket = await newBucket('store-create-ig');
    const env = { ...moto.env, KOPS_STATE_STORE: bucket.state, KOPS_CLUSTER_NAME: CLUSTER_NAME };
    expect((await kops(['create', '-f', tempFile(smallManifest)], { env })).code).toBe(0);
    const before = await bucket.keys();

    const dry = await kops(['create', 'ig', 'workers', '--role', 'node', '--subnet', 'us-east-1a', '--dry-run', '-o', 'yaml'], { env });
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('kind: InstanceGroup');
    expect(dry.stdout).toContain(`    kops.k8s.io/cluster: ${CLUSTER_NAME}`);
    expect(dry.stdout).toContain('  role: Node');
    expect(dry.stdout).toContain('  machineType: t3.medium');
    expect(dry.stdout).toMatch(/ {2}image: \S+/);
    expect(dry.stdout).toContain('    kops.k8s.io/instancegroup: workers');
    expect(await bucket.keys()).toEqual(before);

    const saved = await kops(['create', 'instancegroup', 'bastions', '--role', 'Bastion', '--subnet', 'us-east-1a', '--edit=false'], { env });
    expect(saved.code).toBe(0);
    const table = await kops(['get', 'ig'], { env });
    expect(table.stdout).toMatch(/^bastions\t+Bastion\t+t3.micro\t1\t1\tus-east-1a$/m);
  });

  test('create ig refuses an unknown subnet or role with one line', async () => {
    const bucket = await newBucket('store-create-ig-bad');
    const env = { ...moto.env, KOPS_STATE_STORE: bucket.state, KOPS_CLUSTER_NAME: CLUSTER_NAME };
    await kops(['create', '-f', tempFile(smallManifest)], { env });
    const subnet = await kops(['create', 'ig', 'x', '--subnet', 'us-east-1q', '--edit=false'], { env });
    expect(subnet.code).toBe(1);
    expect(oneErrorLine(subnet.stderr)[0]).toMatch(/^error: .*spec.subnets\[0\].*us-east-1q/);
    const role = await kops(['create', 'ig', 'x', '--subnet', 'us-east-1a', '--role', 'worker'], { env });
    expect(role.code).toBe(1);
    expect(oneErrorLine(role.stderr)[0]).toBe('error: --role: unknown role "worker"');
  });

  test('delete ig says what it would delete, and deletes only with --yes; delete -f does the same', async () => {
    const bucket = await newBucket('store-delete-ig');
    const env = { ...moto.env, KOPS_STATE_STORE: bucket.state, KOPS_CLUSTER_NAME: CLUSTER_NAME };
    await kops(['create', '-f', tempFile(smallManifest)], { env });
    const dry = await kops(['delete', 'ig', 'control-plane-us-east-1a'], { env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('InstanceGroup "control-plane-us-east-1a" found for deletion\n\nMust specify --yes to delete\n');
    expect(await bucket.keys()).toContain(`kops/${CLUSTER_NAME}/instancegroup/control-plane-us-east-1a`);

    expect((await kops(['delete', 'ig', 'control-plane-us-east-1a', '--yes'], { env })).code).toBe(0);
    expect(await bucket.keys()).not.toContain(`kops/${CLUSTER_NAME}/instancegroup/control-plane-us-east-1a`);

    expect((await kops(['delete', '-f', tempFile(smallNodes), '--yes'], { env })).code).toBe(0);
    expect(await bucket.keys()).toEqual([`kops/${CLUSTER_NAME}/config`]);

    const missing = await kops(['delete', 'ig', 'nodes', '--yes'], { env });
    expect(missing.code).toBe(1);
    expect(oneErrorLine(missing.stderr)[0]).toBe(`error: instance group "nodes" not found in cluster "${CLUSTER_NAME}"`);
  });

  test('delete -f --yes with a Cluster deletes the cluster and its instance groups with it', async () => {
    const bucket = await newBucket('store-delete-file');
    const env = { ...moto.env, KOPS_STATE_STORE: bucket.state };
    await kops(['create', '-f', tempFile(smallManifest)], { env });
    const r = await kops(['delete', '-f', tempFile(smallManifest), '--yes'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await bucket.keys()).toEqual([]);
  });
});
