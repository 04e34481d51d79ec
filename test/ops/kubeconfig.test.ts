import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:https';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TLSSocket } from 'node:tls';
import { openVfs } from '../../src/statestore/index.js';
import { Keystore } from '../../src/pki/keystore.js';
import { issueAdminCredentials } from '../../src/pki/admin.js';
import { issueCertificate, parseCertificate, systemIssueEnv } from '../../src/pki/certificates.js';
import { generateRsaKey, parsePrivateKey } from '../../src/pki/keys.js';
import { primaryItem } from '../../src/pki/keyset.js';
import { kubeconfigPath, mergeKubeconfig, writeKubeconfig } from '../../src/ops/kubeconfig.js';
import { parse } from 'yaml';

const run = promisify(execFile);

describe('admin kubeconfig', () => {
  let server: Server;
  let port = 0;
  let keystore: Keystore;
  const seenSubjects: string[] = [];

  beforeAll(async () => {
    keystore = new Keystore(openVfs('memfs://kubeconfig-tests/c.example.com/pki'), systemIssueEnv, 2048);
    await keystore.ensureKeysets(['kubernetes-ca']);
    const ca = primaryItem(await keystore.get('kubernetes-ca'));
    const serverKey = await generateRsaKey();
    const serverCert = await issueCertificate(
      { type: 'server', commonName: 'kubernetes-master', alternateNames: ['api.c.example.com', '127.0.0.1'] },
      serverKey,
      { certificate: parseCertificate(ca.certificatePem), key: parsePrivateKey(ca.privateKeyPem!) },
      systemIssueEnv,
    );
    server = createServer(
      { key: serverKey.pem, cert: serverCert.pem, ca: ca.certificatePem, requestCert: true, rejectUnauthorized: true },
      (req, res) => {
        const peer = (req.socket as TLSSocket).getPeerCertificate();
        seenSubjects.push(`${peer.subject?.O}/${peer.subject?.CN}`);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ major: '1', minor: '36', gitVersion: 'v1.36.0' }));
      },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('kubectl accepts the exported kubeconfig and authenticates with a system:masters client certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubecfg-'));
    const path = join(dir, 'config');
    writeFileSync(path, 'apiVersion: v1\nkind: Config\nclusters:\n- name: other\n  cluster:\n    server: https://other.example.com\ncontexts:\n- name: other\n  context:\n    cluster: other\n    user: other\nusers:\n- name: other\n  user:\n    token: abc\ncurrent-context: other\n');
    const creds = await issueAdminCredentials(keystore, 'alice', 3600_000, systemIssueEnv);
    await writeKubeconfig(path, { name: 'c.example.com', server: `https://127.0.0.1:${port}`, caBundlePem: creds.caBundlePem, credentials: creds });

    expect(statSync(path).mode & 0o777).toBe(0o600);
    const view = await run('kubectl', ['--kubeconfig', path, 'config', 'view', '-o', 'json']);
    const config = JSON.parse(view.stdout);
    expect(config['current-context']).toBe('c.example.com');
    expect(config.contexts.map((c: { name: string }) => c.name).sort()).toEqual(['c.example.com', 'other']);

    const version = await run('kubectl', ['--kubeconfig', path, 'get', '--raw', '/version']);
    expect(JSON.parse(version.stdout).gitVersion).toBe('v1.36.0');
    expect(seenSubjects).toContain('system:masters/kubecfg-alice');
  });

  test('re-exporting replaces the cluster entries instead of duplicating them', () => {
    const entry = { name: 'c.example.com', server: 'https://api.c.example.com', caBundlePem: 'CA' };
    const once = mergeKubeconfig(undefined, entry, 'x');
    const twice = mergeKubeconfig(once, { ...entry, server: 'https://api2.c.example.com' }, 'x');
    const config = parse(twice);
    expect(config.clusters).toHaveLength(1);
    expect(config.clusters[0].cluster.server).toBe('https://api2.c.example.com');
  });

  test('an unparsable kubeconfig is reported, not overwritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubecfg-'));
    const path = join(dir, 'config');
    writeFileSync(path, 'clusters: [\n');
    await expect(writeKubeconfig(path, { name: 'c', server: 'https://x', caBundlePem: 'CA' })).rejects.toThrow(/not a valid kubeconfig/);
    expect(readFileSync(path, 'utf8')).toBe('clusters: [\n');
  });

  test('KUBECONFIG picks the file to write, --kubeconfig overrides it', () => {
    expect(kubeconfigPath(undefined, { KUBECONFIG: '/a/one:/a/two', HOME: '/h' })).toBe('/a/one');
    expect(kubeconfigPath('/flag', { KUBECONFIG: '/a/one' })).toBe('/flag');
    expect(kubeconfigPath(undefined, { HOME: '/h' })).toBe('/h/.kube/config');
  });
});

describe('removing a deleted cluster from the kubeconfig', () => {
  test('drops its cluster, context and user and keeps the others', async () => {
    const { removeFromKubeconfig } = await import('../../src/ops/kubeconfig.js');
    const dir = mkdtempSync(join(tmpdir(), 'kubecfg-'));
    const path = join(dir, 'config');
    let text = mergeKubeconfig(undefined, { name: 'keep.example.com', server: 'https://a', caBundlePem: 'CA' }, path);
    text = mergeKubeconfig(text, { name: 'gone.example.com', server: 'https://b', caBundlePem: 'CA', credentials: { certificatePem: 'C', privateKeyPem: 'K' } }, path);
    writeFileSync(path, text);
    expect(await removeFromKubeconfig(path, 'gone.example.com')).toBe(true);
    const config = parse(readFileSync(path, 'utf8'));
    expect(config.clusters.map((c: { name: string }) => c.name)).toEqual(['keep.example.com']);
    expect(config.users.map((c: { name: string }) => c.name)).toEqual([]);
    expect(config['current-context']).toBe('');
    expect(await removeFromKubeconfig(path, 'gone.example.com')).toBe(false);
  });
});

test('removing a cluster from a kubeconfig that has no users list leaves it valid', async () => {
  const { removeFromKubeconfig } = await import('../../src/ops/kubeconfig.js');
  const dir = mkdtempSync(join(tmpdir(), 'kubecfg-'));
  const path = join(dir, 'config');
  writeFileSync(path, mergeKubeconfig(undefined, { name: 'gone.example.com', server: 'https://b', caBundlePem: 'CA' }, path));
  expect(await removeFromKubeconfig(path, 'gone.example.com')).toBe(true);
  expect(parse(readFileSync(path, 'utf8')).clusters).toEqual([]);
});
