/**
 * Provenance of the values of a completed cluster spec: for each leaf value, where it came from: the user spec,
 * a rule that inferred it from other values or the cloud, the release channel, or a plain default.
 * Populate records an origin at the moment it fills a value, so nothing is reconstructed afterwards.
 */

export type Origin =
  | { kind: 'user' }
  | { kind: 'inferred'; rule: string }
  | { kind: 'channel'; rule: string }
  | { kind: 'default'; rule: string };

export const USER: Origin = { kind: 'user' };

export function inferred(rule: string): Origin {
  return { kind: 'inferred', rule };
}

export function byDefault(rule: string): Origin {
  return { kind: 'default', rule };
}

export function describeOrigin(origin: Origin): string {
  return origin.kind === 'user' ? 'user' : `${origin.kind}: ${origin.rule}`;
}

/** A path into an object: keys for maps, numbers for list positions. */
export type FieldPath = readonly (string | number)[];

export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}

/** Origins keyed by formatted leaf path. An empty map or list (`rbac: {}`) is itself a leaf. */
export class OriginMap {
  private readonly origins = new Map<string, Origin>();

  /** Records `origin` for every leaf under `value` placed at `path` (replacing what was recorded below it). */
  record(path: FieldPath, value: unknown, origin: Origin): void {
    this.forget(path);
    forEachLeaf(value, path, (leafPath) => this.origins.set(formatPath(leafPath), origin));
  }

  /** Forgets the origins recorded at and below `path` (the value was removed or replaced). */
  forget(path: FieldPath): void {
    const key = formatPath(path);
    for (const existing of [...this.origins.keys()]) {
      if (existing === key || existing.startsWith(key + '.') || existing.startsWith(key + '[')) this.origins.delete(existing);
    }
  }

  get(path: FieldPath): Origin | undefined {
    return this.origins.get(formatPath(path));
  }

  entries(): [string, Origin][] {
    return [...this.origins.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

export function forEachLeaf(value: unknown, path: FieldPath, visit: (path: FieldPath, leaf: unknown) => void): void {
  if (Array.isArray(value)) {
    if (value.length === 0) visit(path, value);
    value.forEach((item, i) => forEachLeaf(item, [...path, i], visit));
  } else if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (keys.length === 0) visit(path, value);
    for (const key of keys) forEachLeaf(value[key], [...path, key], visit);
  } else if (value !== undefined) {
    visit(path, value);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
