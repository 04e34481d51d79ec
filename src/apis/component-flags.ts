/**
 * Command-line flags of the Kubernetes components from their kops config, by the struct tags of the Go kops
 * (component-flags.generated.ts): a field's flag tag names its flag, `-` keeps it out of the flags (it goes to a
 * config file), and no tag means no flag (or, for a nested config, the flags of its own fields).
 */
import { COMPONENT_FIELDS, type ComponentStruct } from './component-flags.generated.js';
import { canonicalDuration } from './duration.js';
import { quantityAsDecimal } from './quantity.js';

export interface ComponentField {
  /** The Go field name. */
  go: string;
  /** The Go type (`*bool`, `[]string`, `*metav1.Duration`, ...). */
  type: string;
  /** The field's name in the nodeup configuration (the internal kops API); absent when it is not serialized there. */
  json?: string;
  /** The field's name in kops.k8s.io/v1alpha2, when it differs. */
  v1alpha2?: string;
  /** The flag name; `-` for a field that is never a flag. */
  flag?: string;
  /** A list given as one flag per item instead of comma-joined. */
  repeat?: boolean;
  /** A value that stands for "unset" and is not written. */
  flagEmpty?: string;
  /** An empty string is written rather than left out. */
  includeEmpty?: boolean;
  /** A nested config whose own fields carry flags. */
  struct?: ComponentStruct;
}

export type { ComponentStruct };

type Data = Record<string, unknown>;

/** The fields of a component config, as tagged in the Go kops. */
export function componentFields(struct: ComponentStruct): readonly ComponentField[] {
  return COMPONENT_FIELDS[struct];
}

/** Where a field's value sits in the config nodeup is given. */
export function fieldKey(field: ComponentField): string {
  return field.json ?? field.v1alpha2 ?? field.go;
}

/**
 * The flags of a component config, sorted as Go sorts them (byte order): unset pointers, lists and maps are left out,
 * false booleans and zero numbers are written, unset plain strings and values equal to the field's "empty" marker are
 * not; maps become sorted `k=v` lists, durations Go's duration text, quantities plain decimals.
 * With `quote`, values holding a double quote are quoted (for a space-separated command line).
 */
export function buildFlags(struct: ComponentStruct, config: Data | undefined | null, options: { quote?: boolean } = {}): string[] {
  const flags: string[] = [];
  collect(struct, config ?? {}, options.quote ? maybeQuote : (s) => s, flags);
  return flags.sort(byteOrder);
}

function collect(struct: ComponentStruct, config: Data, quote: (s: string) => string, out: string[]): void {
  for (const field of componentFields(struct)) {
    const value = config[fieldKey(field)];
    if (field.flag === undefined) {
      if (field.struct && isObject(value)) collect(field.struct, value, quote, out);
      continue;
    }
    if (field.flag === '-') continue;
    out.push(...fieldFlags(struct, field, value, quote));
  }
}

function fieldFlags(struct: ComponentStruct, field: ComponentField, value: unknown, quote: (s: string) => string): string[] {
  const name = field.flag!;
  const flag = (v: string) => `--${name}=${v}`;
  const kept = (v: string) => (v === field.flagEmpty ? [] : [flag(v)]);
  const isPointer = field.type.startsWith('*');
  if ((isPointer || field.type.startsWith('[]') || field.type.startsWith('map[')) && (value === undefined || value === null)) return [];
  switch (field.type.replace(/^\*/, '')) {
    case 'string': {
      const s = value === undefined || value === null ? '' : String(value);
      if (field.type === '*string' && field.includeEmpty) return [flag(quote(s))];
      return s !== '' && s !== field.flagEmpty ? [flag(quote(s))] : [];
    }
    case 'bool':
      return kept(String(value ?? false));
    case 'int':
    case 'int32':
    case 'int64':
      return kept(String(value ?? 0));
    case 'metav1.Duration':
      return kept(goDuration(struct, field, value));
    case 'resource.Quantity':
      return kept(goQuantity(struct, field, value));
    case '[]string': {
      if (!Array.isArray(value)) throw new Error(`${struct}.${fieldKey(field)}: ${JSON.stringify(value)} is not a list`);
      const items = value.map(String);
      if (items.length === 0) return [];
      return field.repeat ? items.map(flag) : [flag(items.join(','))];
    }
    case 'map[string]string': {
      if (!isObject(value)) throw new Error(`${struct}.${fieldKey(field)}: ${JSON.stringify(value)} is not a map`);
      const pairs = Object.entries(value as Data)
        .map(([k, v]) => `${k}=${String(v)}`)
        .sort(byteOrder);
      return pairs.length ? [flag(pairs.join(','))] : [];
    }
    default:
      throw new Error(`${struct}.${fieldKey(field)}: no flag form for Go type ${field.type}`);
  }
}

function goDuration(struct: ComponentStruct, field: ComponentField, value: unknown): string {
  const text = canonicalDuration(String(value));
  if (text === undefined) throw new Error(`${struct}.${fieldKey(field)}: ${JSON.stringify(value)} is not a duration (e.g. 30s, 5m0s)`);
  return text;
}

function goQuantity(struct: ComponentStruct, field: ComponentField, value: unknown): string {
  const text = quantityAsDecimal(String(value));
  if (text === undefined) throw new Error(`${struct}.${fieldKey(field)}: ${JSON.stringify(value)} is not a quantity (e.g. 20, 0.5, 100m)`);
  return text;
}

/** Go's sort.Strings: byte order (the flags are ASCII, where this is UTF-16 code unit order too). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A value with a double quote in it, quoted as Go's %q does; others unchanged. */
function maybeQuote(s: string): string {
  return s.includes('"') ? goQuote(s) : s;
}

function goQuote(s: string): string {
  const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (escapes[ch]) out += escapes[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A component config written with kops.k8s.io/v1alpha2 field names, renamed to the names of the internal API the
 * nodeup configuration uses (`etcdCaFile` -> `etcdCAFile`, `concurrentRcSyncs` -> `concurrentRCSyncs`, ...).
 * Fields the internal API does not serialize are left out (the OIDC settings travel as spec.authentication.oidc).
 */
export function toNodeupNames(struct: ComponentStruct, config: Data): Data {
  const renamed = new Map<string, ComponentField>();
  for (const field of componentFields(struct)) if (field.v1alpha2) renamed.set(field.v1alpha2, field);
  const out: Data = {};
  for (const [key, value] of Object.entries(config)) {
    const field = renamed.get(key) ?? componentFields(struct).find((f) => (f.json ?? f.v1alpha2) === key);
    if (field && field.json === undefined) continue;
    const nested = field?.struct && isObject(value) ? toNodeupNames(field.struct, value) : value;
    out[field?.json ?? key] = nested;
  }
  return out;
}

function isObject(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
