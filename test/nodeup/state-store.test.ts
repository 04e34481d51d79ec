import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { issueCertificate, systemIssueEnv } from '../../src/pki/certificates.js';
import { generateRsaKey } from '../../src/pki/keys.js';
import { encodeKeyset } from '../../src/pki/keyset.js';
import { sharedDir } from '../helpers/cli.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';
import { nodeup } from './run-nodeup.js';

const golden = join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws/data/aws_s3_object_nodeupconfig-master-us-test-1a_content');
const base = 's3://nodeup-state/minimal-aws.example.com';

let moto: MotoServer;
const keys: Record<string, { cert: string; key: string }> = {};
let s3: S3Client;
const scratch = mkdtempSync(join(tmpdir(), 'nodeup-s3-'));

async function put(key: string, body: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: 'nodeup-state', Key: `minimal-aws.example.com/${key}`, Body: body }));
}

beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({ endpoint: moto.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await s3.send(new CreateBucketCommand({ Bucket: 'nodeup-state' }));
  // The golden config points at a memfs:// store; here the same layout lives in S3.
  const config = readFileSync(golden, 'utf8').replaceAll('memfs://clusters.example.com/minimal-aws.example.com', base);
  await put('igconfig/control-plane/master-us-test-1a/nodeupconfig.yaml', config);
  await put('manifests/etcd/main-master-us-test-1a.yaml', 'kind: Pod\nmetadata:\n  name: etcd-manager-main\n');
  await put('manifests/etcd/events-master-us-test-1a.yaml', 'kind: Pod\nmetadata:\n  name: etcd-manager-events\n');
  await put('manifests/static/kube-apiserver-healthcheck.yaml', 'kind: Pod\nmetadata:\n  name: kube-apiserver-healthcheck\n');
  await put('manifests/channels/kops-channels.yaml', 'kind: Pod\nmetadata:\n  name: kops-channels\n');
  for (const name of ['kubernetes-ca', 'apiserver-aggregator-ca', 'etcd-clients-ca', 'service-account']) {
    const key = await generateRsaKey();
    const cert = await issueCertificate({ type: 'ca', commonName: name }, key, undefined, systemIssueEnv);
    keys[name] = { cert: cert.pem, key: key.pem };
    const id = String(cert.serial);
    await put(`pki/private/${name}/keyset.yaml`, encodeKeyset({ name, primaryId: id, items: [{ id, certificatePem: cert.pem, privateKeyPem: key.pem }] }, true));
  }
}, 60_000);

afterAll(async () => {
  s3?.destroy();
  await moto?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const confUrl = `${base}/igconfig/control-plane/master-us-test-1a/nodeupconfig.yaml`;
const root = join(scratch, 'root');
let result: Awaited<ReturnType<typeof nodeup>>;

beforeAll(async () => {
  result = await nodeup(['--conf', confUrl, '--root', root, '--arch', 'amd64'], moto.env);
});

test('a control plane reads its config from s3:// and installs the static pods the state store holds', () => {
  expect(result.stderr).not.toContain('error:');
  expect(result.code).toBe(0);
  expect(result.stdout).not.toContain('not fetched from the state store');
  const manifests = join(root, 'etc/kubernetes/manifests');
  expect(readFileSync(join(manifests, 'main-master-us-test-1a.manifest'), 'utf8')).toContain('etcd-manager-main');
  expect(readFileSync(join(manifests, 'events-master-us-test-1a.manifest'), 'utf8')).toContain('etcd-manager-events');
  expect(readFileSync(join(manifests, 'kube-apiserver-healthcheck.manifest'), 'utf8')).toContain('kube-apiserver-healthcheck');
  expect(readFileSync(join(manifests, 'kops-channels.manifest'), 'utf8')).toContain('kops-channels');
  expect(readFileSync(join(root, 'etc/passwd'), 'utf8')).toContain('kops-channels:x:10013:10013::/var/lib/kops:/sbin/nologin');
});

test('a control plane installs the keystore material its components sign with', () => {
  expect(readFileSync(join(root, 'etc/kubernetes/kops-controller/kubernetes-ca.crt'), 'utf8')).toBe(keys['kubernetes-ca'].cert);
  expect(readFileSync(join(root, 'etc/kubernetes/kops-controller/kubernetes-ca.key'), 'utf8')).toBe(keys['kubernetes-ca'].key);
  expect(readFileSync(join(root, 'srv/kubernetes/kube-apiserver/service-account.key'), 'utf8')).toBe(keys['service-account'].key);
  expect(statSync(join(root, 'srv/kubernetes/kube-apiserver/service-account.key')).mode & 0o777).toBe(0o600);
});

test('a control plane signs its own certificates with the keystore CAs, once', async () => {
  expect(result.stdout).not.toContain('certificates not obtained');
  const ca = new X509Certificate(keys['kubernetes-ca'].cert);
  const chain = readFileSync(join(root, 'srv/kubernetes/kube-apiserver/server.crt'), 'utf8');
  const server = new X509Certificate(chain);
  expect(server.verify(ca.publicKey)).toBe(true);
  expect(server.subjectAltName).toContain('DNS:api.internal.minimal-aws.example.com');
  expect(chain.endsWith(keys['kubernetes-ca'].cert)).toBe(true);
  const etcdClient = new X509Certificate(readFileSync(join(root, 'srv/kubernetes/kube-apiserver/etcd-client.crt')));
  expect(etcdClient.verify(new X509Certificate(keys['etcd-clients-ca'].cert).publicKey)).toBe(true);
  expect(readFileSync(join(root, 'var/lib/kube-scheduler/kubeconfig'), 'utf8')).toContain('client-certificate-data:');

  const again = await nodeup(['--conf', confUrl, '--root', root, '--arch', 'amd64'], moto.env);
  expect(again.stdout).toContain('no changes');
});

test('a config missing from the state store is reported with its URL', async () => {
  const url = `${base}/igconfig/node/absent/nodeupconfig.yaml`;
  const result = await nodeup(['--conf', url, '--root', join(scratch, 'absent')], moto.env);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`${url}: not found`);
});
