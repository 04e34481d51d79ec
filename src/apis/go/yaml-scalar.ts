/**
 * How go-yaml v2 writes one scalar: the style it picks for a string (plain, single-quoted, double-quoted or a
 * literal block, from its resolution and the libyaml emitter's analysis), long flow scalars folded at a space past
 * column 80, and numbers as they come back from the JSON round trip.
 */
import { isBase60Float, parsesAsGoInt, resolvePlain } from './yaml-resolve.js';

export const INDENT = 2;

type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

/** Where a scalar is written. */
export interface Placement {
  /** Indentation of the node holding the scalar; continuation lines and block content go 2 deeper. */
  indent: number;
  /** Output column where the scalar starts. */
  column: number;
  /** A mapping key: never folded, never a block. */
  simpleKey: boolean;
}

/** go-yaml's preferred line width: plain and quoted scalars are folded at a space once a line is longer. */
const BEST_WIDTH = 80;

export function renderString(s: string, at: Placement): string {
  const contentIndent = at.indent + INDENT;
  // A line is only folded at a space past the best width: a scalar without a space, or ending before it, is written as it is.
  const fitsOnLine = at.column + 2 + s.length <= BEST_WIDTH || !s.includes(' ');
  switch (styleOf(s, at.simpleKey)) {
    case 'plain':
      return fitsOnLine ? s : fold(s, at, (c) => c, 'plain');
    case 'single':
      if (fitsOnLine && !s.includes("'")) return `'${s}'`;
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

/** Styles of the short strings already seen: manifests and node configs repeat the same keys and values many times. */
const knownStyles = new Map<string, ScalarStyle>();
const MAX_KNOWN_STYLES = 20_000;
const MAX_KNOWN_LENGTH = 200;

function styleOf(s: string, simpleKey: boolean): ScalarStyle {
  if (s.length > MAX_KNOWN_LENGTH) return selectStyle(s, simpleKey);
  const key = (simpleKey ? 'k' : 'v') + s;
  let style = knownStyles.get(key);
  if (style === undefined) {
    if (knownStyles.size >= MAX_KNOWN_STYLES) knownStyles.clear();
    style = selectStyle(s, simpleKey);
    knownStyles.set(key, style);
  }
  return style;
}

function selectStyle(s: string, simpleKey: boolean): ScalarStyle {
  const a = analyzeScalar(s);
  let style: ScalarStyle;
  if (s.includes('\n')) style = 'literal';
  else if (resolvePlain(s) === 'str' && !isBase60Float(s)) style = 'plain';
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

/**
 * A number as it comes out of the JSON round trip. encoding/json writes it in decimal (shortest digits, as JS
 * does; exponent form from 1e21); go-yaml reads that back as an int when it fits int64 or uint64, and prints it
 * unchanged, otherwise as a float64 that it prints with strconv's 'g' format: shortest digits, exponent form when the
 * decimal exponent is below -4 or from 6 up, and at least two exponent digits.
 */
export function renderNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`toGoYaml: ${n} has no JSON form (Go's json.Marshal refuses it)`);
  const decimal = String(n);
  if (Number.isInteger(n) && !decimal.includes('e') && parsesAsGoInt(decimal)) return decimal === '-0' ? '0' : decimal;
  const [mantissa, exponentText] = n.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const digits = String(Math.abs(exponent)).padStart(2, '0');
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${digits}`;
  }
  return decimal;
}
