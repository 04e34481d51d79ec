import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { isIP } from 'node:net';
import { toCryptoKeys, type PrivateKey } from './keys.js';
import { buildPkiSerial, serialToHex } from './serial.js';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export type CertificateType = 'ca' | 'client' | 'server' | 'clientServer';

export interface IssueRequest {
  type: CertificateType;
  /** Subject, e.g. `{ commonName: 'kubecfg-alice', organization: ['system:masters'] }`. */
  commonName: string;
  organization?: string[];
  /** DNS names and IP addresses the certificate is valid for (server certificates). */
  alternateNames?: string[];
  validityMillis?: number;
}

/** What issuing needs from outside: the clock and 32 random bits for the serial. */
export interface IssueEnv {
  now(): Date;
  random32(): number;
}

export const systemIssueEnv: IssueEnv = {
  now: () => new Date(),
  random32: () => webcrypto.getRandomValues(new Uint32Array(1))[0],
};

export const TEN_YEARS_MILLIS = 10 * 365 * 24 * 3600 * 1000;
/** Certificates are valid from slightly in the past so that skewed clocks accept them at once. */
const BACKDATE_MILLIS = 2 * 3600 * 1000;

export interface Signer {
  certificate: x509.X509Certificate;
  key: PrivateKey;
}

export interface IssuedCertificate {
  certificate: x509.X509Certificate;
  serial: bigint;
  pem: string;
}

/** Issues a certificate for `key`, signed by `signer`, or self-signed when there is no signer (a CA). */
export async function issueCertificate(request: IssueRequest, key: PrivateKey, signer: Signer | undefined, env: IssueEnv): Promise<IssuedCertificate> {
  const now = env.now();
  const serial = buildPkiSerial(now.getTime(), env.random32());
  const subject = distinguishedName(request);
  const subjectKeys = await toCryptoKeys(key);
  const signerKeys = signer ? await toCryptoKeys(signer.key) : subjectKeys;
  const signingAlgorithm =
    signer?.key.keyObject.asymmetricKeyType === 'ec' || (!signer && key.keyObject.asymmetricKeyType === 'ec')
      ? { name: 'ECDSA', hash: 'SHA-256' }
      : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialToHex(serial),
    subject,
    issuer: signer ? signer.certificate.subject : subject,
    notBefore: new Date(now.getTime() - BACKDATE_MILLIS),
    notAfter: new Date(now.getTime() + (request.validityMillis ?? TEN_YEARS_MILLIS)),
    signingAlgorithm,
    publicKey: subjectKeys.publicKey,
    signingKey: signerKeys.privateKey,
    extensions: await extensionsFor(request, subjectKeys.publicKey, signer),
  });
  return { certificate, serial, pem: certificate.toString('pem') + '\n' };
}

function distinguishedName(request: IssueRequest): string {
  const escape = (v: string) => v.replace(/([,+"\\<>;=])/g, '\\$1');
  const parts = [...(request.organization ?? []).map((o) => `O=${escape(o)}`), `CN=${escape(request.commonName)}`];
  return parts.join(', ');
}

async function extensionsFor(request: IssueRequest, publicKey: webcrypto.CryptoKey, signer: Signer | undefined): Promise<x509.Extension[]> {
  const F = x509.KeyUsageFlags;
  const extensions: x509.Extension[] = [];
  if (request.type === 'ca') {
    extensions.push(new x509.BasicConstraintsExtension(true, undefined, true));
    extensions.push(new x509.KeyUsagesExtension(F.keyCertSign | F.cRLSign, true));
  } else {
    extensions.push(new x509.BasicConstraintsExtension(false, undefined, true));
    extensions.push(new x509.KeyUsagesExtension(F.digitalSignature | F.keyEncipherment, true));
    const usages: string[] = [];
    if (request.type === 'client' || request.type === 'clientServer') usages.push(x509.ExtendedKeyUsage.clientAuth);
    if (request.type === 'server' || request.type === 'clientServer') usages.push(x509.ExtendedKeyUsage.serverAuth);
    extensions.push(new x509.ExtendedKeyUsageExtension(usages));
  }
  extensions.push(await x509.SubjectKeyIdentifierExtension.create(publicKey));
  if (signer) {
    const ski = signer.certificate.getExtension(x509.SubjectKeyIdentifierExtension);
    if (ski) extensions.push(new x509.AuthorityKeyIdentifierExtension(ski.keyId));
  }
  const names = request.alternateNames ?? [];
  if (names.length) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(names.map((n) => (isIP(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n }))),
    );
  }
  return extensions;
}

export function parseCertificate(pem: string): x509.X509Certificate {
  return new x509.X509Certificate(pem);
}

/** Serial of a parsed certificate as a decimal keypair id. */
export function certificateSerial(certificate: x509.X509Certificate): bigint {
  return BigInt('0x' + certificate.serialNumber);
}
