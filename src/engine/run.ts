import { diffFields, type FieldChange } from './diff.js';
import { buildGraph, topologicalOrder, type GraphNode } from './graph.js';
import { effectiveLifecycle, type LifecycleOverrides } from './lifecycle.js';
import { newRunSession, type Actual, type ErrorClass, type Provider, type ResourceOps, type RunSession } from './ops.js';
import { containsPending, isPlainObject, Pending, resolveRefs } from './refs.js';
import { isRef, type Lifecycle, type Ref, type Task } from './task.js';

export type Action = 'create' | 'update' | 'none' | 'skip';

export interface TaskOutcome {
  key: string;
  task: Task;
  lifecycle: Lifecycle;
  action: Action;
  /** Field-level changes; for a create, every declared field (new values only). */
  changes: FieldChange[];
  /** Changed fields that cannot change in place (the update is refused). */
  immutableChanges: string[];
  warnings: string[];
  /** Set when the task failed or could not be attempted. */
  error?: string;
  /** Whether the change was made (apply mode) rather than only planned. */
  applied: boolean;
  actual?: Actual;
}

export interface TaskEvent {
  key: string;
  kind: 'creating' | 'updating' | 'created' | 'updated' | 'retrying' | 'warning' | 'failed';
  message?: string;
}

export interface RunOptions<C> {
  provider: Provider<C>;
  /** false: find and diff only (dry run); no mutating call is made. */
  apply: boolean;
  lifecycleOverrides?: LifecycleOverrides;
  /** Tasks in flight at once (default 10). */
  concurrency?: number;
  /**
   * Attempts per cloud call for errors the provider calls retryable (default 30, about two minutes: a new IAM account
   * or instance profile can take that long to be usable, and kops keeps retrying such a task for minutes), and for
   * "not found" when creating or changing (default 6: a dependency just made and not visible yet).
   */
  maxAttempts?: number;
  /** Wait before attempt n+1 (ms). */
  retryDelay?: (attempt: number) => number;
  onEvent?: (event: TaskEvent) => void;
}

export interface RunResult {
  /** One per task, in dependency order. */
  outcomes: TaskOutcome[];
  failed: TaskOutcome[];
}

const defaultRetryDelay = (attempt: number) => Math.min(5000, 250 * 2 ** attempt);
const DEFAULT_RETRYABLE_ATTEMPTS = 30;
const DEFAULT_NOT_FOUND_ATTEMPTS = 6;

/** The generic lifecycle: for each task in dependency order, find the actual object, diff, then act per lifecycle. */
export async function runTasks<C>(tasks: readonly Task[], options: RunOptions<C>): Promise<RunResult> {
  const graph = buildGraph(tasks);
  const order = topologicalOrder(graph);
  const outcomes = new Map<string, TaskOutcome>();
  const runner = new TaskRunner(graph, outcomes, options);
  await schedule(graph, options.concurrency ?? 10, async (key) => {
    outcomes.set(key, await runner.run(graph.get(key)!));
  });
  const ordered = order.map((k) => outcomes.get(k)!);
  return { outcomes: ordered, failed: ordered.filter((o) => o.error !== undefined) };
}

/** Runs `work` for every node once all its dependencies are done, at most `limit` at a time. */
async function schedule(graph: ReadonlyMap<string, Pick<GraphNode, 'key' | 'deps' | 'dependents'>>, limit: number, work: (key: string) => Promise<void>): Promise<void> {
  const remaining = new Map([...graph.values()].map((n) => [n.key, n.deps.length]));
  const ready = [...remaining].filter(([, n]) => n === 0).map(([k]) => k).sort();
  let running = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      while (running < Math.max(1, limit) && ready.length > 0) {
        const key = ready.shift()!;
        running++;
        work(key).then(() => {
          running--;
          for (const d of graph.get(key)!.dependents) {
            const left = remaining.get(d)! - 1;
            remaining.set(d, left);
            if (left === 0) ready.push(d);
          }
          ready.sort();
          pump();
        }, reject);
      }
      if (running === 0 && ready.length === 0) resolve();
    };
    pump();
  });
}

class TaskRunner<C> {
  private readonly session: RunSession;

  constructor(
    private readonly graph: Map<string, GraphNode>,
    private readonly outcomes: Map<string, TaskOutcome>,
    private readonly options: RunOptions<C>,
  ) {
    this.session = newRunSession([...graph.values()].map((n) => n.task));
  }

