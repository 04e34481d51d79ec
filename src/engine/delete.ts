import { buildGraph } from './graph.js';
import type { Actual, Provider } from './ops.js';
import { runTasks } from './run.js';
import type { Task } from './task.js';

/** One existing cloud object to delete. */
export interface Deletable {
  /** Unique among the objects being deleted, e.g. `aws_subnet/subnet-0abc`. */
  key: string;
  type: string;
  actual: Actual;
  /** Keys of the objects this one uses: they are deleted only after it. */
  uses?: readonly string[];
}

export interface DeleteEvent {
  key: string;
  kind: 'deleting' | 'deleted' | 'waiting' | 'failed';
  message?: string;
}

export interface DeleteOptions<C> {
  provider: Provider<C>;
  concurrency?: number;
  /** Rounds over the objects still left; an object still in use (DependencyViolation) waits for the next (default 12). */
  maxRounds?: number;
  /** Wait before round n+1 (ms). */
  roundDelay?: (round: number) => number;
  onEvent?: (event: DeleteEvent) => void;
}

export interface DeleteResult {
  deleted: string[];
  /** Objects left, with the last error each met. */
  failed: { key: string; error: string }[];
}

const defaultRoundDelay = (round: number) => Math.min(10_000, 500 * 2 ** (round - 1));

/**
 * Deletes objects users first: an object goes once every object using it is gone. The cloud may still see a
 * dependency we do not (a network interface left by a terminating instance): such deletions are retried in
 * later rounds, a bounded number of times.
 */
export async function deleteInOrder<C>(items: readonly Deletable[], options: DeleteOptions<C>): Promise<DeleteResult> {
  const { provider } = options;
  const left = new Map(items.map((i) => [i.key, i]));
  /** Errors that retrying will not fix; such objects stay, and so does what they use. */
  const finalErrors = new Map<string, string>();
  const waitErrors = new Map<string, string>();
  const deleted: string[] = [];
  const inUse = (key: string) => [...left.values()].some((i) => i.key !== key && i.uses?.includes(key));
  const maxRounds = options.maxRounds ?? 12;
  for (let round = 1; round <= maxRounds; round++) {
    const tried = new Set<string>();
    const attemptable = () => [...left.values()].filter((i) => !finalErrors.has(i.key) && !tried.has(i.key) && !inUse(i.key)).sort((a, b) => (a.key < b.key ? -1 : 1));
    if (attemptable().length === 0) break;
    if (round > 1) await new Promise((r) => setTimeout(r, (options.roundDelay ?? defaultRoundDelay)(round - 1)));
    waitErrors.clear();
    // Within a round, keep deleting whatever became free until nothing more can go.
    for (let free = attemptable(); free.length > 0; free = attemptable()) {
      await inBatches(free, options.concurrency ?? 10, async (item) => {
        tried.add(item.key);
        const outcome = await deleteOne(item, provider, options.onEvent);
        if (outcome === 'deleted') {
          left.delete(item.key);
          deleted.push(item.key);
        } else {
          (outcome.final ? finalErrors : waitErrors).set(item.key, outcome.error);
        }
      });
    }
  }
  const failed = [...left.keys()].map((key) => ({
    key,
    error: finalErrors.get(key) ?? waitErrors.get(key) ?? 'still in use by objects that could not be deleted',
  }));
  return { deleted, failed };
}

async function deleteOne<C>(
  item: Deletable,
  provider: Provider<C>,
  onEvent: DeleteOptions<C>['onEvent'],
): Promise<'deleted' | { final: boolean; error: string }> {
  const ops = provider.ops(item.type);
  if (!ops) return { final: true, error: `resource type ${item.type} cannot be deleted by this target` };
  onEvent?.({ key: item.key, kind: 'deleting' });
  try {
    await ops.delete(provider.cloud, item.actual);
  } catch (err) {
    const kind = provider.classify(err);
    if (kind !== 'notFound') {
      const final = kind !== 'dependencyViolation' && kind !== 'retryable';
      const error = provider.describe(err);
      onEvent?.({ key: item.key, kind: final ? 'failed' : 'waiting', message: error });
      return { final, error };
    }
  }
  onEvent?.({ key: item.key, kind: 'deleted' });
  return 'deleted';
}

/** Finds what exists of `tasks` and deletes it, users before what they use. */
export async function deleteTasks<C>(tasks: readonly Task[], options: DeleteOptions<C>): Promise<DeleteResult> {
  const graph = buildGraph(tasks);
  const found = await runTasks(tasks, { provider: options.provider, apply: false, concurrency: options.concurrency });
  const existing = found.outcomes.filter((o) => o.actual !== undefined && !o.task.shared && o.lifecycle !== 'Ignore');
  const keys = new Set(existing.map((o) => o.key));
  return deleteInOrder(
    existing.map((o) => ({ key: o.key, type: o.task.type, actual: o.actual!, uses: graph.get(o.key)!.deps.filter((d) => keys.has(d)) })),
    options,
  );
}

async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}
