import { generateKeyPairSync } from 'node:crypto';
import { request } from 'node:https';
import type { IssueCertTask } from './tasks.js';

export interface IssuedCredential {
  certificate: string;
  privateKey: string;
}

/** Where nodeup gets certificates signed; throws when it cannot reach the signer. */
export interface CertificateSigner {
  readonly description: string;
  sign(requests: IssueCertTask[]): Promise<Map<string, IssuedCredential>>;
}

const BOOTSTRAP_API_VERSION = 'bootstrap.kops.k8s.io/v1alpha1';
const TIMEOUT_MS = 10_000;

/**
 * kops-controller's bootstrap endpoint: nodeup makes a key pair per certificate and sends the public keys with the
 * keypair ids it expects; kops-controller answers with certificates for the instance that asked.
 */
export function kopsControllerSigner(url: string, caBundle: string | undefined): CertificateSigner {
  return {
    description: `kops-controller at ${url}`,
    async sign(requests) {
      const keys = new Map(requests.map((r) => [r.name, generateKeyPairSync('rsa', { modulusLength: 2048 })]));
      const body = JSON.stringify({
        apiVersion: BOOTSTRAP_API_VERSION,
        certs: Object.fromEntries([...keys].map(([name, k]) => [name, k.publicKey.export({ type: 'spki', format: 'pem' })])),
        keypairIDs: Object.fromEntries(requests.map((r) => [r.signer, r.keypairID])),
      });
      const answer = JSON.parse(await post(`${url.replace(/\/$/, '')}/bootstrap`, body, caBundle)) as { certs?: Record<string, string> };
      const issued = new Map<string, IssuedCredential>();
      for (const [name, pair] of keys) {
        const certificate = answer.certs?.[name];
        if (certificate) issued.set(name, { certificate, privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string });
      }
      return issued;
    },
  };
}

function post(url: string, body: string, ca: string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', ca, timeout: TIMEOUT_MS, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200) resolve(text);
        else reject(new Error(`HTTP ${res.statusCode}: ${text.trim().split('\n')[0]}`));
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000}s`)));
    req.on('error', reject);
    req.end(body);
  });
}
