import { createHash, createPublicKey } from 'node:crypto';
import { ManagedFile } from '../cloud/aws/resources/managed-file.js';
import { parseDiscoveryStore } from '../apis/discovery-store.js';
import type { Cluster } from '../apis/types.js';
import type { Task } from '../engine/task.js';
import { UserError } from '../errors.js';

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

/** What the cloud tells about the discovery store, asked before the model is built (s3:// and gs:// stores). */
export interface DiscoveryStoreFacts {
  /** The HTTPS address the store is served under. */
  httpsUrl: string;
  /** Whether the bucket itself lets anyone read its objects; asked only when the issuer is the store's address. */
  bucketPublic?: boolean;
}

/**
 * The ACL setting of the discovery objects: on S3, public-read exactly when the issuer is the store's own address and
 * the bucket is not public; other stores have no object ACL to give, so there that case is refused (update checks it
 * before writing anything).
 */
export function discoveryObjectAcl(spec: Cluster['spec'], store: DiscoveryStoreFacts | undefined): { publicRead?: boolean } {
  const base = spec.serviceAccountIssuerDiscovery?.discoveryStore?.replace(/\/$/, '');
  if (!base) return {};
  const publicAcl = store !== undefined && store.httpsUrl === spec.kubeAPIServer?.serviceAccountIssuer && store.bucketPublic === false;
  const { scheme, bucket } = parseDiscoveryStore(base);
  if (scheme === 's3') return { publicRead: publicAcl };
  if (publicAcl) {
    throw new UserError(
      `spec.serviceAccountIssuerDiscovery.discoveryStore: the ${JSON.stringify(`${base}/.well-known/openid-configuration`)} path does not support public ACL`,
      scheme === 'gs'
        ? `make bucket ${bucket} readable by anyone (uniform bucket-level access, with allUsers granted roles/storage.objectViewer), or serve the issuer elsewhere with spec.kubeAPIServer.serviceAccountIssuer`
        : 'use an s3:// discovery store',
    );
  }
  return {};
}

/**
 * The OIDC discovery document and key set, published in the discovery store (on every cloud) for identity providers to
 * verify service-account tokens with. Identity providers read them anonymously: when the issuer is the store's own
 * address and the bucket is not public, each object is made readable by anyone (S3's public-read ACL); Cloud Storage
 * objects cannot be, so that case is refused before anything is written.
 */
export function buildIssuerDiscovery(spec: Cluster['spec'], serviceAccountPublicKeysPem: string | undefined, store: DiscoveryStoreFacts | undefined): Task[] {
  const base = spec.serviceAccountIssuerDiscovery?.discoveryStore?.replace(/\/$/, '');
  const issuer = issuerHost(spec);
  if (!base || !issuer || !serviceAccountPublicKeysPem) return [];
  const discovery = goJsonNoIndent({
    issuer: `https://${issuer}`,
    jwks_uri: `https://${issuer}/openid/v1/jwks`,
    authorization_endpoint: 'urn:kubernetes:programmatic_authorization',
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['sub', 'iss'],
  });
  const acl = discoveryObjectAcl(spec, store);
  return [
    ManagedFile.task('discovery.json', { location: `${base}/.well-known/openid-configuration`, contents: discovery, ...acl }),
    ManagedFile.task('keys.json', { location: `${base}/openid/v1/jwks`, contents: jwks(serviceAccountPublicKeysPem), ...acl }),
  ];
}