  async run(node: GraphNode): Promise<TaskOutcome> {
    const { task } = node;
    const outcome: TaskOutcome = {
      key: node.key,
      task,
      lifecycle: effectiveLifecycle(task, this.options.lifecycleOverrides),
      action: 'skip',
      changes: [],
      immutableChanges: [],
      warnings: [],
      applied: false,
    };
    const failedDep = node.deps.find((d) => this.outcomes.get(d)?.error !== undefined);
    if (failedDep) return this.fail(outcome, `not attempted: it depends on ${failedDep}, which failed`);
    const ops = this.options.provider.ops(task.type);
    if (!ops) return this.fail(outcome, `resource type ${task.type} is not supported by this target`);
    try {
      await this.reconcile(outcome, ops);
    } catch (err) {
      if (outcome.lifecycle === 'WarnIfInsufficientAccess' && this.options.provider.classify(err) === 'accessDenied') {
        this.warn(outcome, `insufficient access, skipped: ${this.options.provider.describe(err)}`);
        outcome.action = 'skip';
      } else {
        return this.fail(outcome, this.options.provider.describe(err));
      }
    }
    return outcome;
  }

  private async reconcile(outcome: TaskOutcome, ops: ResourceOps<C>): Promise<void> {
    const { task, lifecycle } = outcome;
    const { cloud } = this.options.provider;
    const spec = resolveRefs(task.spec, (r) => this.resolve(r)) as Record<string, unknown>;
    const pending = Object.keys(spec).some((f) => !ops.foundWithoutPending?.includes(f) && containsPending(spec[f]));
    if (lifecycle === 'Ignore') {
      // Not ours to manage; looked up only so that references to it resolve, and never an error.
      outcome.actual = pending ? undefined : await ops.find(cloud, spec, task, this.session).catch(() => undefined);
      return;
    }
    // An object referring to something not created yet cannot exist yet either.
    const actual = pending ? undefined : await this.retry(outcome, () => ops.find(cloud, spec, task, this.session));
    outcome.actual = actual;

    if (!actual) {
      if (task.shared) throw new Error(`shared ${task.kopsKind} ${task.name} was not found; it must exist before the cluster uses it`);
      if (lifecycle === 'ExistsAndValidates' || lifecycle === 'ExistsAndWarnIfChanges') {
        throw new Error(`${task.kopsKind} ${task.name} does not exist, and its lifecycle ${lifecycle} requires it to`);
      }
      outcome.action = 'create';
      outcome.changes = Object.keys(spec)
        .sort()
        .filter((f) => spec[f] !== undefined)
        .map((field) => ({ field, old: undefined, new: spec[field] }));
      if (!this.options.apply) return;
      if (containsPending(spec)) throw new Error(`cannot create: it depends on ${describePending(spec)}, which does not exist`);
      this.options.onEvent?.({ key: outcome.key, kind: 'creating' });
      const created = await this.retry(outcome, () => ops.create(cloud, spec, task), { orNotFound: true });
      outcome.actual = { id: created.id, attrs: created.attrs, fields: spec };
      outcome.applied = true;
      this.options.onEvent?.({ key: outcome.key, kind: 'created', message: created.id });
      return;
    }

    let changes = diffFields(spec, actual.fields, ops);
    // A shared object is the user's: we only add our tags to it.
    if (task.shared) changes = changes.filter((c) => c.field === 'tags');
    if (changes.length === 0) {
      outcome.action = 'none';
      return;
    }
    const summary = changes.map((c) => c.field).join(', ');
    if (lifecycle === 'ExistsAndValidates') throw new Error(`differs from its declaration (${summary}); lifecycle ExistsAndValidates does not change it`);
    if (lifecycle === 'ExistsAndWarnIfChanges') {
      outcome.action = 'none';
      outcome.changes = changes;
      this.warn(outcome, `differs from its declaration (${summary}); left unchanged (lifecycle ExistsAndWarnIfChanges)`);
      return;
    }
    outcome.action = 'update';
    outcome.changes = changes;
    outcome.immutableChanges = changes.map((c) => c.field).filter((f) => !ops.update || ops.immutable?.includes(f));
    if (!this.options.apply) return;
    if (outcome.immutableChanges.length > 0) {
      throw new Error(`cannot change in place: ${outcome.immutableChanges.join(', ')}`);
    }
    if (containsPending(spec)) throw new Error(`cannot change: it depends on ${describePending(spec)}, which does not exist`);
    this.options.onEvent?.({ key: outcome.key, kind: 'updating', message: summary });
    const updated = await this.retry(outcome, () => ops.update!(cloud, actual, spec, changes.map((c) => c.field), task), { orNotFound: true });
    outcome.actual = {
      id: updated?.id ?? actual.id,
      attrs: { ...actual.attrs, ...updated?.attrs },
      fields: { ...actual.fields, ...spec },
    };
    outcome.applied = true;
    this.options.onEvent?.({ key: outcome.key, kind: 'updated' });
  }

