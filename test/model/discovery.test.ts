import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Cluster } from '../../src/apis/types.js';
import { buildIssuerDiscovery } from '../../src/model/discovery.js';
import { UserError } from '../../src/errors.js';

const PEM = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

function spec(store: string, issuer: string): Cluster['spec'] {
  return { serviceAccountIssuerDiscovery: { discoveryStore: store }, kubeAPIServer: { serviceAccountIssuer: issuer } } as Cluster['spec'];
}

const S3_STORE = 's3://oidc-bucket/c.example.com';
const S3_URL = 'https://oidc-bucket.s3.us-east-1.amazonaws.com/c.example.com';

function publicFlags(tasks: ReturnType<typeof buildIssuerDiscovery>): Record<string, unknown> {
  return Object.fromEntries(tasks.map((t) => [t.name, t.spec.publicRead]));
}

describe('issuer discovery documents are readable by anyone (pkg/model/issuerdiscovery.go)', () => {
  test('an s3:// store served as the issuer, in a bucket that is not public, gets objects with a public-read ACL', () => {
    const tasks = buildIssuerDiscovery(spec(S3_STORE, S3_URL), PEM, { httpsUrl: S3_URL, bucketPublic: false });
    expect(publicFlags(tasks)).toEqual({ 'discovery.json': true, 'keys.json': true });
    expect(tasks.map((t) => t.spec.location)).toEqual([`${S3_STORE}/.well-known/openid-configuration`, `${S3_STORE}/openid/v1/jwks`]);
  });

  test('in a bucket a policy already makes public, the objects get no ACL of their own (and a public one is taken back)', () => {
    const tasks = buildIssuerDiscovery(spec(S3_STORE, S3_URL), PEM, { httpsUrl: S3_URL, bucketPublic: true });
    expect(publicFlags(tasks)).toEqual({ 'discovery.json': false, 'keys.json': false });
  });

  test('an issuer served elsewhere than the store (user managed) leaves the objects private', () => {
    const tasks = buildIssuerDiscovery(spec(S3_STORE, 'https://oidc.example.com'), PEM, { httpsUrl: S3_URL });
    expect(publicFlags(tasks)).toEqual({ 'discovery.json': false, 'keys.json': false });
  });

  test('a memfs:// store (tests) carries no ACL at all', () => {
    const tasks = buildIssuerDiscovery(spec('memfs://discovery.example.com/c', 'https://discovery.example.com/c'), PEM, undefined);
    expect(publicFlags(tasks)).toEqual({ 'discovery.json': undefined, 'keys.json': undefined });
  });

  test('a gs:// store served as the issuer from a bucket that is not public is refused, naming the field and the fix', () => {
    const gs = 'gs://oidc-bucket/c.example.com';
    const url = 'https://storage.googleapis.com/oidc-bucket/c.example.com';
    const build = () => buildIssuerDiscovery(spec(gs, url), PEM, { httpsUrl: url, bucketPublic: false });
    expect(build).toThrow(UserError);
    expect(build).toThrow(/spec\.serviceAccountIssuerDiscovery\.discoveryStore: the "gs:\/\/oidc-bucket\/c\.example\.com\/\.well-known\/openid-configuration" path does not support public ACL/);
    try {
      build();
    } catch (err) {
      expect((err as UserError).hint).toMatch(/allUsers.*roles\/storage\.objectViewer/);
    }
  });

  test('a gs:// store in a bucket that grants allUsers read through uniform access is written as it is', () => {
    const gs = 'gs://oidc-bucket/c.example.com';
    const url = 'https://storage.googleapis.com/oidc-bucket/c.example.com';
    const tasks = buildIssuerDiscovery(spec(gs, url), PEM, { httpsUrl: url, bucketPublic: true });
    expect(publicFlags(tasks)).toEqual({ 'discovery.json': undefined, 'keys.json': undefined });
  });
});
