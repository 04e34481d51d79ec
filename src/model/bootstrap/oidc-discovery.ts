import { createHash, createPublicKey } from 'node:crypto';
import type { BootstrapContext, KopsObject, StateFile } from './types.js';

/**
 * With `spec.serviceAccountIssuerDiscovery.discoveryStore`, the OIDC discovery document and the JWKS of the
 * service-account keys are published there, so that AWS (IRSA) and others can verify service-account tokens.
 */
export function buildOidcDiscovery(cluster: KopsObject, ctx: BootstrapContext): StateFile[] {
  const store: string | undefined = cluster.spec.serviceAccountIssuerDiscovery?.discoveryStore;
  if (!store) return [];
  const issuer = String(cluster.spec.kubeAPIServer?.serviceAccountIssuer ?? '');
  const discovery = [
    '{',
    `"issuer": ${JSON.stringify(issuer)},`,
    `"jwks_uri": ${JSON.stringify(`${issuer}/openid/v1/jwks`)},`,
    '"authorization_endpoint": "urn:kubernetes:programmatic_authorization",',
    '"response_types_supported": [',
    '"id_token"',
    '],',
    '"subject_types_supported": [',
    '"public"',
    '],',
    '"id_token_signing_alg_values_supported": [',
    '"RS256"',
    '],',
    '"claims_supported": [',
    '"sub",',
    '"iss"',
    ']',
    '}',
    '',
  ].join('\n');
  return [
    { tfName: 'discovery.json', base: store, path: '.well-known/openid-configuration', content: discovery },
    { tfName: 'keys.json', base: store, path: 'openid/v1/jwks', content: jwks(ctx.keysets['service-account']?.publicKeysPem ?? '') },
  ];
}

/** The JWKS of the service-account keys (one per PEM block): kid is the base64url SHA-256 of the key's PKIX DER. */
function jwks(publicKeysPem: string): string {
  const blocks = publicKeysPem.match(/-----BEGIN [^-]+-----[\s\S]*?-----END [^-]+-----/g) ?? [];
  const keys = blocks.map((pem) => {
    const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    const jwk = createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ format: 'jwk' });
    const kid = createHash('sha256').update(der).digest('base64url');
    return ['{', '"use": "sig",', '"kty": "RSA",', `"kid": "${kid}",`, '"alg": "RS256",', `"n": "${jwk.n}",`, `"e": "${jwk.e}"`, '}'].join('\n');
  });
  return `{\n"keys": [\n${keys.join(',\n')}\n]\n}\n`;
}
