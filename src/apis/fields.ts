/**
 * Walking a value along its schema: strict decoding (unknown fields and wrong types are errors with the field path)
 * and encoding (the value Go would print: its zero-value and empty-collection rules, quantities as strings).
 */
import { UserError } from '../errors.js';
import { canonicalDuration } from './duration.js';
import { canonicalQuantity } from './quantity.js';
import { isList, isMap, isStruct, type FieldSchema, type ScalarSchema, type StructSchema } from './schema.js';

export type PlainObject = Record<string, unknown>;

export interface DecodeContext {
  /** The object in errors, e.g. `Cluster "minimal.example.com"`. */
  subject: string;
  /** The input (a file path). */
  source: string;
  /** When set, an unknown field is reported here (with its path) and dropped instead of being an error. */
  onUnknownField?: (path: string) => void;
  /** With onUnknownField: the unknown field is kept, its value unchanged, instead of being dropped. */
  keepUnknown?: boolean;
}

function isPlainObject(v: unknown): v is PlainObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'a mapping';
  const shown = JSON.stringify(v);
  return `${typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a boolean' : 'a string'} (${shown.length > 40 ? shown.slice(0, 37) + '...' : shown})`;
}

function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function fieldError(ctx: DecodeContext, path: string, problem: string, hint?: string): UserError {
  return new UserError(`${ctx.subject}: ${path}: ${problem}`, hint ?? `in ${ctx.source}`);
}

/** Returns the value as decoded (nulls dropped, times and quantities in Go's canonical form); throws on a mismatch. */
export function decodeValue(value: unknown, schema: FieldSchema, ctx: DecodeContext, path = ''): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof schema === 'string') return decodeScalar(value, schema, ctx, path);
  if (isList(schema)) {
    if (!Array.isArray(value)) throw fieldError(ctx, path, `expected a list, got ${describe(value)}`);
    return value.map((item, i) => decodeValue(item, schema.items, ctx, `${path}[${i}]`) ?? zeroOf(schema.items));
  }
  if (!isPlainObject(value)) throw fieldError(ctx, path, `expected a mapping, got ${describe(value)}`);
  const out: PlainObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (isMap(schema)) {
      const decoded = decodeValue(v, schema.values, ctx, `${path}[${JSON.stringify(key)}]`);
      out[key] = decoded ?? zeroOf(schema.values);
      continue;
    }
    const fieldSchema = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
    if (fieldSchema === undefined) {
      if (ctx.onUnknownField) {
        ctx.onUnknownField(childPath(path, key));
        if (ctx.keepUnknown) out[key] = v;
        continue;
      }
      throw fieldError(ctx, childPath(path, key), 'unknown field', `check the spelling against the kops v1alpha2 API (in ${ctx.source})`);
    }
    const decoded = decodeValue(v, fieldSchema, ctx, childPath(path, key));
    if (decoded !== undefined) out[key] = decoded;
  }
  return out;
}

function decodeScalar(value: unknown, schema: ScalarSchema, ctx: DecodeContext, path: string): unknown {
  switch (schema) {
    case 'any':
      return value;
    case 'string':
      if (typeof value !== 'string') throw fieldError(ctx, path, `expected a string, got ${describe(value)}`, `quote the value (in ${ctx.source})`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw fieldError(ctx, path, `expected true or false, got ${describe(value)}`);
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw fieldError(ctx, path, `expected an integer, got ${describe(value)}`);
      return value;
    case 'intOrString':
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value))) {
        throw fieldError(ctx, path, `expected an integer or a string, got ${describe(value)}`);
      }
      return value;
    case 'quantity': {
      if (typeof value !== 'string' && typeof value !== 'number') throw fieldError(ctx, path, `expected a quantity such as 100m or 1Gi, got ${describe(value)}`);
      const q = canonicalQuantity(String(value));
      if (q === undefined) throw fieldError(ctx, path, `${JSON.stringify(String(value))} is not a valid quantity`, 'use a number with an optional suffix, such as 100m, 512Mi or 2');
      return q;
    }
    case 'duration': {
      if (typeof value !== 'string') throw fieldError(ctx, path, `expected a duration such as 30s or 5m, got ${describe(value)}`);
      const d = canonicalDuration(value);
      if (d === undefined) throw fieldError(ctx, path, `${JSON.stringify(value)} is not a duration`, 'write it as a number with a unit, such as 30s, 5m or 1h30m');
      return d;
    }
    case 'time': {
      if (typeof value !== 'string') throw fieldError(ctx, path, `expected an RFC 3339 time, got ${describe(value)}`);
      const t = canonicalTime(value);
      if (t === undefined) throw fieldError(ctx, path, `${JSON.stringify(value)} is not an RFC 3339 time`, 'write it as 2017-01-01T00:00:00Z');
      return t;
    }
  }
}

/** metav1.Time: RFC 3339 in, UTC with whole seconds out. */
function canonicalTime(s: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s)) return undefined;
  const ms = Date.parse(s.toUpperCase());
  if (Number.isNaN(ms)) return undefined;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The Go zero value of a non-pointer field of this shape, as Go prints it (a nil slice or map prints as null). */
function zeroOf(schema: FieldSchema): unknown {
  if (schema === 'string') return '';
  if (schema === 'boolean') return false;
  if (schema === 'integer') return 0;
  if (isStruct(schema)) return {};
  return null;
}

function isZeroScalar(v: unknown): boolean {
  return v === '' || v === false || v === 0;
}

/** The value Go prints for an object: empty lists/maps and unset fields dropped, Go's always-printed fields added. */
export function encodeValue(value: unknown, schema: FieldSchema): unknown {
  if (value === undefined || value === null) return null;
  if (typeof schema === 'string') return schema === 'quantity' ? String(value) : value;
  if (isList(schema)) return (value as unknown[]).map((item) => encodeValue(item, schema.items));
  if (isMap(schema)) {
    const out: PlainObject = {};
    for (const [k, v] of Object.entries(value as PlainObject)) out[k] = encodeValue(v, schema.values);
    return out;
  }
  return encodeStruct(value as PlainObject, schema);
}

function encodeStruct(value: PlainObject, schema: StructSchema): PlainObject {
  const out: PlainObject = {};
  for (const [key, v] of Object.entries(value)) {
    const fieldSchema = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
    const always = schema.alwaysEmit?.includes(key) ?? false;
    if (v === undefined || v === null) continue;
    if (!always && schema.omitZero?.includes(key) && isZeroScalar(v)) continue;
    if (fieldSchema === undefined) {
      out[key] = v;
      continue;
    }
    const keep = always || (schema.keepEmpty?.includes(key) ?? false);
    if (!keep && (isList(fieldSchema) || isMap(fieldSchema)) && isEmptyCollection(v)) continue;
    out[key] = encodeValue(v, fieldSchema);
  }
  for (const key of schema.alwaysEmit ?? []) {
    if (key in out) continue;
    out[key] = zeroOf(schema.fields[key]);
  }
  return out;
}

function isEmptyCollection(v: unknown): boolean {
  return Array.isArray(v) ? v.length === 0 : isPlainObject(v) && Object.keys(v).length === 0;
}

