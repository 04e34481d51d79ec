/**
 * A YAML writer that produces the bytes Go kops writes: sigs.k8s.io/yaml (Go value -> JSON -> go-yaml v2).
 * Block style only; map keys in go-yaml's "natural" order; sequences at their parent's indentation; strings quoted
 * only when go-yaml would (YAML 1.1 resolution + the libyaml emitter's scalar analysis); long flow scalars folded at
 * a space past column 80, as go-yaml does; multi-line strings as literal blocks, never folded.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

const INDENT = 2;

/** Renders a value as a YAML document (ending with a newline), as go-yaml v2 marshals the JSON form of it. */
export function emitGoYaml(value: YamlValue): string {
  const lines: string[] = [];
  if (isEmptyCollection(value) || !isCollection(value)) {
    lines.push(...renderScalarOrEmpty(value, { indent: 0, column: 0, simpleKey: false }).split('\n'));
  } else {
    writeCollection(value, 0, lines);
  }
  return lines.join('\n') + '\n';
}

function isCollection(v: YamlValue): v is YamlValue[] | { [key: string]: YamlValue } {
  return typeof v === 'object' && v !== null;
}

function isEmptyCollection(v: YamlValue): boolean {
  return isCollection(v) && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
}

function writeCollection(value: YamlValue[] | { [key: string]: YamlValue }, indent: number, lines: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) writeItem(item, indent, lines);
  } else {
    for (const key of sortedKeys(value)) writeEntry(key, value[key], indent, lines);
  }
}

/** One `key: value` line (plus the nested block below it). */
function writeEntry(key: string, value: YamlValue, indent: number, lines: string[]): void {
  const head = ' '.repeat(indent) + renderString(key, { indent, column: indent, simpleKey: true }) + ':';
  if (isCollection(value) && !isEmptyCollection(value)) {
    lines.push(head);
    // A sequence that is a mapping value is not indented further (go-yaml's "indentless" sequences).
    writeCollection(value, Array.isArray(value) ? indent : indent + INDENT, lines);
  } else {
    const rendered = renderScalarOrEmpty(value, { indent, column: head.length + 1, simpleKey: false }).split('\n');
    lines.push(`${head} ${rendered[0]}`, ...rendered.slice(1));
  }
}

/**
 * One sequence item. The first line of its content goes right after `- `; a mapping item's later keys are aligned
 * with its first key.
 */
function writeItem(value: YamlValue, indent: number, lines: string[]): void {
  const dash = ' '.repeat(indent) + '- ';
  const contentIndent = indent + INDENT;
  if (!isCollection(value) || isEmptyCollection(value)) {
    const rendered = renderScalarOrEmpty(value, { indent, column: dash.length, simpleKey: false }).split('\n');
    lines.push(dash + rendered[0], ...rendered.slice(1));
    return;
  }
  const nested: string[] = [];
  writeCollection(value, contentIndent, nested);
  nested[0] = dash + nested[0].slice(contentIndent);
  lines.push(...nested);
}

function renderScalarOrEmpty(value: YamlValue, at: Placement): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return renderString(value, at);
  return Array.isArray(value) ? '[]' : '{}';
}

/** Go prints JSON numbers decoded as int64 in decimal, floats as strconv 'g' with the shortest precision. */
function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '+.inf' : '-.inf';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '');
    return `${mant}e${sign}${digits.padStart(2, '0')}`;
  }
  return String(n);
}

// ---- strings: style selection as go-yaml's encoder (stringv) and the libyaml emitter decide it

type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** Where a scalar is written. */
interface Placement {
  /** Indentation of the node holding the scalar; continuation lines and block content go 2 deeper. */
  indent: number;
  /** Output column where the scalar starts. */
  column: number;
  /** A mapping key: never folded, never a block. */
  simpleKey: boolean;
}

/** go-yaml's preferred line width: plain and quoted scalars are folded at a space once a line is longer. */
const BEST_WIDTH = 80;

function renderString(s: string, at: Placement): string {
  const contentIndent = at.indent + INDENT;
  switch (selectStyle(s, at.simpleKey)) {
    case 'plain':
      return fold(s, at, (c) => c, 'plain');
    case 'single':
      return fold(s, { ...at, column: at.column + 1 }, (c) => (c === "'" ? "''" : c), 'single', "'", "'");
    case 'double':
      return fold(s, { ...at, column: at.column + 1 }, doubleQuotedChar, 'double', '"', '"');
    case 'literal':
      return literalBlock(s, contentIndent);
  }
}

/**
 * Writes a flow scalar as the libyaml emitter does: at a space, once the column is past the best width, the line
 * is broken (the space becomes the line break) and continues at the content indentation.
 */
