/**
 * go-yaml v2's implicit typing of a plain scalar (its `resolve`): what a string would read back as if written
 * unquoted. The writer quotes every string that would not read back as a string.
 */
import { isGoYamlTimestamp } from './timestamp.js';

export type ResolvedKind = 'str' | 'int' | 'float' | 'bool' | 'null' | 'timestamp';

/** The exact words go-yaml v2 maps to a bool, a null or a special float (`<<` is not among them: no hint reaches it). */
const WORDS: Record<string, ResolvedKind> = Object.fromEntries([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w) => [w, 'bool']),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((w) => [w, 'bool']),
  ...['', '~', 'null', 'Null', 'NULL'].map((w) => [w, 'null']),
  ...['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'].map((w) => [w, 'float']),
]);

/** The first characters after which go-yaml looks further (its resolve table); any other start is a string. */
const HINTED = /^[-+0-9.yYnNtTfFoO~]/;

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

export function resolvePlain(s: string): ResolvedKind {
  if (s !== '' && !HINTED.test(s)) return 'str';
  const word = WORDS[s];
  if (word) return word;
  if (s[0] === '.') return parsesAsGoFloat(s) ? 'float' : 'str';
  if (!/^[-+0-9]/.test(s)) return 'str';
  if (isGoYamlTimestamp(s)) return 'timestamp';
  const plain = s.replaceAll('_', '');
  if (parsesAsGoInt(plain)) return 'int';
  if (YAML_STYLE_FLOAT.test(plain) && parsesAsGoFloat(plain)) return 'float';
  if (parsesAsBinary(plain)) return 'int';
  return 'str';
}

/** go-yaml v2 also quotes YAML 1.1 sexagesimal numbers (`1:20`), which it does not itself resolve. */
export function isBase60Float(s: string): boolean {
  return /^[-+0-9]/.test(s) && s.includes(':') && BASE60_FLOAT.test(s);
}

const INT64_MIN_MAGNITUDE = 2n ** 63n;
const UINT64_LIMIT = 2n ** 64n;

/** strconv.ParseInt(s, 0, 64) or strconv.ParseUint(s, 0, 64) succeeds (the latter takes no sign). */
export function parsesAsGoInt(s: string): boolean {
  const m = /^([+-]?)(.*)$/.exec(s)!;
  const magnitude = goIntMagnitude(m[2]);
  if (magnitude === undefined) return false;
  if (m[1] === '-') return magnitude <= INT64_MIN_MAGNITUDE;
  if (m[1] === '+') return magnitude < INT64_MIN_MAGNITUDE;
  return magnitude < UINT64_LIMIT;
}

/** The value of an unsigned Go integer literal in base 0: decimal, 0x hex, 0o or leading-0 octal, 0b binary. */
function goIntMagnitude(body: string): bigint | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) return BigInt(body);
  if (/^0[oO][0-7]+$/.test(body)) return BigInt('0o' + body.slice(2));
  if (/^0[bB][01]+$/.test(body)) return BigInt('0b' + body.slice(2));
  if (/^0[0-7]+$/.test(body)) return BigInt('0o' + body.slice(1));
  if (/^(0|[1-9][0-9]*)$/.test(body)) return BigInt(body);
  return undefined;
}

/** go-yaml's own fallback for `0b` (then a signed base-2 number) and `-0b` (then base-2 digits). */
function parsesAsBinary(s: string): boolean {
  if (s.startsWith('0b')) return parsesInBase2(s.slice(2));
  if (s.startsWith('-0b')) return parsesInBase2('-' + s.slice(3));
  return false;
}

/** strconv.ParseInt(s, 2, 64) or strconv.ParseUint(s, 2, 64) succeeds. */
function parsesInBase2(s: string): boolean {
  const m = /^([+-]?)([01]+)$/.exec(s);
  if (!m) return false;
  const magnitude = BigInt('0b' + m[2]);
  if (m[1] === '-') return magnitude <= INT64_MIN_MAGNITUDE;
  if (m[1] === '+') return magnitude < INT64_MIN_MAGNITUDE;
  return magnitude < UINT64_LIMIT;
}

/**
 * strconv.ParseFloat(s, 64) succeeds without error, for the decimal forms a YAML plain scalar reaches here. A value
 * too large for a float64 is a range error in Go, so such a scalar stays a string.
 */
export function parsesAsGoFloat(s: string): boolean {
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) return false;
  return Number.isFinite(Number(s));
}
