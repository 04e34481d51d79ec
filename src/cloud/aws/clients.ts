import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IAMClient } from '@aws-sdk/client-iam';
import { Route53Client } from '@aws-sdk/client-route-53';
import { SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { resilientClient } from '../../aws-retry.js';
import { UserError } from '../../errors.js';

/** One call as it leaves for AWS (once per logical call, not per retry). */
export interface AwsCall {
  service: string;
  command: string;
}

export interface AwsClientOptions {
  region?: string;
  /** Where to read AWS_ENDPOINT_URL, AWS_REGION and credentials from (default: process.env, with the SDK's full chain). */
  env?: Record<string, string | undefined>;
  /** At most this many attempts per call (default: as many as the retry policy's time budget allows). */
  maxAttempts?: number;
  onCall?: (call: AwsCall) => void;
}

/** The SDK v3 clients kops uses, sharing region, endpoint, credentials and retry policy. */
export interface AwsClients {
  region: string;
  /** AWS_ENDPOINT_URL when set (moto in tests), for messages. */
  endpoint?: string;
  ec2: EC2Client;
  iam: IAMClient;
  autoScaling: AutoScalingClient;
  elbv2: ElasticLoadBalancingV2Client;
  /** Classic load balancers (Kubernetes services of type LoadBalancer default to them). */
  elb: ElasticLoadBalancingClient;
  route53: Route53Client;
  sqs: SQSClient;
  eventBridge: EventBridgeClient;
  sts: STSClient;
}

export function createAwsClients(options: AwsClientOptions = {}): AwsClients {
  // The SDK's notice about its own future Node support is not for kops users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const env = options.env ?? process.env;
  const region = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const endpoint = env.AWS_ENDPOINT_URL || undefined;
  const config = {
    region,
    endpoint,
    credentials: credentialsFrom(env, options.env === undefined),
  };
  // IAM and Route53 are global services, signed for us-east-1 on the standard partition.
  const global = { ...config, region: endpoint ? region : 'us-east-1' };
  const limits = { maxAttempts: options.maxAttempts };
  // Every client gets the retry policy of aws-retry.ts: throttling, 5xx and dropped connections are retried there.
  const clients = {
    ec2: resilientClient('ec2', (r) => new EC2Client({ ...config, ...r }), limits),
    iam: resilientClient('iam', (r) => new IAMClient({ ...global, ...r }), limits),
    autoScaling: resilientClient('autoscaling', (r) => new AutoScalingClient({ ...config, ...r }), limits),
    elbv2: resilientClient('elbv2', (r) => new ElasticLoadBalancingV2Client({ ...config, ...r }), limits),
    elb: resilientClient('elb', (r) => new ElasticLoadBalancingClient({ ...config, ...r }), limits),
    route53: resilientClient('route53', (r) => new Route53Client({ ...global, ...r }), limits),
    sqs: resilientClient('sqs', (r) => new SQSClient({ ...config, ...r }), limits),
    eventBridge: resilientClient('events', (r) => new EventBridgeClient({ ...config, ...r }), limits),
    sts: resilientClient('sts', (r) => new STSClient({ ...config, ...r }), limits),
  };
  for (const [service, client] of Object.entries(clients)) instrument(service, client, options.onCall);
  return { region, endpoint, ...clients };
}

function credentialsFrom(env: Record<string, string | undefined>, isProcessEnv: boolean) {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN };
  }
  // The process environment gets the SDK's full chain (profiles, SSO, instance roles); an explicit one only its keys.
  if (isProcessEnv) return undefined;
  return async () => {
    throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
  };
}

type Instrumentable = { middlewareStack: { add: (mw: never, options: { step: 'initialize'; name: string }) => void } };

/** Records each call and tags errors with the API action that failed, so messages can name it. */
function instrument(service: string, client: Instrumentable, onCall: AwsClientOptions['onCall']): void {
  const middleware =
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    async (args: unknown) => {
      const command = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      onCall?.({ service, command });
      try {
        return await next(args);
      } catch (err) {
        if (err && typeof err === 'object' && !('$action' in err)) Object.assign(err, { $action: command });
        throw err;
      }
    };
  client.middlewareStack.add(middleware as never, { step: 'initialize', name: 'kopsCallRecorder' });
}

/** Calls that change nothing in the cloud (used to prove a run is read-only). */
export function isReadOnlyCall(command: string): boolean {
  return /^(Describe|List|Get|Lookup|Search)/.test(command);
}

interface AwsErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $action?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  cause?: unknown;
}

