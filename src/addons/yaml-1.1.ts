/**
 * A fast reader of add-on manifests that resolves plain scalars as YAML 1.1 does (Go's YAML reader follows it):
 * `yes`/`on` are booleans, `0400` is octal, `1:30` is sexagesimal, `2024-01-02` a timestamp. Add-on manifests are
 * read on every update, and this reader does it several times faster than a full document model.
 */
import jsyaml from 'js-yaml';

const { Type } = jsyaml;

const withoutUnderscores = (s: string) => s.replace(/_/g, '');

function signed(s: string): { negative: boolean; digits: string } {
  const negative = s.startsWith('-');
  return { negative, digits: withoutUnderscores(/^[-+]/.test(s) ? s.slice(1) : s) };
}

/** `190:20:30` as 190*3600 + 20*60 + 30, with an optional fraction on the last part. */
function sexagesimal(s: string): number {
  const { negative, digits } = signed(s);
  const value = digits.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  return negative ? -value : value;
}

function integer(radix: number, prefix: number) {
  return (s: string) => {
    const { negative, digits } = signed(s);
    const n = parseInt(digits.slice(prefix), radix);
    return negative ? -n : n;
  };
}

const TIMESTAMP = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/;

function timestamp(s: string): Date {
  const m = TIMESTAMP.exec(s)!;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const millis = m[7] ? Number((m[7] + '00').slice(1, 4)) : 0;
  let time = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millis);
  const zone = m[8];
  if (zone && zone !== 'Z') {
    let offset = sexagesimal(zone);
    if (Math.abs(offset) < 30) offset *= 60;
    time -= 60_000 * offset;
  }
  return new Date(time);
}

/** A plain scalar of `tag` when one of `rules` matches it (the first that does makes its value). */
function implicit(tag: string, rules: [RegExp, (s: string) => unknown][]) {
  const rule = (s: string | null) => (s === null ? undefined : rules.find(([test]) => test.test(s)));
  return new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (s: string | null) => rule(s) !== undefined, construct: (s: string) => rule(s)![1](s) });
}

// The rules of YAML 1.1, one type per tag (no two tags match the same scalar).
const SCALARS = [
  implicit('null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]),
  implicit('bool', [
    [/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, () => true],
    [/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, () => false],
  ]),
  implicit('int', [
    [/^[-+]?0b[0-1_]+$/, integer(2, 2)],
    [/^[-+]?0[0-7_]+$/, integer(8, 1)],
    [/^[-+]?[0-9][0-9_]*$/, integer(10, 0)],
    [/^[-+]?0x[0-9a-fA-F_]+$/, integer(16, 2)],
    [/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/, sexagesimal],
  ]),
  implicit('float', [
    [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (/nan$/i.test(s) ? NaN : s.startsWith('-') ? -Infinity : Infinity)],
    [/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, (s) => parseFloat(withoutUnderscores(s))],
    [/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, (s) => parseFloat(withoutUnderscores(s))],
    [/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/, sexagesimal],
  ]),
  implicit('timestamp', [[TIMESTAMP, timestamp]]),
];

// `<<: *anchor` merges a mapping into another, as in YAML 1.1 (the typings do not list the reader's built-in types).
const MERGE = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types.merge;
const SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [...SCALARS, MERGE] });

/** The first document of `text` as plain data (null when it has none); throws on invalid YAML or a repeated key. */
export function loadYaml11(text: string): unknown {
  const docs = jsyaml.loadAll(text, undefined, { schema: SCHEMA });
  return docs[0] ?? null;
}
