import { createHash, createPublicKey } from 'node:crypto';
import { ManagedFile } from '../cloud/aws/resources/managed-file.js';
import type { Task } from '../engine/task.js';
import type { ModelContext } from './context.js';
import { serviceAccountIssuer } from './irsa.js';

/** Go's json.MarshalIndent with an empty indent: one value per line, nothing in front. */
function goJsonNoIndent(value: unknown): string {
  return JSON.stringify(value, null, '\u0001').replace(/\n\u0001+/g, '\n');
}

/** The DER bodies of the PEM blocks in a text, in order. */
function pemBodies(pem: string): Buffer[] {
  const re = /-----BEGIN [A-Z ]+-----([\s\S]*?)-----END [A-Z ]+-----/g;
  const out: Buffer[] = [];
  for (let m = re.exec(pem); m; m = re.exec(pem)) out.push(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  return out;
}

/** The JSON Web Key Set of the service-account signing keys; `kid` is the unpadded base64url SHA-256 of the key's PKIX DER. */
export function jwks(publicKeysPem: string): string {
  const keys = pemBodies(publicKeysPem).map((der) => {
    const jwk = createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ format: 'jwk' }) as { n: string; e: string };
    return { use: 'sig', kty: 'RSA', kid: createHash('sha256').update(der).digest('base64url'), alg: 'RS256', n: jwk.n, e: jwk.e };
  });
  return goJsonNoIndent({ keys });
}

/** The OIDC discovery document and key set, published in the discovery store for IAM to verify service-account tokens. */
export function buildIssuerDiscovery(m: ModelContext): Task[] {
  const store = m.spec.serviceAccountIssuerDiscovery?.discoveryStore?.replace(/\/$/, '');
  const issuer = serviceAccountIssuer(m);
  if (!store || !issuer || !m.aws.serviceAccountPublicKeysPem) return [];
  const discovery = goJsonNoIndent({
    issuer: `https://${issuer}`,
    jwks_uri: `https://${issuer}/openid/v1/jwks`,
    authorization_endpoint: 'urn:kubernetes:programmatic_authorization',
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['sub', 'iss'],
  });
  return [
    ManagedFile.task('discovery.json', { location: `${store}/.well-known/openid-configuration`, contents: discovery }),
    ManagedFile.task('keys.json', { location: `${store}/openid/v1/jwks`, contents: jwks(m.aws.serviceAccountPublicKeysPem) }),
  ];
}
