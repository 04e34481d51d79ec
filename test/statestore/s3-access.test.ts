import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { openVfs } from '../../src/statestore/index.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';

// moto enforces IAM once its first N requests (the set-up below) have been served.
const SETUP_REQUESTS = 3;
let moto: MotoServer;

beforeAll(async () => {
  moto = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: String(SETUP_REQUESTS) });
  for (const [name, value] of Object.entries(moto.env)) vi.stubEnv(name, value);
  const s3 = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true });
  const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint });
  await s3.send(new CreateBucketCommand({ Bucket: 'locked-bucket' }));
  await iam.send(new CreateUserCommand({ UserName: 'nobody' }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'nobody' }));
  vi.stubEnv('AWS_ACCESS_KEY_ID', AccessKey!.AccessKeyId!);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', AccessKey!.SecretAccessKey!);
  s3.destroy();
  iam.destroy();
}, 40_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await moto?.stop();
});

test('a user without S3 permissions gets an access-denied error naming the object', async () => {
  const p = openVfs('s3://locked-bucket/c.example.com/config');
  await expect(p.write('x')).rejects.toMatchObject({
    name: 'UserError',
    message: 'access denied to s3://locked-bucket/c.example.com/config',
  });
});

test('unknown credentials are reported as rejected', async () => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAUNKNOWNKEY000000');
  const p = openVfs('s3://locked-bucket/c.example.com/config');
  await expect(p.read()).rejects.toMatchObject({
    name: 'UserError',
    message: expect.stringContaining('the AWS credentials were rejected (InvalidAccessKeyId)'),
  });
});
