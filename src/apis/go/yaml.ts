/**
 * The one YAML writer for everything the Go kops writes as YAML. Go kops marshals with sigs.k8s.io/yaml: the value
 * goes to JSON first, go-yaml v2 reads that JSON back into generic maps, lists and scalars, and marshals those. So:
 * - the input is taken with JSON's rules: `undefined` members are left out, `undefined` list items are null;
 * - every mapping is sorted in go-yaml's "natural" key order (Go maps have no order of their own);
 * - numbers, strings and their quoting follow go-yaml v2's resolution (see yaml-scalar.ts);
 * - block style only; a sequence under a key is not indented further; a mapping item starts on its dash line;
 *   empty collections are written in flow style (`{}`, `[]`).
 */
import { sortedKeys } from './key-order.js';
import { INDENT, renderNumber, renderString, type Placement } from './yaml-scalar.js';

export { goKeyLess, sortedKeys } from './key-order.js';

/** A value as it reaches go-yaml after the JSON round trip. */
export type YamlValue = string | number | boolean | null | undefined | YamlValue[] | { [key: string]: YamlValue };

type Collection = unknown[] | Record<string, unknown>;

/** Renders a value as one YAML document ending with a newline, byte for byte as sigs.k8s.io/yaml.Marshal does. */
export function toGoYaml(value: unknown): string {
  const json = jsonForm(value);
  const lines: string[] = [];
  if (isCollection(json) && !isEmptyCollection(json)) writeCollection(json, 0, lines);
  else lines.push(...renderLeaf(json, { indent: 0, column: 0, simpleKey: false }).split('\n'));
  return lines.join('\n') + '\n';
}

/** What survives JSON.stringify: `undefined` members dropped, `undefined` list items null, `toJSON` applied. */
function jsonForm(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return jsonForm((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map((item) => jsonForm(item));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = jsonForm(member);
    return out;
  }
  return value;
}

function isCollection(v: unknown): v is Collection {
  return typeof v === 'object' && v !== null;
}

function isEmptyCollection(v: Collection): boolean {
  return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}

function writeCollection(value: Collection, indent: number, lines: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) writeItem(item, indent, lines);
  } else {
    for (const key of sortedKeys(value)) writeEntry(key, value[key], indent, lines);
  }
}

/** One `key: value` line (plus the nested block below it). */
function writeEntry(key: string, value: unknown, indent: number, lines: string[]): void {
  const head = ' '.repeat(indent) + renderString(key, { indent, column: indent, simpleKey: true }) + ':';
  if (isCollection(value) && !isEmptyCollection(value)) {
    lines.push(head);
    // A sequence that is a mapping value is not indented further (go-yaml's "indentless" sequences).
    writeCollection(value, Array.isArray(value) ? indent : indent + INDENT, lines);
  } else {
    const rendered = renderLeaf(value, { indent, column: head.length + 1, simpleKey: false }).split('\n');
    lines.push(`${head} ${rendered[0]}`, ...rendered.slice(1));
  }
}

/** One sequence item: its content starts right after `- `; a mapping item's later keys align with its first key. */
function writeItem(value: unknown, indent: number, lines: string[]): void {
  const dash = ' '.repeat(indent) + '- ';
  const contentIndent = indent + INDENT;
  if (!isCollection(value) || isEmptyCollection(value)) {
    const rendered = renderLeaf(value, { indent, column: dash.length, simpleKey: false }).split('\n');
    lines.push(dash + rendered[0], ...rendered.slice(1));
    return;
  }
  const nested: string[] = [];
  writeCollection(value, contentIndent, nested);
  nested[0] = dash + nested[0].slice(contentIndent);
  lines.push(...nested);
}

/** A scalar, or an empty collection in flow style. */
function renderLeaf(value: unknown, at: Placement): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return renderNumber(value);
  if (typeof value === 'string') return renderString(value, at);
  if (Array.isArray(value)) return '[]';
  if (isCollection(value)) return '{}';
  throw new Error(`toGoYaml: cannot write a ${typeof value} (only JSON values have a YAML form)`);
}
