import { describe, expect, test } from 'vitest';
import { goKeyLess, sortedKeys, toGoYaml } from '../../../src/apis/go/yaml.js';

const value = (v: string) => toGoYaml({ k: v });

describe('quoting strings as go-yaml v2 does', () => {
  test.each([
    ['plain words', 'hello', 'k: hello'],
    ['a CIDR', '0.0.0.0/0', 'k: 0.0.0.0/0'],
    ['an IPv6 CIDR starting with a colon', '::/0', 'k: ::/0'],
    ['an s3 URL', 's3://bucket/x.yaml', 'k: s3://bucket/x.yaml'],
    ['a version', 'v1.35.0', 'k: v1.35.0'],
    ['a dotted version that is no number', '1.32.0', 'k: 1.32.0'],
  ])('%s stays plain', (_what, input, expected) => {
    expect(value(input)).toBe(`${expected}\n`);
  });

  test.each([
    ['an RFC 3339 timestamp', '2016-12-10T22:42:27Z', 'k: "2016-12-10T22:42:27Z"'],
    ['a date', '2017-01-01', 'k: "2017-01-01"'],
    ['an integer', '1', 'k: "1"'],
    ['a float', '1.5', 'k: "1.5"'],
    ['an octal-looking number', '0755', 'k: "0755"'],
    ['a hex number', '0x1F', 'k: "0x1F"'],
    ['a YAML 1.1 boolean', 'yes', 'k: "yes"'],
    ['on', 'on', 'k: "on"'],
    ['true', 'true', 'k: "true"'],
    ['null', 'null', 'k: "null"'],
    ['the empty string', '', 'k: ""'],
    ['a sexagesimal number', '1:20', 'k: "1:20"'],
    ['a tab', 'a\tb', 'k: "a\\tb"'],
  ])('%s is double-quoted', (_what, input, expected) => {
    expect(value(input)).toBe(`${expected}\n`);
  });

  test.each([
    ['a star', '*', "k: '*'"],
    ['a leading dash and space', '- x', "k: '- x'"],
    ['a colon and space', 'a: b', "k: 'a: b'"],
    ['a comment marker', 'a #b', "k: 'a #b'"],
    ['a leading quote', "'x", "k: '''x'"],
    ['a leading bracket', '[x]', "k: '[x]'"],
    ['a trailing space', 'x ', "k: 'x '"],
    ['a leading percent', '%x', "k: '%x'"],
  ])('%s is single-quoted', (_what, input, expected) => {
    expect(value(input)).toBe(`${expected}\n`);
  });

  test('map keys that look like other types are quoted too', () => {
    expect(toGoYaml({ '1': 'a', 'kops.k8s.io/cluster': 'b' })).toBe('"1": a\nkops.k8s.io/cluster: b\n');
  });

  test('y and n are YAML 1.1 booleans, so keys spelled that way are quoted', () => {
    expect(toGoYaml({ y: 1, n: 2 })).toBe('"n": 2\n"y": 1\n');
  });

  test('an apostrophe inside a word needs no quoting', () => {
    expect(value("it's")).toBe("k: it's\n");
  });
});

describe('multi-line strings', () => {
  test('a string ending with a newline is a | block indented below its key', () => {
    expect(toGoYaml({ spec: { content: 'line 1\nline 2\n' } })).toBe('spec:\n  content: |\n    line 1\n    line 2\n');
  });

  test('without a final newline it is |-, and empty lines carry no indentation', () => {
    expect(value('a\n\nb')).toBe('k: |-\n  a\n\n  b\n');
  });

  test('with several final newlines it is |+', () => {
    expect(value('a\n\n')).toBe('k: |+\n  a\n\n');
  });

  test('a leading space needs an indentation indicator', () => {
    expect(value('  indented\nx\n')).toBe('k: |2\n    indented\n  x\n');
  });

  test('a space before a line break cannot be a block, so it is double-quoted', () => {
    expect(value('a \nb')).toBe('k: "a \\nb"\n');
  });

  test('in a list item the block content is indented below the dash', () => {
    expect(toGoYaml({ hooks: [{ manifest: 'x\ny\n' }] })).toBe('hooks:\n- manifest: |\n    x\n    y\n');
  });
});

