import { describe, expect, test } from 'vitest';
import { goKeyLess, toGoYaml } from '../../src/addons/goyaml.js';

describe('toGoYaml writes what the Go kops writes', () => {
  test('map keys sorted, sequences at their key’s indentation, empty collections inline', () => {
    expect(toGoYaml({ b: [1, { q: 2, p: 'a' }], a: {}, c: [] })).toBe('a: {}\nb:\n- 1\n- p: a\n  q: 2\nc: []\n');
  });

  test('strings that would read back as another type are double-quoted', () => {
    expect(toGoYaml({ a: 'true', b: '1', c: '', d: '2016-12-10T22:42:27Z', e: 'yes', f: '0.5', g: 'text' })).toBe(
      'a: "true"\nb: "1"\nc: ""\nd: "2016-12-10T22:42:27Z"\ne: "yes"\nf: "0.5"\ng: text\n',
    );
  });

  test('y and n are YAML 1.1 booleans, so even keys spelled that way are quoted', () => {
    expect(toGoYaml({ y: 1 })).toBe('"y": 1\n');
  });

  test('strings that cannot be plain are single-quoted', () => {
    expect(toGoYaml({ a: '*', b: '[::1]:9234', c: 'a: b', d: "it's" })).toBe("a: '*'\nb: '[::1]:9234'\nc: 'a: b'\nd: it's\n");
  });

  test('multi-line strings are literal blocks with the right chomping', () => {
    expect(toGoYaml({ a: 'x\ny', b: 'x\n' })).toBe('a: |-\n  x\n  y\nb: |\n  x\n');
  });

  test('long plain strings fold at the first space past column 80', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const out = toGoYaml({ description: words });
    const [first, second] = out.split('\n');
    expect(first.length).toBeGreaterThan(80);
    expect(first.endsWith(' ')).toBe(false);
    expect(second.startsWith('  word')).toBe(true);
  });

  test('a Map keeps its insertion order', () => {
    expect(toGoYaml(new Map<string, number>([['z', 1], ['a', 2]]))).toBe('z: 1\na: 2\n');
  });

  test('keys compare digit runs as numbers and put letters after other characters', () => {
    expect(goKeyLess('a9', 'a10')).toBe(true);
    expect(goKeyLess('Z', 'a')).toBe(true);
    expect(goKeyLess('a-b', 'ab')).toBe(true);
  });
});
