import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAwsClients, verifyAwsAccess } from '../../../src/cloud/aws/clients.js';
import { Subnet } from '../../../src/cloud/aws/resources/subnet.js';
import { Vpc } from '../../../src/cloud/aws/resources/vpc.js';
import { ownedTags } from '../../../src/cloud/aws/tags.js';
import { UserError } from '../../../src/errors.js';
import { ref } from '../../../src/engine/task.js';
import { directProvider } from '../../../src/cloud/aws/direct.js';
import { updateDirect } from '../../../src/targets/direct/apply.js';
import { freePort, startMoto, type MotoServer } from '../../helpers/moto.js';
import { motoCloud } from './moto-cloud.js';

const cluster = 'faults.example.com';
const vpc = Vpc.task(cluster, { cidrBlock: '172.20.0.0/16', enableDnsHostnames: true, tags: ownedTags(cluster, cluster) });
const subnet = Subnet.task(`us-east-1a.${cluster}`, { shortName: 'us-east-1a', vpcId: ref(vpc), availabilityZone: 'us-east-1a', cidrBlock: '172.20.32.0/19', tags: ownedTags(cluster, `us-east-1a.${cluster}`) });

async function userErrorOf(p: Promise<unknown>): Promise<UserError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

function quiet(aws = createAwsClients({ env: {} })) {
  const lines: string[] = [];
  return { provider: directProvider(aws), yes: true, out: (t: string) => lines.push(t), log: (l: string) => lines.push(l), lines };
}

describe('direct target faults', () => {
  test('missing credentials: one clear error before any other call', async () => {
    const port = await freePort();
    const aws = createAwsClients({ env: { AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`, AWS_REGION: 'us-east-1' } });
    const err = await userErrorOf(verifyAwsAccess(aws));
    expect(err.message).toBe('no AWS credentials found');
    expect(err.hint).toContain('AWS_ACCESS_KEY_ID');
  });

  test('unreachable endpoint: says which endpoint and what to check, after bounded retries', async () => {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const aws = createAwsClients({ env: { AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' }, maxAttempts: 3 });
    const started = Date.now();
    const err = await userErrorOf(verifyAwsAccess(aws));
    expect(err.message).toBe(`cannot reach ${endpoint}: connection refused`);
    expect(err.hint).toContain('AWS_ENDPOINT_URL');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('insufficient permissions against moto with IAM enforcement', () => {
  let moto: MotoServer;
  let limited: Record<string, string>;
  beforeAll(async () => {
    // moto lets the first 3 requests through unauthenticated (to make a user), then enforces IAM.
    moto = await startMoto({ INITIAL_NO_AUTH_ACTION_COUNT: '3' });
    const admin = createAwsClients({ env: moto.env, maxAttempts: 1 });
    await admin.iam.send(new CreateUserCommand({ UserName: 'reader' }));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', 'sts:GetCallerIdentity'], Resource: '*' }] };
    await admin.iam.send(new PutUserPolicyCommand({ UserName: 'reader', PolicyName: 'read', PolicyDocument: JSON.stringify(policy) }));
    const key = (await admin.iam.send(new CreateAccessKeyCommand({ UserName: 'reader' }))).AccessKey!;
    limited = { ...moto.env, AWS_ACCESS_KEY_ID: key.AccessKeyId!, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey! };
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
  });

  test('a denied create is reported with the resource and the API action; its dependents are not attempted', async () => {
    const run = quiet(createAwsClients({ env: limited, maxAttempts: 1 }));
    const err = await userErrorOf(updateDirect([vpc, subnet], run));
    expect(err.message).toMatch(new RegExp(`^VPC/${cluster}: CreateVpc: .*(UnauthorizedOperation|AccessDenied|not authorized)`, 'i'));
    expect(run.lines).toContain(`Error: Subnet/us-east-1a.${cluster}: not attempted: it depends on aws_vpc/${cluster}, which failed`);
  });

  test('with WarnIfInsufficientAccess the denial becomes a warning', async () => {
    const cloud = motoCloud(moto, limited);
    const result = await cloud.run([{ ...vpc, lifecycle: 'WarnIfInsufficientAccess' }]);
    expect(result.failed).toEqual([]);
    expect(result.outcomes[0].warnings[0]).toMatch(/^insufficient access, skipped: CreateVpc: /);
  });

  test('a dry run needs only read access', async () => {
    const run = { ...quiet(createAwsClients({ env: limited, maxAttempts: 1 })), yes: false };
    await updateDirect([vpc, subnet], run);
    expect(run.lines.join('')).toContain(`Will create resources:\n  Subnet/us-east-1a.${cluster}\n`);
  });
});
