import { describeAwsError, type AwsClients } from '../../cloud/aws/clients.js';
import { deletionErrorClass } from './aws-util.js';
import { prerequisites } from './order.js';
import { resourceKey, type Blocker, type ClusterResource, type ResourceType } from './resource.js';

export interface DeletePolicy {
  /** Calls in flight at once. */
  concurrency: number;
  /** Longest time to keep retrying objects AWS still sees in use (ms). */
  waitMs: number;
  /** Give up on an object after this many refusals in a row; 0 leaves only `waitMs` as the bound. */
  maxAttempts: number;
  /** Longest pause between two attempts on one object (ms); pauses grow from 500 ms up to it. */
  intervalMs: number;
  /** After this many refusals, ask what outside the cluster holds the object, and stop if something does. */
  explainAfter: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export const defaultDeletePolicy: DeletePolicy = { concurrency: 8, waitMs: 10 * 60_000, maxAttempts: 0, intervalMs: 10_000, explainAfter: 3 };

export type DeleteEvent =
  | { kind: 'done'; resource: ClusterResource }
  | { kind: 'retrying'; resource: ClusterResource; reason: string }
  | { kind: 'failed'; resource: ClusterResource; reason: string };

export interface DeleteReport {
  done: ClusterResource[];
  failed: { resource: ClusterResource; reason: string }[];
  /** Objects not attempted because something that had to go before them could not. */
  skipped: { resource: ClusterResource; waitingFor: ClusterResource }[];
  /** What outside the cluster holds on to objects that could not be deleted. */
  blockers: Blocker[];
}

type Outcome = 'done' | 'failed' | 'skipped';

/**
 * Deletes (or untags) the objects, each kind only after the kinds that must go before it (see order.ts); objects of
 * independent kinds go at the same time, up to `concurrency` calls. An object AWS still sees in use is retried with
 * growing pauses, within bounds; when something outside the cluster holds it, the run names it instead of waiting.
 */
export async function deleteResources(
  aws: AwsClients,
  resources: readonly ClusterResource[],
  policy: DeletePolicy = defaultDeletePolicy,
  onEvent: (e: DeleteEvent) => void = () => {},
): Promise<DeleteReport> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = policy.now ?? Date.now;
  const deadline = now() + policy.waitMs;
  const limit = semaphore(policy.concurrency);
  const report: DeleteReport = { done: [], failed: [], skipped: [], blockers: [] };
  const outcomes = new Map<string, Outcome>();
  const byType = new Map<ResourceType, ClusterResource[]>();
  for (const r of resources) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);

  const typeSettled = new Map<ResourceType, Promise<void>>();
  const settled = (type: ResourceType): Promise<void> => {
    let p = typeSettled.get(type);
    if (!p) {
      p = Promise.all(prerequisites(type).map(settled)).then(async () => {
        await Promise.all((byType.get(type) ?? []).map(deleteOne));
      });
      typeSettled.set(type, p);
    }
    return p;
  };

  const deleteOne = async (r: ClusterResource): Promise<void> => {
    const key = resourceKey(r);
    const waitingFor = prerequisites(r.type)
      .flatMap((t) => byType.get(t) ?? [])
      .find((p) => outcomes.get(resourceKey(p)) !== 'done');
    if (waitingFor) {
      outcomes.set(key, 'skipped');
      report.skipped.push({ resource: r, waitingFor });
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await limit(() => r.run(aws));
        outcomes.set(key, 'done');
        report.done.push(r);
        onEvent({ kind: 'done', resource: r });
        return;
      } catch (err) {
        const kind = deletionErrorClass(err);
        const reason = describeAwsError(err);
        if (kind === 'notFound') {
          outcomes.set(key, 'done');
          report.done.push(r);
          onEvent({ kind: 'done', resource: r });
          return;
        }
        const waitable = kind === 'dependencyViolation' || kind === 'retryable';
        if (waitable && kind === 'dependencyViolation' && r.findBlockers && attempt % policy.explainAfter === 0) {
          const blockers = await r.findBlockers(aws).catch(() => []);
          if (blockers.length > 0) return fail(r, reason, blockers);
        }
        const pause = Math.min(policy.intervalMs, 500 * 2 ** (attempt - 1));
        const outOfAttempts = policy.maxAttempts > 0 && attempt >= policy.maxAttempts;
        if (!waitable || outOfAttempts || now() + pause > deadline) {
          const blockers = kind === 'dependencyViolation' && r.findBlockers ? await r.findBlockers(aws).catch(() => []) : [];
          return fail(r, waitable ? `still in use: ${reason}` : reason, blockers);
        }
        onEvent({ kind: 'retrying', resource: r, reason });
        await sleep(pause);
      }
    }
  };

  const fail = (r: ClusterResource, reason: string, blockers: Blocker[]) => {
    outcomes.set(resourceKey(r), 'failed');
    report.failed.push({ resource: r, reason });
    report.blockers.push(...blockers);
    onEvent({ kind: 'failed', resource: r, reason });
  };

  await Promise.all([...byType.keys()].map(settled));
  return report;
}

function semaphore(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next one waiting.
    if (active < max) active++;
    else await new Promise<void>((r) => queue.push(r));
    try {
      return await task();
    } finally {
      const next = queue.shift();
      if (next) next();
      else active--;
    }
  };
}