  /** The value a Ref stands for: the referenced object's id or attribute, its declared field, or Pending. */
  private resolve(r: Ref): unknown {
    const key = `${r.$ref.type}/${r.$ref.name}`;
    const dep = this.outcomes.get(key);
    const actual = dep?.actual;
    if (actual) {
      if (r.attr === 'id') return actual.id;
      const value = actual.attrs?.[r.attr] ?? actual.fields[camelCase(r.attr)];
      if (value !== undefined) return value;
    }
    const declared = this.graph.get(key)?.task.spec[camelCase(r.attr) as keyof object] as unknown;
    if (declared !== undefined && !isRef(declared) && !(isPlainObject(declared) || Array.isArray(declared))) return declared;
    return new Pending(r.$ref, r.attr);
  }

  /**
   * Retries what the provider calls retryable. With `orNotFound` (creates and updates), "not found" too: an object
   * just made by a dependency may not be visible yet everywhere (eventual consistency).
   */
  private async retry<T>(outcome: TaskOutcome, call: () => Promise<T>, options: { orNotFound?: boolean } = {}): Promise<T> {
    const delay = this.options.retryDelay ?? defaultRetryDelay;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const kind = this.options.provider.classify(err);
        const again = kind === 'retryable' || (options.orNotFound === true && kind === 'notFound');
        const maxAttempts = this.options.maxAttempts ?? (kind === 'retryable' ? DEFAULT_RETRYABLE_ATTEMPTS : DEFAULT_NOT_FOUND_ATTEMPTS);
        if (attempt >= maxAttempts || !again) throw err;
        this.options.onEvent?.({ key: outcome.key, kind: 'retrying', message: this.options.provider.describe(err) });
        await new Promise((r) => setTimeout(r, delay(attempt)));
      }
    }
  }

  private warn(outcome: TaskOutcome, message: string): void {
    outcome.warnings.push(message);
    this.options.onEvent?.({ key: outcome.key, kind: 'warning', message });
  }

  private fail(outcome: TaskOutcome, message: string): TaskOutcome {
    outcome.error = message;
    this.options.onEvent?.({ key: outcome.key, kind: 'failed', message });
    return outcome;
  }
}

/** Refs name attributes as Terraform does (`cidr_block`); spec fields are their camelCase (`cidrBlock`). */
function camelCase(attr: string): string {
  return attr.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function describePending(spec: Record<string, unknown>): string {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (v instanceof Pending) found.push(`${v.target.type}/${v.target.name}`);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (isPlainObject(v)) Object.values(v).forEach(walk);
  };
  walk(spec);
  return [...new Set(found)].join(', ');
}

/** One existing object to remove (delete, or strip of the cluster's tags). */
export interface Removal {
  /** Unique among the objects being removed. */
  key: string;
  /** Keys of the objects that must be gone before this one (its users): dependencies reversed. */
  after: readonly string[];
}

export interface RemovalPolicy {
  /** Cloud calls in flight at once. */
  concurrency: number;
  /** Longest time to keep retrying objects the cloud still sees in use (ms). */
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

export interface RemovalCalls<T extends Removal, B> {
  remove(item: T): Promise<void>;
  classify(err: unknown): ErrorClass;
  describe(err: unknown): string;
  /** What outside the cluster holds an object the cloud keeps refusing to delete; empty when nothing is found. */
  explain?(item: T): Promise<B[]>;
}

export type RemovalEvent<T> = { kind: 'done'; item: T } | { kind: 'retrying'; item: T; reason: string } | { kind: 'failed'; item: T; reason: string };

export interface RemovalReport<T, B> {
  done: T[];
  failed: { item: T; reason: string }[];
  /** Objects not attempted because one that had to go before them could not. */
  skipped: { item: T; waitingFor: T }[];
  blockers: B[];
}

/**
 * Removes objects users first, on the same scheduler as `runTasks` with the dependencies reversed: an object goes
 * once every object it waits for is gone. The cloud may still see a dependency we do not (an interface left by a
 * terminating instance): such refusals are retried with growing pauses, within the policy's bounds; when
 * something outside the cluster holds the object, the run names it instead of waiting.
 */
export async function runRemovals<T extends Removal, B>(
  items: readonly T[],
  policy: RemovalPolicy,
  calls: RemovalCalls<T, B>,
  onEvent: (e: RemovalEvent<T>) => void = () => {},
): Promise<RemovalReport<T, B>> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = policy.now ?? Date.now;
  const deadline = now() + policy.waitMs;
  const limit = semaphore(policy.concurrency);
  const report: RemovalReport<T, B> = { done: [], failed: [], skipped: [], blockers: [] };
  const byKey = new Map(items.map((i) => [i.key, i]));
  const graph = new Map(items.map((i) => [i.key, { key: i.key, deps: i.after.filter((k) => byKey.has(k) && k !== i.key), dependents: [] as string[] }]));
  for (const node of graph.values()) for (const d of node.deps) graph.get(d)!.dependents.push(node.key);
  const gone = new Set<string>();