function fold(s: string, at: Placement, write: (ch: string) => string, style: 'plain' | 'single' | 'double', open = '', close = ''): string {
  const chars = Array.from(s);
  let out = open;
  let column = at.column;
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === ' ') {
      const nextIsSpace = chars[i + 1] === ' ';
      const inside = i > 0 && i < chars.length - 1;
      const canBreak =
        !at.simpleKey && !spaces && column > BEST_WIDTH && (style === 'plain' ? !nextIsSpace : style === 'single' ? inside && !nextIsSpace : inside);
      if (canBreak) {
        const pad = ' '.repeat(at.indent + INDENT);
        // A double-quoted scalar escapes a following space, which would otherwise be read as indentation.
        out += '\n' + pad + (style === 'double' && nextIsSpace ? '\\' : '');
        column = pad.length + (style === 'double' && nextIsSpace ? 1 : 0);
      } else {
        out += ' ';
        column++;
      }
      spaces = true;
      continue;
    }
    const written = write(ch);
    out += written;
    column += Array.from(written).length;
    spaces = false;
  }
  return out + close;
}

function selectStyle(s: string, simpleKey: boolean): ScalarStyle {
  const a = analyzeScalar(s);
  let style: ScalarStyle;
  if (s.includes('\n')) style = 'literal';
  else if (resolvesAsString(s) && !isBase60Float(s)) style = 'plain';
  else style = 'double';

  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && !a.blockPlainAllowed) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined) => c === 0x20 || c === 0x09;
/** libyaml's is_printable (go-yaml v2 treats characters outside the BMP as non-printable). */
const isPrintable = (c: number) =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

function analyzeScalar(s: string): ScalarAnalysis {
  if (s.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const cps = Array.from(s, (ch) => ch.codePointAt(0)!);
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;

  if (s.startsWith('---') || s.startsWith('...')) blockIndicators = true;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const next = cps[i + 1];
    const followedByWhitespace = next === undefined || isBlank(next) || isBreak(next);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;

    if (!isPrintable(c)) specialCharacters = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c);
  }

  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

// ---- YAML 1.1 resolution as go-yaml v2 does it: a string that would read back as another type gets quoted

const RESOLVE_TO_OTHER = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

function isBase60Float(s: string): boolean {
  return s.length > 0 && /[-+0-9]/.test(s[0]) && BASE60_FLOAT.test(s);
}

function resolvesAsString(s: string): boolean {
  if (RESOLVE_TO_OTHER.has(s)) return false;
  const first = s[0];
  if (first === '.') return !isGoFloat(s);
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (looksLikeTimestamp(s)) return false;
    const plain = s.replace(/_/g, '');
    if (isGoInt(plain)) return false;
    if (YAML_STYLE_FLOAT.test(plain) && isGoFloat(plain)) return false;
    if (/^-?0b[01]+$/.test(plain)) return false;
  }
  return true;
}

/** strconv.ParseInt(s, 0, 64) / ParseUint succeed: decimal, 0x hex, 0o or leading-0 octal, 0b binary. */
function isGoInt(s: string): boolean {
  const m = /^([+-]?)(.*)$/.exec(s)!;
  const body = m[2];
  let digits: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) digits = BigInt(body);
  else if (/^0[oO][0-7]+$/.test(body)) digits = BigInt('0o' + body.slice(2));
  else if (/^0[bB][01]+$/.test(body)) digits = BigInt('0b' + body.slice(2));
  else if (/^0[0-7]+$/.test(body)) digits = BigInt('0o' + body.slice(1));
  else if (/^(0|[1-9][0-9]*)$/.test(body)) digits = BigInt(body);
  else return false;
  if (m[1] === '-') return digits <= 2n ** 63n;
  return m[1] === '+' ? digits < 2n ** 63n : digits < 2n ** 64n;
}

/** strconv.ParseFloat accepts it (the subset of Go float syntax a YAML plain scalar can hit). */
function isGoFloat(s: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) || /^[+-]?(inf|infinity|nan)$/i.test(s);
}

/** go-yaml v2 parseTimestamp: YYYY- then one of its accepted layouts. */
function looksLikeTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const date = '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}';
  const time = '[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]{1,9})?';
  const layouts = [
    new RegExp(`^${date}[Tt]${time}(Z|[+-][0-9]{2}:[0-9]{2})$`),
    new RegExp(`^${date} ${time}$`),
    new RegExp(`^${date}$`),
  ];
  return layouts.some((re) => re.test(s));
}

// ---- writing quoted and block scalars

function doubleQuotedChar(ch: string): string {
  const c = ch.codePointAt(0)!;
  return !isPrintable(c) || c === 0xfeff || isBreak(c) || ch === '"' || ch === '\\' ? escape(c) : ch;
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function escape(c: number): string {
  const short = SHORT_ESCAPES[c];
  if (short) return '\\' + short;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (c <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

/** A `|` block: chomping `-` without a final newline, `+` with several; empty lines carry no indentation. */
function literalBlock(s: string, contentIndent: number): string {
  let header = '|';
  if (s[0] === ' ' || isBreak(s.codePointAt(0)!)) header += String(INDENT);
  if (!s.endsWith('\n')) header += '-';
  else if (s.length === 1 || s.endsWith('\n\n')) header += '+';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const pad = ' '.repeat(contentIndent);
  return [header, ...body.split('\n').map((line) => (line === '' ? '' : pad + line))].join('\n');
}

// ---- go-yaml v2 key order: letters compare by code point, digit runs numerically, non-letters before letters

export function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map).sort((a, b) => (goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0));
}

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && /\p{Nd}/u.test(ch);

export function goKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].charCodeAt(0) - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}
