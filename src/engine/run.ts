import { diffFields, type FieldChange } from './diff.js';
import { buildGraph, topologicalOrder, type GraphNode } from './graph.js';
import { effectiveLifecycle, type LifecycleOverrides } from './lifecycle.js';
import { newRunSession, type Actual, type Provider, type ResourceOps } from './ops.js';
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
  /** Attempts per cloud call for errors the provider calls retryable, e.g. eventual consistency (default 6). */
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
async function schedule(graph: Map<string, GraphNode>, limit: number, work: (key: string) => Promise<void>): Promise<void> {
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
  private readonly session = newRunSession();

  constructor(
    private readonly graph: Map<string, GraphNode>,
    private readonly outcomes: Map<string, TaskOutcome>,
    private readonly options: RunOptions<C>,
  ) {}

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
    const pending = containsPending(spec);
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
      if (pending) throw new Error(`cannot create: it depends on ${describePending(spec)}, which does not exist`);
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
    const maxAttempts = this.options.maxAttempts ?? 6;
    const delay = this.options.retryDelay ?? defaultRetryDelay;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const kind = this.options.provider.classify(err);
        const again = kind === 'retryable' || (options.orNotFound === true && kind === 'notFound');
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