  const done = (item: T) => {
    gone.add(item.key);
    report.done.push(item);
    onEvent({ kind: 'done', item });
  };
  const fail = (item: T, reason: string, blockers: B[]) => {
    report.failed.push({ item, reason });
    report.blockers.push(...blockers);
    onEvent({ kind: 'failed', item, reason });
  };
  const explain = (item: T) => (calls.explain ? calls.explain(item).catch(() => []) : Promise.resolve([]));

  // Waiting objects hold no call slot: the bound is on calls in flight, not on objects in progress.
  await schedule(graph, Number.MAX_SAFE_INTEGER, async (key) => {
    const item = byKey.get(key)!;
    const waitingFor = graph.get(key)!.deps.find((d) => !gone.has(d));
    if (waitingFor) {
      report.skipped.push({ item, waitingFor: byKey.get(waitingFor)! });
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await limit(() => calls.remove(item));
        return done(item);
      } catch (err) {
        const kind = calls.classify(err);
        if (kind === 'notFound') return done(item);
        const reason = calls.describe(err);
        const waitable = kind === 'dependencyViolation' || kind === 'retryable';
        if (kind === 'dependencyViolation' && attempt % policy.explainAfter === 0) {
          const blockers = await explain(item);
          if (blockers.length > 0) return fail(item, reason, blockers);
        }
        const pause = Math.min(policy.intervalMs, 500 * 2 ** (attempt - 1));
        const outOfAttempts = policy.maxAttempts > 0 && attempt >= policy.maxAttempts;
        if (!waitable || outOfAttempts || now() + pause > deadline) {
          return fail(item, waitable ? `still in use: ${reason}` : reason, kind === 'dependencyViolation' ? await explain(item) : []);
        }
        onEvent({ kind: 'retrying', item, reason });
        await sleep(pause);
      }
    }
  });
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

export interface DeleteTasksOptions<C> {
  provider: Provider<C>;
  policy?: Partial<RemovalPolicy>;
}

export interface DeleteTasksResult {
  deleted: string[];
  /** Objects left, with the error each met (or what they waited for). */
  failed: { key: string; error: string }[];
}

const defaultRemovalPolicy: RemovalPolicy = { concurrency: 10, waitMs: 5 * 60_000, maxAttempts: 12, intervalMs: 10_000, explainAfter: Number.MAX_SAFE_INTEGER };

/** Finds what exists of `tasks` and deletes it through each type's delete op: users before what they use. */
export async function deleteTasks<C>(tasks: readonly Task[], options: DeleteTasksOptions<C>): Promise<DeleteTasksResult> {
  const { provider } = options;
  const graph = buildGraph(tasks);
  const found = await runTasks(tasks, { provider, apply: false });
  const existing = found.outcomes.filter((o) => o.actual !== undefined && !o.task.shared && o.lifecycle !== 'Ignore');
  const items = existing.map((o) => ({ key: o.key, after: graph.get(o.key)!.dependents, outcome: o }));
  const report = await runRemovals(
    items,
    { ...defaultRemovalPolicy, ...options.policy },
    {
      async remove({ outcome }) {
        const ops = provider.ops(outcome.task.type);
        if (!ops) throw new Error(`resource type ${outcome.task.type} cannot be deleted by this target`);
        await ops.delete(provider.cloud, outcome.actual!);
      },
      classify: (err) => provider.classify(err),
      describe: (err) => provider.describe(err),
    },
  );
  return {
    deleted: report.done.map((i) => i.key),
    failed: [...report.failed.map((f) => ({ key: f.item.key, error: f.reason })), ...report.skipped.map((s) => ({ key: s.item.key, error: `waits for ${s.waitingFor.key}, which could not be deleted` }))],
  };
}