export function awsErrorCode(err: unknown): string {
  const e = (err ?? {}) as AwsErrorShape;
  return e.Code ?? e.name ?? e.code ?? 'Error';
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess', 'AuthorizationError', 'Forbidden']);
const DEPENDENCY = new Set(['DependencyViolation', 'ResourceInUse', 'ResourceInUseFault', 'DeleteConflict', 'ScalingActivityInProgress', 'ScalingActivityInProgressFault', 'InvalidIPAddress.InUse', 'AuthFailure.InUse']);
const NOT_FOUND = /NotFound|NoSuchEntity|NoSuchHostedZone|NonExistentQueue|QueueDoesNotExist|ResourceNotFound|^InvalidAllocationID|^InvalidKeyPair\.NotFound/;
const EVENTUAL = new Set(['IncorrectState', 'RequestLimitExceeded', 'Throttling', 'ThrottlingException', 'TooManyRequestsException', 'PriorRequestNotComplete', 'InvalidSubnet.Range']);

export type AwsErrorClass = 'accessDenied' | 'retryable' | 'dependencyViolation' | 'notFound' | 'other';

export function classifyAwsError(err: unknown): AwsErrorClass {
  const code = awsErrorCode(err);
  const message = (err as AwsErrorShape)?.message ?? '';
  if (ACCESS_DENIED.has(code)) return 'accessDenied';
  if (DEPENDENCY.has(code)) return 'dependencyViolation';
  if (NOT_FOUND.test(code)) return 'notFound';
  if (code === 'ValidationError' && /not found|does not exist/i.test(message)) return 'notFound';
  if (EVENTUAL.has(code)) return 'retryable';
  // A just-created instance profile is not usable by EC2/autoscaling until IAM has propagated it.
  if (/InvalidParameterValue|ValidationError/.test(code) && /instance profile|IamInstanceProfile/i.test(message)) return 'retryable';
  return 'other';
}

/** One line for a failed call: the API action, the AWS error code and its message. */
export function describeAwsError(err: unknown): string {
  const e = (err ?? {}) as AwsErrorShape;
  const network = networkFailure(err);
  if (network) return `${e.$action ? `${e.$action}: ` : ''}cannot reach AWS (${network})`;
  if (e.name === 'CredentialsProviderError') return 'no AWS credentials found';
  const message = (e.message ?? String(err)).split('\n')[0];
  // Our own errors (not from an AWS call) speak for themselves.
  if (!e.$metadata && !e.$action) return message;
  const code = awsErrorCode(err);
  const text = message.includes(code) ? message : `${code}: ${message}`;
  const attempts = (e.$metadata?.attempts ?? 1) > 1 ? ` (after ${e.$metadata!.attempts} attempts)` : '';
  return `${e.$action ? `${e.$action}: ` : ''}${text}${attempts}`;
}

/**
 * Turns the errors every call would meet (no credentials, endpoint unreachable, credentials rejected) into one
 * user-facing error; other errors come back undefined.
 */
export function environmentError(err: unknown, clients: Pick<AwsClients, 'endpoint' | 'region'>): UserError | undefined {
  const e = (err ?? {}) as AwsErrorShape;
  if (e.name === 'CredentialsProviderError') {
    return new UserError('no AWS credentials found', 'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, for the account that holds the cluster');
  }
  const network = networkFailure(err);
  if (network) {
    const where = clients.endpoint ?? `AWS in ${clients.region}`;
    return new UserError(`cannot reach ${where}: ${network}`, clients.endpoint ? 'check AWS_ENDPOINT_URL and that the endpoint is up' : 'check your network connection and proxy settings');
  }
  const code = awsErrorCode(err);
  if (['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'UnrecognizedClientException', 'AuthFailure'].includes(code)) {
    return new UserError(`AWS rejected the credentials (${code})`, 'check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or refresh the session');
  }
  return undefined;
}

const NETWORK_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN', 'TimeoutError'];

function networkFailure(err: unknown): string | undefined {
  for (let e = err as AwsErrorShape | undefined, depth = 0; e && depth < 4; e = e.cause as AwsErrorShape | undefined, depth++) {
    const code = e.code ?? e.name;
    if (code && NETWORK_CODES.includes(code)) return code === 'ECONNREFUSED' ? 'connection refused' : code;
  }
  return undefined;
}

/** Checks that credentials work and the endpoint answers, before any other call. */
export async function verifyAwsAccess(clients: AwsClients): Promise<{ account: string; arn: string }> {
  try {
    const id = await clients.sts.send(new GetCallerIdentityCommand({}));
    return { account: id.Account ?? '', arn: id.Arn ?? '' };
  } catch (err) {
    throw environmentError(err, clients) ?? new UserError(`checking AWS credentials: ${describeAwsError(err)}`);
  }
}
