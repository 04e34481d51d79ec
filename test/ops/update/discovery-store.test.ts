import { describe, expect, test } from 'vitest';
import type { Cluster } from '../../../src/apis/types.js';
import { discoveryStoreFacts } from '../../../src/ops/update/discovery-store.js';
import { openVfs, type VfsPath } from '../../../src/statestore/index.js';

function cluster(store: string, issuer: string, nonMasqueradeCIDR = '100.64.0.0/10'): Cluster {
  return {
    apiVersion: 'kops.k8s.io/v1alpha2',
    kind: 'Cluster',
    metadata: { name: 'c.example.com' },
    spec: { nonMasqueradeCIDR, serviceAccountIssuerDiscovery: { discoveryStore: store }, kubeAPIServer: { serviceAccountIssuer: issuer } },
  } as Cluster;
}

/** Opens stores as openVfs does, answering isBucketPublic from `public` and recording each bucket asked. */
function stores(publicBuckets: string[], asked: string[]): (url: string) => VfsPath {
  return (url) => {
    const path = openVfs(url);
    const bucket = /^[a-z0-9]+:\/\/([^/]+)/.exec(url)![1];
    return Object.assign(Object.create(path) as VfsPath, { isBucketPublic: async () => (asked.push(bucket), publicBuckets.includes(bucket)) });
  };
}

describe('what update asks about the discovery store before the model (issuerdiscovery.go)', () => {
  test('an s3:// store that is the issuer: its address from the bucket region, and whether the bucket is public', async () => {
    const asked: string[] = [];
    const url = 'https://oidc.s3.eu-west-1.amazonaws.com/c.example.com';
    const facts = await discoveryStoreFacts(cluster('s3://oidc/c.example.com', url), { s3Region: async () => 'eu-west-1', open: stores([], asked) });
    expect(facts).toEqual({ httpsUrl: url, bucketPublic: false });
    expect(asked).toEqual(['oidc']);
    expect(await discoveryStoreFacts(cluster('s3://oidc/c.example.com', url), { s3Region: async () => 'eu-west-1', open: stores(['oidc'], []) })).toEqual({ httpsUrl: url, bucketPublic: true });
  });

  test('an IPv6-only cluster is served on the dual-stack endpoint', async () => {
    const url = 'https://oidc.s3.dualstack.eu-west-1.amazonaws.com/c';
    const facts = await discoveryStoreFacts(cluster('s3://oidc/c', url, '::/0'), { s3Region: async () => 'eu-west-1', open: stores([], []) });
    expect(facts).toEqual({ httpsUrl: url, bucketPublic: false });
  });

  test('a gs:// store that is the issuer in a bucket that is not public is refused as soon as that is known', async () => {
    const url = 'https://storage.googleapis.com/oidc/c';
    await expect(discoveryStoreFacts(cluster('gs://oidc/c', url), { s3Region: async () => undefined, open: stores([], []) })).rejects.toThrow(/does not support public ACL/);
    expect(await discoveryStoreFacts(cluster('gs://oidc/c', url), { s3Region: async () => undefined, open: stores(['oidc'], []) })).toEqual({ httpsUrl: url, bucketPublic: true });
  });

  test('an issuer served elsewhere (user managed) is not asked about', async () => {
    const asked: string[] = [];
    const facts = await discoveryStoreFacts(cluster('gs://oidc/c', 'https://oidc.example.com'), { s3Region: async () => undefined, open: stores([], asked) });
    expect(facts).toEqual({ httpsUrl: 'https://storage.googleapis.com/oidc/c' });
    expect(asked).toEqual([]);
  });

  test('memfs:// stores and clusters without a store ask nothing', async () => {
    const asked: string[] = [];
    expect(await discoveryStoreFacts(cluster('memfs://discovery.example.com/c', 'https://discovery.example.com/c'), { s3Region: async () => undefined, open: stores([], asked) })).toBeUndefined();
    const none = cluster('', 'https://api.internal.c.example.com');
    expect(await discoveryStoreFacts(none, { s3Region: async () => undefined, open: stores([], asked) })).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
