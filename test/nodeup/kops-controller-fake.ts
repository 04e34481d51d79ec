import 'reflect-metadata';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { issueCertificate, systemIssueEnv, type Signer } from '../../src/pki/certificates.js';
import { generateRsaKey, toCryptoKeys } from '../../src/pki/keys.js';

export interface FakeKopsController {
  url: string;
  /** The cluster CA (PEM) that signs both the server's TLS certificate and the certificates it hands out. */
  caPem: string;
  /** Every bootstrap request body received. */
  requests: Array<{ certs: Record<string, string>; keypairIDs: Record<string, string> }>;
  close(): Promise<void>;
}

/** A local HTTPS kops-controller: signs each public key it is sent with its CA, for CN `<name>`. */
export async function startFakeKopsController(): Promise<FakeKopsController> {
  const caKey = await generateRsaKey();
  const ca = await issueCertificate({ type: 'ca', commonName: 'kubernetes-ca' }, caKey, undefined, systemIssueEnv);
  const signer: Signer = { certificate: ca.certificate, key: caKey };
  const tlsKey = await generateRsaKey();
  const tls = await issueCertificate({ type: 'server', commonName: 'kops-controller', alternateNames: ['127.0.0.1'] }, tlsKey, signer, systemIssueEnv);
  const caKeys = await toCryptoKeys(caKey);
  const requests: FakeKopsController['requests'] = [];

  const server: Server = createServer({ key: tlsKey.pem, cert: tls.pem }, (req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      if (req.method !== 'POST' || req.url !== '/bootstrap') {
        res.writeHead(404).end('not found');
        return;
      }
      const parsed = JSON.parse(body) as FakeKopsController['requests'][number];
      requests.push(parsed);
      const certs: Record<string, string> = {};
      for (const [name, publicPem] of Object.entries(parsed.certs)) {
        const der = Buffer.from(publicPem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
        const publicKey = await webcrypto.subtle.importKey('spki', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
        const cert = await x509.X509CertificateGenerator.create({
          serialNumber: '01',
          subject: `CN=${name}`,
          issuer: ca.certificate.subject,
          notBefore: new Date(Date.now() - 60_000),
          notAfter: new Date(Date.now() + 3600_000),
          signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
          publicKey,
          signingKey: caKeys.privateKey,
        });
        certs[name] = cert.toString('pem') + '\n';
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ certs }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caPem: ca.pem,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
