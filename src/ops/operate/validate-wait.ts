import { UserError } from '../../errors.js';
import type { ValidationResult } from './validate.js';

export interface WaitOptions {
  /** Keep trying this long (0: one attempt). */
  waitMillis: number;
  /** Consecutive successful validations required. */
  count: number;
  intervalMillis: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Each result as it comes (the CLI prints it). */
  onResult: (result: ValidationResult) => void;
  /** A note on why another attempt follows. */
  onRetry: (why: string) => void;
}

/** Exit code of a cluster that is not (yet) valid. */
export const INVALID_EXIT_CODE = 2;

/**
 * `kops validate cluster --wait --count --interval`: validates until `count` consecutive passes, or until the wait is
 * over. Failures end it at once without a wait; errors reaching the cluster are retried only while waiting.
 */
export async function validateUntilValid(validate: () => Promise<ValidationResult>, o: WaitOptions): Promise<ValidationResult> {
  const deadline = o.now() + o.waitMillis;
  let consecutive = 0;
  for (;;) {
    if (o.waitMillis > 0 && o.now() > deadline && consecutive === 0) {
      throw new UserError('validation failed: wait time exceeded during validation', undefined, INVALID_EXIT_CODE);
    }
    let result: ValidationResult;
    try {
      result = await validate();
    } catch (err) {
      consecutive = 0;
      if (o.waitMillis <= 0) throw err;
      o.onRetry(`unexpected error during validation: ${(err as Error).message}`);
      await o.sleep(o.intervalMillis);
      continue;
    }
    o.onResult(result);
    if (result.failures.length === 0) {
      consecutive++;
      if (consecutive >= o.count) return result;
      if (o.waitMillis <= 0) throw new UserError(`validation failed: cluster passed validation ${consecutive} consecutive times`, 'use --wait to validate again', INVALID_EXIT_CODE);
      o.onRetry(`cluster passed validation ${consecutive} consecutive times`);
    } else {
      consecutive = 0;
      if (o.waitMillis <= 0) throw new UserError('validation failed: cluster not yet healthy', undefined, INVALID_EXIT_CODE);
      o.onRetry('cluster not yet healthy');
    }
    await o.sleep(o.intervalMillis);
  }
}
