import { describe, expect, test } from 'vitest';
import { discoveryStoreHttpsUrl } from '../../src/apis/discovery-store.js';
import { UserError } from '../../src/errors.js';

describe('the HTTPS address a discovery store is served under (S3Path/GSPath GetHTTPsUrl)', () => {
  // the table of Go's TestGetHTTPsUrl (util/pkg/vfs/s3fs_test.go)
  test.each([
    ['s3://bucket', false, 'us-east-1', 'https://bucket.s3.us-east-1.amazonaws.com'],
    ['s3://bucket.with.forced.path.style/subpath', false, 'us-east-1', 'https://s3.us-east-1.amazonaws.com/bucket.with.forced.path.style/subpath'],
    ['s3://bucket/path', false, 'us-east-2', 'https://bucket.s3.us-east-2.amazonaws.com/path'],
    ['s3://bucket2/path/subpath', false, 'us-east-1', 'https://bucket2.s3.us-east-1.amazonaws.com/path/subpath'],
    ['s3://bucket2-ds/path/subpath', true, 'us-east-1', 'https://bucket2-ds.s3.dualstack.us-east-1.amazonaws.com/path/subpath'],
    ['s3://bucket2-cn/path/subpath', false, 'cn-north-1', 'https://bucket2-cn.s3.cn-north-1.amazonaws.com.cn/path/subpath'],
    ['s3://bucket2-cn-ds/path/subpath', true, 'cn-north-1', 'https://bucket2-cn-ds.s3.dualstack.cn-north-1.amazonaws.com.cn/path/subpath'],
    ['s3://bucket2-gov/path/subpath', false, 'us-gov-west-1', 'https://bucket2-gov.s3.us-gov-west-1.amazonaws.com/path/subpath'],
    ['s3://bucket2-gov-ds/path/subpath', true, 'us-gov-west-1', 'https://bucket2-gov-ds.s3.dualstack.us-gov-west-1.amazonaws.com/path/subpath'],
  ])('%s (dualstack %s, %s) is %s', (store, dualstack, region, url) => {
    expect(discoveryStoreHttpsUrl(store, { s3Region: () => region, dualstack })).toBe(url);
  });

  test('a gs:// store is served by storage.googleapis.com, a memfs:// one (tests only) under its own name', () => {
    expect(discoveryStoreHttpsUrl('gs://oidc-bucket/c.example.com', { s3Region: () => undefined, dualstack: false })).toBe('https://storage.googleapis.com/oidc-bucket/c.example.com');
    expect(discoveryStoreHttpsUrl('memfs://discovery.example.com/minimal.example.com', { s3Region: () => undefined, dualstack: false })).toBe('https://discovery.example.com/minimal.example.com');
  });

  test('an s3:// bucket whose region is unknown, or a store that cannot be served, is refused naming the field', () => {
    expect(() => discoveryStoreHttpsUrl('s3://b/x', { s3Region: () => undefined, dualstack: false })).toThrow(/spec.serviceAccountIssuerDiscovery.discoveryStore: cannot find the region of bucket b/);
    expect(() => discoveryStoreHttpsUrl('file:///tmp/x', { s3Region: () => undefined, dualstack: false })).toThrow(UserError);
  });
});
