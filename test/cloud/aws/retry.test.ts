import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { ListHostedZonesCommand } from '@aws-sdk/client-route-53';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { ListQueuesCommand } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { awsRetrySettings, backoffDelay, configureAwsRetries, resilientClient, type RetryNotice } from '../../../src/aws-retry.js';
import { createAwsClients, describeAwsError, type AwsClients } from '../../../src/cloud/aws/clients.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { startFaultProxy, type FaultKind, type FaultProxy } from '../../helpers/fault-proxy.js';

let moto: MotoServer;
let proxy: FaultProxy;
const original = { ...awsRetrySettings() };

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy({ target: moto.endpoint, rate: 0, seed: 7 });
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await moto?.stop();
});

afterEach(() => {
  configureAwsRetries(original);
  proxy.setRate(0);
  proxy.reset();
});

function throughProxy(options: { maxAttempts?: number } = {}): AwsClients {
  return createAwsClients({ env: { ...moto.env, AWS_ENDPOINT_URL: proxy.endpoint }, ...options });
}

function s3ThroughProxy(maxAttempts?: number): S3Client {
  return resilientClient('s3', (r) => new S3Client({ ...r, region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }), { maxAttempts });
}

/** One read-only call per client, each in its service's protocol. */
function oneCallPerService(aws: AwsClients, s3: S3Client): Record<string, () => Promise<unknown>> {
  return {
    ec2: () => aws.ec2.send(new DescribeVpcsCommand({})),
    iam: () => aws.iam.send(new ListRolesCommand({})),
    autoscaling: () => aws.autoScaling.send(new DescribeAutoScalingGroupsCommand({})),
    elbv2: () => aws.elbv2.send(new DescribeLoadBalancersCommand({})),
    elb: () => aws.elb.send(new DescribeClassicLoadBalancersCommand({})),
    route53: () => aws.route53.send(new ListHostedZonesCommand({})),
    sqs: () => aws.sqs.send(new ListQueuesCommand({})),
    events: () => aws.eventBridge.send(new ListRulesCommand({})),
    sts: () => aws.sts.send(new GetCallerIdentityCommand({})),
    s3: () => s3.send(new ListBucketsCommand({})),
  };
}

async function failureOf(call: () => Promise<unknown>): Promise<{ name: string; status?: number; line: string }> {
  const err = (await call().then(
    () => undefined,
    (e: unknown) => e,
  )) as { name: string; $metadata?: { httpStatusCode?: number } } | undefined;
  expect(err).toBeDefined();
  return { name: err!.name, status: err!.$metadata?.httpStatusCode, line: describeAwsError(err) };
}

describe('the fault proxy answers in each service protocol', () => {
  const expected: Record<FaultKind, Record<string, string>> = {
    throttle: { ec2: 'RequestLimitExceeded', iam: 'Throttling', autoscaling: 'Throttling', elbv2: 'Throttling', elb: 'Throttling', route53: 'Throttling', sqs: 'ThrottlingException', events: 'ThrottlingException', sts: 'Throttling', s3: 'SlowDown' },
    internal: { ec2: 'InternalError', iam: 'InternalFailure', autoscaling: 'InternalFailure', elbv2: 'InternalFailure', elb: 'InternalFailure', route53: 'InternalFailure', sqs: 'InternalFailure', events: 'InternalFailure', sts: 'InternalFailure', s3: 'InternalError' },
    unavailable: { ec2: 'Unavailable', iam: 'ServiceUnavailable', autoscaling: 'ServiceUnavailable', elbv2: 'ServiceUnavailable', elb: 'ServiceUnavailable', route53: 'ServiceUnavailable', sqs: 'ServiceUnavailable', events: 'ServiceUnavailable', sts: 'ServiceUnavailable', s3: 'ServiceUnavailable' },
    reset: {},
    slow: {},
  };
  for (const kind of ['throttle', 'internal', 'unavailable'] as const) {
    test(`${kind}: the SDK reads the error code real AWS would send`, async () => {
      const proxyKinds = await startFaultProxy({ target: moto.endpoint, rate: 1, seed: 1, kinds: [kind] });
      try {
        const env = { ...moto.env, AWS_ENDPOINT_URL: proxyKinds.endpoint };
        const aws = createAwsClients({ env, maxAttempts: 1 });
        const s3 = resilientClient('s3', (r) => new S3Client({ ...r, region: 'us-east-1', endpoint: proxyKinds.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }), { maxAttempts: 1 });
        const got: Record<string, string> = {};
        for (const [service, call] of Object.entries(oneCallPerService(aws, s3))) got[service] = (await failureOf(call)).name;
        expect(got).toEqual(expected[kind]);
      } finally {
        await proxyKinds.stop();
      }
    });
  }

  test('a dropped connection is a connection error, named as such', async () => {
    const resets = await startFaultProxy({ target: moto.endpoint, rate: 1, seed: 1, kinds: ['reset'] });
    try {
      const aws = createAwsClients({ env: { ...moto.env, AWS_ENDPOINT_URL: resets.endpoint }, maxAttempts: 1 });
      const failure = await failureOf(() => aws.ec2.send(new DescribeVpcsCommand({})));
      expect(failure.line).toMatch(/^DescribeVpcs: cannot reach AWS \(ECONNRESET\)$/);
    } finally {
      await resets.stop();
    }
  });
});

describe('retry policy', () => {
  test('backoff doubles from the base, is capped, and keeps at least half of its ceiling', () => {
    const low = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 };
    const high = { ...low, random: () => 0.999999 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, low))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, high))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  test('every service client rides out 40% faults of every kind, and each retry is reported with the call and error', async () => {
    const retries: RetryNotice[] = [];
    configureAwsRetries({ baseDelayMs: 5, maxDelayMs: 50, onRetry: (r) => retries.push(r) });
    proxy.setRate(0.4);
    const calls = oneCallPerService(throughProxy(), s3ThroughProxy());
    for (let round = 0; round < 6; round++) {
      for (const call of Object.values(calls)) await call();
    }
    expect(Object.values(proxy.injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    expect(proxy.injected.reset).toBeGreaterThan(0);
    expect(retries.length).toBeGreaterThan(5);
    expect(retries.map((r) => `${r.service} ${r.action}`)).toContain('ec2 DescribeVpcs');
    expect(retries.find((r) => r.service === 'ec2')?.error).toMatch(/RequestLimitExceeded|InternalError|Unavailable|ECONNRESET|socket hang up/);
  });

  test('a client error is not retried', async () => {
    const retries: RetryNotice[] = [];
    configureAwsRetries({ onRetry: (r) => retries.push(r) });
    const failure = await failureOf(() => throughProxy().ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-doesnotexist'] })));
    expect(failure.name).toMatch(/InvalidVpcID.NotFound/);
    expect(retries).toEqual([]);
  });

  test('no retry starts after the command deadline', async () => {
    const unavailable = await startFaultProxy({ target: moto.endpoint, rate: 1, seed: 1, kinds: ['unavailable'] });
    try {
      configureAwsRetries({ baseDelayMs: 50, maxDelayMs: 50, deadline: Date.now() + 400 });
      const aws = createAwsClients({ env: { ...moto.env, AWS_ENDPOINT_URL: unavailable.endpoint } });
      const started = Date.now();
      const failure = await failureOf(() => aws.ec2.send(new DescribeVpcsCommand({})));
      expect(failure.line).toMatch(/^DescribeVpcs: Unavailable: .* \(after \d+ attempts\)$/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await unavailable.stop();
    }
  });
});
