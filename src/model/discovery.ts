import { createHash, createPublicKey } from 'node:crypto';
import { ManagedFile } from '../cloud/aws/resources/managed-file.js';
import type { Cluster } from '../apis/types.js';
import type { Task } from '../engine/task.js';

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

/** The service-account issuer of the completed spec, without its https:// scheme. */
export function issuerHost(spec: Cluster['spec']): string | undefined {
  return spec.kubeAPIServer?.serviceAccountIssuer?.replace(/^https:\/\//, '');
}

/**
 * The OIDC discovery document and key set, published in the discovery store (on every cloud) for identity providers to
 * verify service-account tokens with.
 */
export function buildIssuerDiscovery(spec: Cluster['spec'], serviceAccountPublicKeysPem: string | undefined): Task[] {
  const store = spec.serviceAccountIssuerDiscovery?.discoveryStore?.replace(/\/$/, '');
  const issuer = issuerHost(spec);
  if (!store || !issuer || !serviceAccountPublicKeysPem) return [];
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
    ManagedFile.task('keys.json', { location: `${store}/openid/v1/jwks`, contents: jwks(serviceAccountPublicKeysPem) }),
  ];
}
