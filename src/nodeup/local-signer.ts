import 'reflect-metadata';
import { createPrivateKey, generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';
import type { Keypair } from './builders/context.js';
import type { CertificateSigner, IssuedCredential } from './kops-controller.js';
import type { IssueCertTask } from './tasks.js';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** Kubernetes' client/server certificates live about a year; nodeup renews them on its next run after expiry. */
const VALIDITY_MILLIS = 455 * 24 * 3600 * 1000;
const BACKDATE_MILLIS = 2 * 3600 * 1000;
const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/**
 * Control planes sign their own certificates with the CA keys from the keystore, as Go nodeup does; a certificate
 * whose signer's key is not at hand is left out (and reported by the caller).
 */
export function localSigner(keypairs: Map<string, Keypair>, now: () => Date = () => new Date()): CertificateSigner {
  return {
    description: 'the keystore',
    async sign(requests) {
      const issued = new Map<string, IssuedCredential>();
      for (const request of requests) {
        const ca = keypairs.get(request.signer);
        if (ca) issued.set(request.name, await issue(request, ca, now()));
      }
      return issued;
    },
  };
}

async function issue(request: IssueCertTask, ca: Keypair, now: Date): Promise<IssuedCredential> {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const caCert = new x509.X509Certificate(ca.certificate);
  const caKey = await webcrypto.subtle.importKey('pkcs8', createPrivateKey(ca.privateKey).export({ type: 'pkcs8', format: 'der' }), RSA, false, ['sign']);
  const publicKey = await webcrypto.subtle.importKey('spki', pair.publicKey.export({ type: 'spki', format: 'der' }), RSA, true, ['verify']);
  const usage = request.type === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth;
  const names = (request.alternateNames ?? []).map((n) => (isIP(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n }));
  const subject = [...(request.subject.Organization ?? []).map((o) => `O=${o}`), `CN=${request.subject.CommonName}`].join(', ');
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomBytes(16).toString('hex').replace(/^[89a-f]/, '7'),
    subject,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - BACKDATE_MILLIS),
    notAfter: new Date(now.getTime() + VALIDITY_MILLIS),
    signingAlgorithm: RSA,
    publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([usage]),
      ...(names.length ? [new x509.SubjectAlternativeNameExtension(names)] : []),
    ],
  });
  const pem = certificate.toString('pem') + '\n';
  return {
    certificate: request.includeRootCertificate ? pem + ca.certificate : pem,
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
