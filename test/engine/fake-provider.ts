import type { Actual, ErrorClass, Provider, ResourceOps } from '../../src/engine/ops.js';
import type { Lifecycle, Task } from '../../src/engine/task.js';

/** An in-memory cloud: objects per type keyed by their `name` field, every call recorded. */
export class FakeCloud {
  readonly objects = new Map<string, { id: string; fields: Record<string, unknown> }>();
  readonly calls: string[] = [];
  private nextId = 1;
  inFlight = 0;
  maxInFlight = 0;
  /** Per call `<op> <type>/<name>`: errors to throw, in order, before succeeding. */
  readonly failures = new Map<string, Error[]>();
  /** Fields this cloud never reports back. */
  unreported = new Set<string>();
  callDelayMs = 0;

  key(type: string, name: unknown): string {
    return `${type}/${String(name)}`;
  }

  async call<T>(label: string, body: () => T): Promise<T> {
    this.calls.push(label);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.callDelayMs > 0) await new Promise((r) => setTimeout(r, this.callDelayMs));
      const queued = this.failures.get(label);
      if (queued && queued.length > 0) throw queued.shift()!;
      return body();
    } finally {
      this.inFlight--;
    }
  }

  put(type: string, fields: Record<string, unknown>): string {
    const id = `${type.replace('fake_', '')}-${this.nextId++}`;
    this.objects.set(this.key(type, fields.name), { id, fields: { ...fields } });
    return id;
  }
}

export class CloudError extends Error {
  constructor(
    readonly kind: ErrorClass,
    message: string,
  ) {
    super(message);
  }
}

export function fakeOps(type: string, extra: Partial<ResourceOps<FakeCloud>> = {}): ResourceOps<FakeCloud> {
  return {
    type,
    find: (cloud, spec) =>
      cloud.call(`find ${type}/${String(spec.name)}`, () => {
        const o = cloud.objects.get(cloud.key(type, spec.name));
        if (!o) return undefined;
        const fields = Object.fromEntries(Object.entries(o.fields).filter(([k]) => !cloud.unreported.has(k)));
        return { id: o.id, attrs: { arn: `arn:${o.id}` }, fields } satisfies Actual;
      }),
    create: (cloud, spec) => cloud.call(`create ${type}/${String(spec.name)}`, () => ({ id: cloud.put(type, spec), attrs: { arn: `arn:${type}` } })),
    update: (cloud, actual, spec, changed) =>
      cloud.call(`update ${type}/${String(spec.name)} ${changed.join(',')}`, () => {
        const o = cloud.objects.get(cloud.key(type, spec.name))!;
        for (const f of changed) o.fields[f] = spec[f];
      }),
    delete: (cloud, actual) =>
      cloud.call(`delete ${type}/${actual.id}`, () => {
        for (const [k, o] of cloud.objects) if (o.id === actual.id) cloud.objects.delete(k);
      }),
    ...extra,
  };
}

export function fakeProvider(cloud: FakeCloud, ops: ResourceOps<FakeCloud>[]): Provider<FakeCloud> {
  const byType = new Map(ops.map((o) => [o.type, o]));
  return {
    cloud,
    ops: (type) => byType.get(type),
    classify: (err) => (err instanceof CloudError ? err.kind : 'other'),
    describe: (err) => (err instanceof Error ? err.message : String(err)),
  };
}

export function task(type: string, name: string, spec: Record<string, unknown>, more: { lifecycle?: Lifecycle; kopsKind?: string } & Partial<Task> = {}): Task {
  return { type, kopsKind: more.kopsKind ?? type.replace('fake_', '').toUpperCase(), name, spec: { name, ...spec }, lifecycle: more.lifecycle ?? 'Sync', ...more };
}