describe('long lines fold at a space once past column 80, as go-yaml does', () => {
  test('a single-quoted policy folds and continues two deeper than its key', () => {
    const policy = '[ { "Action": [ "s3:GetObject" ], "Resource": [ "*" ], "Effect": "Allow" } ]';
    expect(toGoYaml({ spec: { additionalPolicies: { master: policy } } })).toBe(
      `spec:\n  additionalPolicies:\n    master: '[ { "Action": [ "s3:GetObject" ], "Resource": [ "*" ], "Effect": "Allow"\n      } ]'\n`,
    );
  });

  test('a plain scalar folds too, and a short one does not', () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
    const out = toGoYaml({ k: words });
    expect(out.split('\n')[0].length).toBeGreaterThan(80);
    expect(out).toBe(`k: ${words.slice(0, words.indexOf(' ', 78))}\n  ${words.slice(words.indexOf(' ', 78) + 1)}\n`);
    expect(value('short words')).toBe('k: short words\n');
  });

  test('map keys never fold', () => {
    const key = Array.from({ length: 20 }, (_, i) => `w${i}x`).join(' ') + ' more words here';
    expect(toGoYaml({ [key]: 1 })).toBe(`${key}: 1\n`);
  });
});

describe('layout', () => {
  test('sequences sit at their parent key indentation; mapping items start on the dash line', () => {
    expect(toGoYaml({ spec: { subnets: [{ name: 'a', zone: 'z' }], list: ['x', 'w'] } })).toBe(
      'spec:\n  list:\n  - x\n  - w\n  subnets:\n  - name: a\n    zone: z\n',
    );
  });

  test('empty mappings and lists are written in flow style', () => {
    expect(toGoYaml({ dns: {}, items: [], nested: [[], {}] })).toBe('dns: {}\nitems: []\nnested:\n- []\n- {}\n');
  });

  test('nested lists start on the dash line', () => {
    expect(toGoYaml({ k: [['a', 'b']] })).toBe('k:\n- - a\n  - b\n');
  });

  test('numbers, booleans and null', () => {
    expect(toGoYaml({ a: 2, b: false, c: null, d: -3 })).toBe('a: 2\nb: false\nc: null\nd: -3\n');
  });

  test("floats as Go's strconv 'g' shortest form", () => {
    expect(toGoYaml({ a: 3.1, b: 0.0001, c: 0.00001, d: 1234567.5, e: 123456.5 })).toBe('a: 3.1\nb: 0.0001\nc: 1e-05\nd: 1.2345675e+06\ne: 123456.5\n');
  });
});

describe('numbers as they come back from the JSON round trip (ints within 64 bits, floats in strconv g form)', () => {
  test.each([
    ['an integral float prints as an int', 3.0, '3'],
    ['negative zero prints as 0', -0, '0'],
    ['a fraction from 1e6 up takes the exponent form', 1234567.5, '1.2345675e+06'],
    ['the exponent is that of the shortest digits, so this stays decimal', 999999.9999999999, '999999.9999999999'],
    ['small numbers from 1e-5 down take the exponent form', 0.00001, '1e-05'],
    ['an integer past 2^53 keeps its shortest digits, zero-padded', 12345678901234567890, '12345678901234567000'],
    ['an integer within uint64 prints in full', 1e19, '10000000000000000000'],
    ['an integer beyond uint64 is a float', 1e20, '1e+20'],
    ['an integer below int64 is a float', -(2 ** 64), '-1.8446744073709552e+19'],
    ['from 1e21 JSON itself uses the exponent', 1e21, '1e+21'],
  ])('%s', (_what, n, expected) => {
    expect(toGoYaml({ k: n })).toBe(`k: ${expected}\n`);
  });

  test('NaN and infinities have no JSON form, so writing them fails as json.Marshal does', () => {
    expect(() => toGoYaml({ k: Number.NaN })).toThrow(/no JSON form/);
    expect(() => toGoYaml({ k: Number.POSITIVE_INFINITY })).toThrow(/no JSON form/);
  });
});

