import { UserError } from '../errors.js';

/**
 * Splits `join()` arguments into clean path segments: `a/b`, `c` -> [a, b, c]. Empty and `.` segments vanish;
 * `..` is refused because a state-store path must never climb out of its base.
 */
export function toSegments(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    for (const segment of part.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        throw new UserError(`state store path "${parts.join('/')}" contains "..", which is not allowed`, 'name objects without ".." segments');
      }
      out.push(segment);
    }
  }
  return out;
}

export function lastSegment(key: string): string {
  const i = key.lastIndexOf('/');
  return i < 0 ? key : key.slice(i + 1);
}

export function joinKey(key: string, parts: readonly string[]): string {
  return [...toSegments([key]), ...toSegments(parts)].join('/');
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toBuffer(data: Buffer | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** The prefix every key strictly below `key` starts with (`''` for the root). */
export function childPrefix(key: string): string {
  return key === '' ? '' : `${key}/`;
}
