import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { S3Context, S3Path } from '../../src/statestore/s3.js';
import { UserError } from '../../src/errors.js';

// moto 5.2 does not serve GetBucketPolicyStatus: a loopback endpoint answers it as S3 does, per bucket.
const ANSWERS: Record<string, { status: number; body: string }> = {
  'policy-public': { status: 200, body: '<PolicyStatus><IsPublic>true</IsPublic></PolicyStatus>' },
  'policy-private': { status: 200, body: '<PolicyStatus><IsPublic>false</IsPublic></PolicyStatus>' },
  'no-policy': { status: 404, body: '<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message></Error>' },
  'denied': { status: 403, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' },
};

let server: Server;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://s3');
    asked.push(`${req.method} ${url.pathname}?${[...url.searchParams.keys()].join('&')}`);
    const answer = ANSWERS[url.pathname.replace(/^\/|\/$/g, '')] ?? { status: 404, body: '<Error><Code>NoSuchBucket</Code></Error>' };
    res.writeHead(answer.status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>\n${answer.body}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function path(bucket: string): S3Path {
  const { port } = server.address() as AddressInfo;
  const env = { S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'test', S3_SECRET_ACCESS_KEY: 'test' };
  return new S3Path(new S3Context(env), bucket, 'oidc/c.example.com');
}

describe('whether an S3 bucket is public (S3Path.IsBucketPublic): only what its policy status says', () => {
  test('a policy S3 judges public makes it public; a private policy or none does not', async () => {
    expect(await path('policy-public').isBucketPublic()).toBe(true);
    expect(await path('policy-private').isBucketPublic()).toBe(false);
    expect(await path('no-policy').isBucketPublic()).toBe(false);
    expect(asked).toEqual(['GET /policy-public/?policyStatus', 'GET /policy-private/?policyStatus', 'GET /no-policy/?policyStatus']);
  });

  test('any other refusal is an error naming the store', async () => {
    const check = path('denied').isBucketPublic();
    await expect(check).rejects.toThrow(UserError);
    await expect(path('denied').isBucketPublic()).rejects.toThrow(/access denied to s3:\/\/denied\/oidc\/c\.example\.com/);
  });
});
