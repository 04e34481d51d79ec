import { type FieldPath, type Origin, OriginMap, USER, forEachLeaf, inferred, isPlainObject } from '../origin.js';

type PathLike = string | FieldPath;

function toPath(path: PathLike): FieldPath {
  return typeof path === 'string' ? path.split('.') : path;
}

/**
 * Writes into a spec under construction and records, at each write, where the value came from.
 * Paths are relative to `base` (e.g. ['spec']); a dotted string is split on '.'.
 */
export class SpecFiller {
  constructor(
    readonly root: Record<string, unknown>,
    readonly origins: OriginMap,
    readonly base: FieldPath = [],
  ) {}

  /** Marks every value already present as set by the user. */
  static fromUser(root: Record<string, unknown>, base: FieldPath): SpecFiller {
    const origins = new OriginMap();
    origins.record([], root, USER);
    return new SpecFiller(root, origins, base);
  }

  /** A filler for a sub-object (e.g. one etcd cluster), sharing the same origins. */
  at(path: PathLike): SpecFiller {
    return new SpecFiller(this.root, this.origins, [...this.base, ...toPath(path)]);
  }

  get<T = unknown>(path: PathLike): T | undefined {
    return this.getAbsolute([...this.base, ...toPath(path)]) as T | undefined;
  }

  has(path: PathLike): boolean {
    return this.get(path) !== undefined;
  }

  /** Sets `value` unless a value is already there; returns the value in place afterwards. */
  default<T>(path: PathLike, value: T, origin: Origin): T {
    const current = this.get<T>(path);
    if (current !== undefined) return current;
    this.set(path, value, origin);
    return value;
  }

  set(path: PathLike, value: unknown, origin: Origin): void {
    const full = [...this.base, ...toPath(path)];
    const parent = this.ensureParent(full);
    const last = full[full.length - 1];
    const parentPath = full.slice(0, -1);
    // An empty object placeholder (`rbac: {}`) stops being a leaf once it gets a child.
    if (isPlainObject(parent) && Object.keys(parent).length === 0) this.origins.forget(parentPath);
    (parent as Record<string | number, unknown>)[last] = value;
    this.origins.record(full, value, origin);
  }

  /** Removes a value; a map the user wrote that this leaves empty is still the user's (`driver: {}`). */
  remove(path: PathLike): void {
    const full = [...this.base, ...toPath(path)];
    const parentPath = full.slice(0, -1);
    const parent = this.getAbsolute(parentPath);
    if (!isPlainObject(parent) || !(full[full.length - 1] in parent)) return;
    delete parent[full[full.length - 1]];
    this.origins.forget(full);
    if (Object.keys(parent).length === 0) this.origins.record(parentPath, parent, USER);
  }

  /** Copies the value at `from` to `to` (filling only what is missing), noting where it was inherited from. */
  inherit(to: PathLike, from: PathLike, rule: string): void {
    const source = this.get(from);
    if (source === undefined) return;
    forEachLeaf(source, [], (rel, leaf) => {
      this.default([...toPath(to), ...rel], structuredClone(leaf), inferred(rule));
    });
  }

  private getAbsolute(full: FieldPath): unknown {
    let node: unknown = this.root;
    for (const part of full) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string | number, unknown>)[part];
    }
    return node;
  }

  private ensureParent(full: FieldPath): object {
    let node = this.root as Record<string | number, unknown>;
    for (let i = 0; i < full.length - 1; i++) {
      const part = full[i];
      if (node[part] === undefined || node[part] === null) {
        if (Object.keys(node).length === 0) this.origins.forget(full.slice(0, i));
        node[part] = typeof full[i + 1] === 'number' ? [] : {};
      }
      node = node[part] as Record<string | number, unknown>;
    }
    return node;
  }
}