describe('strings at the edges of go-yaml v2 resolution', () => {
  test.each([
    ['a hex number beyond 64 bits is no int', '0xFFFFFFFFFFFFFFFFFF', 'k: 0xFFFFFFFFFFFFFFFFFF'],
    ['a hex number within uint64 is an int', '0xFFFFFFFFFFFFFFFF', 'k: "0xFFFFFFFFFFFFFFFF"'],
    ['a decimal just past int64 still parses as uint64', '9223372036854775808', 'k: "9223372036854775808"'],
    ['a decimal past uint64 reads as a float', '18446744073709551616', 'k: "18446744073709551616"'],
    ['a float too large for float64 is a range error, so a string', '1e400', 'k: 1e400'],
    ['the merge key is a string: no resolve hint starts with <', '<<', 'k: <<'],
    ['0b followed by a signed binary number is an int', '0b-1', 'k: "0b-1"'],
    ['a date that does not exist is no timestamp', '2023-02-30', 'k: 2023-02-30'],
    ['a leap day is a timestamp', '2024-02-29', 'k: "2024-02-29"'],
    ['a leap day in a common year is not', '2023-02-29', 'k: 2023-02-29'],
    ['an hour past 23 is no timestamp', '2001-12-14T24:00:00Z', 'k: 2001-12-14T24:00:00Z'],
    ['a numeric zone without minutes is not one of the layouts', '2001-12-14 21:59:43.10 -5', 'k: 2001-12-14 21:59:43.10 -5'],
    ['a lower-case t and a zone offset are a timestamp', '2001-12-14t21:59:43.10-05:00', 'k: "2001-12-14t21:59:43.10-05:00"'],
    ['any number of fraction digits, after a comma too, and a run of spaces', '2001-12-14   21:59:43,1234567890123', 'k: "2001-12-14   21:59:43,1234567890123"'],
    ['one-digit fields', '2001-1-2T3:4:5Z', 'k: "2001-1-2T3:4:5Z"'],
    ['a zone offset hour past 24 is not', '2001-1-2T3:4:5+25:00', 'k: 2001-1-2T3:4:5+25:00'],
  ])('%s', (_what, input, expected) => {
    expect(value(input)).toBe(`${expected}\n`);
  });
});

describe('the input is taken as JSON', () => {
  test('undefined members are left out and undefined list items are null', () => {
    expect(toGoYaml({ a: undefined, b: [undefined, 1], c: { d: undefined } })).toBe('b:\n- null\n- 1\nc: {}\n');
  });

  test('toJSON is applied', () => {
    expect(toGoYaml({ when: { toJSON: () => 'later' } })).toBe('when: later\n');
  });
});

describe("go-yaml's key order", () => {
  test('digit runs compare as numbers', () => {
    expect(sortedKeys({ node10: 1, node9: 1, node1: 1 })).toEqual(['node1', 'node9', 'node10']);
  });

  test('upper-case letters sort before lower-case ones, non-letters before letters', () => {
    expect(sortedKeys({ b: 1, B: 1, _x: 1, a: 1, 'a-b': 1, ab: 1 })).toEqual(['_x', 'B', 'a', 'a-b', 'ab', 'b']);
  });

  test('a prefix sorts first', () => {
    expect(goKeyLess('spec', 'specs')).toBe(true);
    expect(goKeyLess('specs', 'spec')).toBe(false);
  });
});
