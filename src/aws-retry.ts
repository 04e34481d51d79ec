/**
 * The retry policy every AWS SDK client of kops is built with (cloud calls, look-ups, the S3 state store):
 * throttling, HTTP 5xx and connection errors are retried with capped exponential backoff and jitter, each call
 * for up to `callBudgetMs`, and no call past the command's deadline. Other errors fail at once.
 */

import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';

interface AttemptToken extends RetryToken {
  readonly firstAttemptAt: number;
}

export interface AwsRetrySettings {
  /** No retry is scheduled to start after this time (epoch ms): one deadline for the whole command. */
  deadline: number;
  /** Longest a single call keeps retrying, from its first attempt. */
  callBudgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Told about each retry, before its wait. */
  onRetry?: (retry: RetryNotice) => void;
  random: () => number;
}

export interface RetryNotice {
  service: string;
  /** The API action (e.g. DescribeVpcs), when the client's instrumentation named it. */
  action: string;
  /** One line about the error that caused the retry. */
  error: string;
  attempt: number;
  delayMs: number;
}

const DEFAULT_COMMAND_DEADLINE_MS = 60 * 60_000;

let settings: AwsRetrySettings = {
  deadline: Date.now() + DEFAULT_COMMAND_DEADLINE_MS,
  callBudgetMs: 3 * 60_000,
  baseDelayMs: 100,
  maxDelayMs: 15_000,
  random: Math.random,
};

/** Sets the policy for the clients of this process (the CLI calls it once per command). */
export function configureAwsRetries(changes: Partial<AwsRetrySettings>): void {
  settings = { ...settings, ...changes };
}

/** The settings in force (for tests and messages). */
export function awsRetrySettings(): Readonly<AwsRetrySettings> {
  return settings;
}

type ResilienceConfig = ReturnType<typeof resilienceConfig>;
type MiddlewareStack = { add: (mw: never, options: { step: 'deserialize'; name: string; priority: 'high' }) => void };

/**
 * Builds an SDK client with the retry policy: `make` gets the configuration to spread into the client's
 * constructor; each failed attempt is labelled with its API action so retries can be logged by name.
 */
export function resilientClient<C extends { middlewareStack: MiddlewareStack }>(service: string, make: (config: ResilienceConfig) => C, limits: AttemptLimits = {}): C {
  const client = make(resilienceConfig(service, limits));
  client.middlewareStack.add(labelFailedAttempts as never, { step: 'deserialize', name: 'kopsLabelFailedAttempts', priority: 'high' });
  return client;
}

export interface AttemptLimits {
  /** At most this many attempts per call (the default is limited only by time). */
  maxAttempts?: number;
}

/** A refused connection means nothing listens there: worth a couple more tries, not minutes of them. */
const MAX_ATTEMPTS_WHEN_REFUSED = 3;

function resilienceConfig(service: string, limits: AttemptLimits) {
  return {
    retryStrategy: new KopsRetryStrategy(service, limits),
    // Without a request timeout a connection that never answers would hold the command forever.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
  };
}

function labelFailedAttempts(next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) {
  return async (args: unknown) => {
    try {
      return await next(args);
    } catch (err) {
      if (err && typeof err === 'object' && !('$action' in err)) Object.assign(err, { $action: (context.commandName ?? 'Unknown').replace(/Command$/, '') });
      throw err;
    }
  };
}

/** Whether an attempt's failure is worth another attempt. */
export function isRetryableFailure(info: RetryErrorInfo): boolean {
  if (info.errorType === 'CLIENT_ERROR') return false;
  // 501 means the operation is not implemented (an S3-compatible store without conditional writes): final.
  return httpStatus(info.error) !== 501;
}

/** The wait before retry number `attempt` (1-based): exponential, capped, half of it random. */
export function backoffDelay(attempt: number, s: Pick<AwsRetrySettings, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + (s.random() * ceiling) / 2);
}

class KopsRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'kops';

  constructor(
    private readonly service: string,
    private readonly limits: AttemptLimits,
  ) {}

  async acquireInitialRetryToken(): Promise<AttemptToken> {
    return token(0, 0, Date.now());
  }

  async refreshRetryTokenForRetry(previousToken: RetryToken, info: RetryErrorInfo): Promise<AttemptToken> {
    const previous = previousToken as AttemptToken;
    if (!isRetryableFailure(info)) throw info.error;
    const attempt = previous.getRetryCount() + 1;
    const maxAttempts = Math.min(this.limits.maxAttempts ?? Infinity, isConnectionRefused(info.error) ? MAX_ATTEMPTS_WHEN_REFUSED : Infinity);
    if (attempt >= maxAttempts) throw info.error;
    const hinted = info.retryAfterHint ? info.retryAfterHint.getTime() - Date.now() : 0;
    const delayMs = Math.max(backoffDelay(attempt, settings), Math.min(hinted, settings.maxDelayMs));
    const startsAt = Date.now() + delayMs;
    if (startsAt > settings.deadline || startsAt - previous.firstAttemptAt > settings.callBudgetMs) throw info.error;
    settings.onRetry?.({ service: this.service, action: actionOf(info.error), error: oneLine(info.error), attempt, delayMs });
    return token(attempt, delayMs, previous.firstAttemptAt);
  }

  recordSuccess(): void {}
}

function token(retries: number, delay: number, firstAttemptAt: number): AttemptToken {
  return { firstAttemptAt, getRetryCount: () => retries, getRetryDelay: () => delay };
}

interface ErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $action?: string;
  $metadata?: { httpStatusCode?: number };
}

function isConnectionRefused(err: unknown): boolean {
  for (let e = err as (ErrorShape & { cause?: unknown }) | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === 'ECONNREFUSED') return true;
  }
  return false;
}

function httpStatus(err: unknown): number | undefined {
  return (err as ErrorShape | undefined)?.$metadata?.httpStatusCode;
}

function actionOf(err: unknown): string {
  return (err as ErrorShape | undefined)?.$action ?? 'call';
}

function oneLine(err: unknown): string {
  const e = (err ?? {}) as ErrorShape;
  const code = e.code && e.code !== e.name ? `${e.name ?? 'Error'} ${e.code}` : (e.name ?? 'Error');
  const status = httpStatus(err);
  const message = (e.message ?? '').split('\n')[0];
  return `${code}${status ? ` (HTTP ${status})` : ''}${message && message !== code ? `: ${message}` : ''}`;
}
