import { isRef, type Ref, type TaskKey } from './task.js';

/** Every Ref inside a value (spec fields may nest them in arrays and objects). */
export function collectRefs(value: unknown, into: Ref[] = []): Ref[] {
  if (isRef(value)) into.push(value);
  else if (Array.isArray(value)) for (const v of value) collectRefs(v, into);
  else if (isPlainObject(value)) for (const v of Object.values(value)) collectRefs(v, into);
  return into;
}

/** A value not known yet: it belongs to an object that will be created. */
export class Pending {
  constructor(
    readonly target: TaskKey,
    readonly attr: string,
  ) {}
  toString(): string {
    return `name:${this.target.name}`;
  }
}

export function containsPending(value: unknown): boolean {
  if (value instanceof Pending) return true;
  if (Array.isArray(value)) return value.some(containsPending);
  if (isPlainObject(value)) return Object.values(value).some(containsPending);
  return false;
}

/** Replaces every Ref by what `lookup` says it is (a concrete value or a Pending). */
export function resolveRefs(value: unknown, lookup: (r: Ref) => unknown): unknown {
  if (isRef(value)) {
    const resolved = lookup(value);
    return value.prefix && typeof resolved === 'string' ? value.prefix + resolved : resolved;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, lookup));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveRefs(v, lookup);
    return out;
  }
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
