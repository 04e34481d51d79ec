import { X509Certificate } from 'node:crypto';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyTasks } from '../../src/nodeup/apply.js';
import { discoveryServiceTasks } from '../../src/nodeup/builders/discovery.js';
import type { BuildContext, Keypair } from '../../src/nodeup/builders/context.js';
import { parseNodeupConfig } from '../../src/nodeup/config.js';
import { sendDiscoveryRegistration, type DiscoveryRegistration } from '../../src/nodeup/discovery-client.js';
import { localSigner } from '../../src/nodeup/local-signer.js';
import { taskKey, type DiscoveryRegisterTask } from '../../src/nodeup/tasks.js';
import { issueCertificate, systemIssueEnv, type Signer } from '../../src/pki/certificates.js';
import { generateRsaKey } from '../../src/pki/keys.js';

const scratch = mkdtempSync(join(tmpdir(), 'nodeup-discovery-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CLUSTER = 'disco.example.com';
const SERVICE = 'https://discovery.example.com/u-1234';
let discoveryCA: Keypair;
let serviceAccount: Array<{ id: string; certificate: string }>;

beforeAll(async () => {
  const caKey = await generateRsaKey();
  const ca = await issueCertificate({ type: 'ca', commonName: 'discovery-ca' }, caKey, undefined, systemIssueEnv);
  discoveryCA = { certificate: ca.pem, privateKey: caKey.pem };
  const sa = async (commonName: string) => issueCertificate({ type: 'ca', commonName }, await generateRsaKey(), undefined, systemIssueEnv);
  serviceAccount = [
    { id: '7302346538104543238', certificate: (await sa('service-account')).pem },
    { id: '10', certificate: (await sa('service-account')).pem },
    { id: '11', certificate: (await sa('something-else')).pem },
  ];
});

function context(role: BuildContext['role'], extra: Record<string, unknown> = {}): BuildContext {
  const config = parseNodeupConfig(
    JSON.stringify({
      ClusterName: CLUSTER,
      KubernetesVersion: '1.34.0',
      KubeletConfig: {},
      Assets: { amd64: [] },
      KeypairIDs: { 'discovery-ca': '42', 'service-account': '10' },
      discoveryServiceWithUniverse: { url: SERVICE },
      ...extra,
    }),
    'test',
  );
  return {
    config,
    role,
    host: { distribution: 'ubuntu', architecture: 'amd64', nodeName: 'I-0ABC' },
    assets: {},
    remote: new Map(),
    keypairs: new Map([['discovery-ca', discoveryCA]]),
    trustedCertificates: new Map([['service-account', serviceAccount]]),
  };
}

const rsaJwk = (pem: string) => new X509Certificate(pem).publicKey.export({ format: 'jwk' });

describe('registering with the discovery service (discovery_service.go)', () => {
  test('control planes get a discovery client certificate named after the node and a registration of the service-account keys', () => {
    const tasks = discoveryServiceTasks(context('ControlPlane'));
    expect(tasks.map(taskKey)).toEqual(['IssueCert/discovery-service-client', 'DiscoveryRegister/register']);
    expect(tasks[0]).toEqual({
      kind: 'IssueCert',
      name: 'discovery-service-client',
      signer: 'discovery-ca',
      keypairID: '42',
      type: 'client',
      subject: { CommonName: 'i-0abc' },
      alternateNames: ['i-0abc'],
    });
    const register = tasks[1] as DiscoveryRegisterTask;
    expect(register).toMatchObject({ url: SERVICE, namespace: 'disco-example-com', registerName: 'i-0abc', clientCA: discoveryCA.certificate });
    // Sorted by key id as text; only certificates named service-account.
    expect(register.jwks).toEqual(
      [serviceAccount[1], serviceAccount[0]].map((item) => ({ use: 'sig', kty: 'RSA', kid: item.id, alg: 'RS256', n: rsaJwk(item.certificate).n, e: 'AQAB' })),
    );
  });

  test('workers and clusters without the service register nothing; an unreadable service-account keyset is an error', () => {
    expect(discoveryServiceTasks(context('Node'))).toEqual([]);
    expect(discoveryServiceTasks(context('ControlPlane', { discoveryServiceWithUniverse: undefined }))).toEqual([]);
    expect(() => discoveryServiceTasks({ ...context('ControlPlane'), trustedCertificates: new Map() })).toThrow(/service-account keyset could not be read/);
  });

  test('applying signs the client certificate with the discovery CA and sends the endpoint under it; a render only prepares it', async () => {
    const tasks = discoveryServiceTasks(context('ControlPlane'));
    const sent: DiscoveryRegistration[] = [];
    const options = { root: join(scratch, 'cp'), dryRun: false, unitDir: '/lib/systemd/system', signer: localSigner(new Map([['discovery-ca', discoveryCA]])) };
    const report = await applyTasks(tasks, { ...options, registerDiscovery: async (r) => void sent.push(r) });
    const url = `${SERVICE}/apis/discovery.kops.k8s.io/v1alpha1/namespaces/disco-example-com/discoveryendpoints/i-0abc?fieldManager=nodeup-register`;
    expect(report.registrations).toEqual([{ url, sent: true }]);
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe(url);
    expect(sent[0].endpoint).toEqual({
      apiVersion: 'discovery.kops.k8s.io/v1alpha1',
      kind: 'DiscoveryEndpoint',
      metadata: { name: 'i-0abc', namespace: 'disco-example-com' },
      spec: { oidc: { keys: (tasks[1] as DiscoveryRegisterTask).jwks } },
    });
    const client = new X509Certificate(sent[0].certificateChain);
    expect(client.subject).toBe('CN=i-0abc');
    expect(client.verify(new X509Certificate(discoveryCA.certificate).publicKey)).toBe(true);
    expect(sent[0].certificateChain.endsWith(discoveryCA.certificate)).toBe(true);

    const rendered = await applyTasks(tasks, { ...options, root: join(scratch, 'render') });
    expect(rendered.registrations).toEqual([{ url, sent: false }]);
  });
});

test('the registration is a server-side apply under the client certificate', async () => {
  const caKey = await generateRsaKey();
  const ca = await issueCertificate({ type: 'ca', commonName: 'test-ca' }, caKey, undefined, systemIssueEnv);
  const signer: Signer = { certificate: ca.certificate, key: caKey };
  const serverKey = await generateRsaKey();
  const serverCert = await issueCertificate({ type: 'server', commonName: 'discovery', alternateNames: ['127.0.0.1'] }, serverKey, signer, systemIssueEnv);
  const clientKey = await generateRsaKey();
  const clientCert = await issueCertificate({ type: 'client', commonName: 'i-0abc' }, clientKey, signer, systemIssueEnv);
  const seen: Array<{ method?: string; url?: string; type?: string; body: string; peer: string }> = [];
  const server = createServer({ key: serverKey.pem, cert: serverCert.pem, ca: ca.pem, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const peer = String((req.socket as import('node:tls').TLSSocket).getPeerCertificate().subject?.CN ?? '');
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body, peer });
      res.writeHead(seen.length === 1 ? 200 : 403).end(seen.length === 1 ? '{}' : 'forbidden: namespace owned by another client\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const registration: DiscoveryRegistration = {
      url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/u/apis/discovery.kops.k8s.io/v1alpha1/namespaces/ns/discoveryendpoints/i-0abc?fieldManager=nodeup-register`,
      endpoint: { apiVersion: 'discovery.kops.k8s.io/v1alpha1', kind: 'DiscoveryEndpoint', metadata: { name: 'i-0abc', namespace: 'ns' }, spec: { oidc: { keys: [] } } },
      certificateChain: clientCert.pem + ca.pem,
      privateKey: clientKey.pem,
    };
    await sendDiscoveryRegistration(registration, ca.pem);
    expect(seen[0]).toEqual({
      method: 'PATCH',
      url: '/u/apis/discovery.kops.k8s.io/v1alpha1/namespaces/ns/discoveryendpoints/i-0abc?fieldManager=nodeup-register',
      type: 'application/apply-patch+yaml',
      body: JSON.stringify(registration.endpoint),
      peer: 'i-0abc',
    });
    await expect(sendDiscoveryRegistration(registration, ca.pem)).rejects.toThrow(/refused the registration .*HTTP 403: forbidden/);
  } finally {
    server.close();
  }
});
