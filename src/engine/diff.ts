import { isPlainObject } from './refs.js';

export interface FieldChange {
  field: string;
  /** What the cloud reports (undefined when the object does not exist yet). */
  old: unknown;
  new: unknown;
}

export interface DiffOptions {
  unordered?: readonly string[];
  subsetMaps?: readonly string[];
  writeOnly?: readonly string[];
}

/**
 * Declared fields whose reported value differs from the desired one. A field (or nested key) the cloud did not
 * report is unknown, not a change; desired `undefined` means "not declared".
 */
export function diffFields(desired: Record<string, unknown>, actual: Record<string, unknown>, options: DiffOptions = {}): FieldChange[] {
  const subsetMaps = options.subsetMaps ?? ['tags'];
  const changes: FieldChange[] = [];
  for (const field of Object.keys(desired).sort()) {
    const want = desired[field];
    const have = actual[field];
    if (want === undefined || have === undefined || options.writeOnly?.includes(field)) continue;
    if (subsetMaps.includes(field) && isPlainObject(want) && isPlainObject(have)) {
      const differing = Object.keys(want).filter((k) => want[k] !== have[k]);
      if (differing.length > 0) changes.push({ field, old: pick(have, Object.keys(want)), new: want });
      continue;
    }
    if (!matches(want, have, options.unordered?.includes(field) ?? false)) changes.push({ field, old: have, new: want });
  }
  return changes;
}

/** Whether `have` satisfies `want`: equal, where keys `have` leaves out of a nested object are unknown. */
export function matches(want: unknown, have: unknown, unordered = false): boolean {
  if (have === undefined || want === undefined) return true;
  if (Array.isArray(want)) {
    if (!Array.isArray(have) || have.length !== want.length) return false;
    const [w, h] = unordered ? [sortByJson(want), sortByJson(have)] : [want, have];
    return w.every((item, i) => matches(item, h[i]));
  }
  if (isPlainObject(want)) {
    if (!isPlainObject(have)) return false;
    return Object.keys(want).every((k) => matches(want[k], have[k]));
  }
  return want === have;
}

function sortByJson(list: unknown[]): unknown[] {
  return [...list].sort((a, b) => (stableJson(a) < stableJson(b) ? -1 : stableJson(a) > stableJson(b) ? 1 : 0));
}

/** JSON with sorted object keys, so equal values give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function pick(map: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (map[k] !== undefined) out[k] = map[k];
  return out;
}
