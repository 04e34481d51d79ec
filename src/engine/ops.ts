import type { Task } from './task.js';

/** What the cloud reports for one object: its id, attributes other tasks may reference, and the declared fields it echoes. */
export interface Actual {
  /** The cloud id; what `ref(task)` (attr `id`) resolves to. */
  id: string;
  /** Other referenceable attributes (`arn`, `name`, `latestVersion`, ...). */
  attrs?: Record<string, unknown>;
  /**
   * Declared fields as the cloud reports them, in the task spec's shape. A field left undefined was not reported
   * back and is unknown: the diff does not flag it.
   */
  fields: Record<string, unknown>;
}

/** What a create (or an update) tells the engine about the object afterwards. */
export interface Created {
  id: string;
  attrs?: Record<string, unknown>;
}

/**
 * The calls particular to one resource type. Everything else (ordering, ref resolution, diffing, lifecycles,
 * retries, plan printing) is the engine's. `spec` is the task spec with every Ref replaced by its value.
 */
export interface ResourceOps<C = unknown> {
  /** The task type these ops serve (the Terraform resource type, e.g. `aws_vpc`). */
  type: string;
  /** Fields that cannot change once the object exists: a difference is reported, never silently ignored. */
  immutable?: readonly string[];
  /** Array fields compared as sets (order carries no meaning). */
  unordered?: readonly string[];
  /** Map fields compared on the desired keys only (extra keys in the cloud are not ours); default `['tags']`. */
  subsetMaps?: readonly string[];
  /** Fields written but never diffed (the cloud cannot report them in a comparable form). */
  writeOnly?: readonly string[];
  /**
   * Fields that may refer to an object still to be made (a replacement, e.g. the new template of a group) while
   * this object already exists: it is found without them, and the field shows as changing to the new object.
   */
  foundWithoutPending?: readonly string[];
  find(cloud: C, spec: Record<string, unknown>, task: Task, session: RunSession): Promise<Actual | undefined>;
  create(cloud: C, spec: Record<string, unknown>, task: Task): Promise<Created>;
  /** Brings the object to `spec` for the named (mutable) fields; may return new attributes (e.g. a new version). */
  update?(cloud: C, actual: Actual, spec: Record<string, unknown>, changed: readonly string[], task: Task): Promise<Partial<Created> | void>;
  /** Deletes the object; everything it needs must be in `actual` (discovered objects have no task). */
  delete(cloud: C, actual: Actual): Promise<void>;
}

/** Shared by the calls of one run: a look-up several tasks need (one group for many rules) is made once. */
export interface RunSession {
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** A value some earlier call of the run computed under `key`, without computing it. */
  peek<T>(key: string): Promise<T> | undefined;
  /** The run's tasks of one type (specs as declared, references unresolved): a listing can name them all at once. */
  declared(type: string): readonly Task[];
}

export function newRunSession(tasks: readonly Task[] = []): RunSession {
  const values = new Map<string, Promise<unknown>>();
  return {
    declared: (type) => tasks.filter((t) => t.type === type),
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let value = values.get(key) as Promise<T> | undefined;
      if (!value) {
        value = compute();
        values.set(key, value);
        // A failed look-up is not remembered: the next caller tries again.
        value.catch(() => values.delete(key));
      }
      return value;
    },
    peek<T>(key: string): Promise<T> | undefined {
      return values.get(key) as Promise<T> | undefined;
    },
  };
}

/** How an error from the cloud should be treated. */
export type ErrorClass = 'accessDenied' | 'retryable' | 'dependencyViolation' | 'notFound' | 'other';

/** A cloud as the engine sees it: ops per task type, and how to classify its errors. */
export interface Provider<C = unknown> {
  cloud: C;
  ops(type: string): ResourceOps<C> | undefined;
  classify(err: unknown): ErrorClass;
  /** A one-line description of a cloud error, naming the API action when known. */
  describe(err: unknown): string;
}
