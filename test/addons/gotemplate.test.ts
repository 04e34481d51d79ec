import { describe, expect, test } from 'vitest';
import { GoTemplate } from '../../src/addons/gotemplate.js';

const run = (src: string, data: unknown = {}, funcs = {}) => new GoTemplate(src).execute(data, funcs);

describe('Go text/template subset', () => {
  test('trim markers remove the whitespace on their side only', () => {
    expect(run('a  \n  {{- "x" -}}  \n  b')).toBe('axb');
    expect(run('a  {{ "x" -}}  b')).toBe('a  xb');
    expect(run('a  {{- "x" }}  b')).toBe('ax  b');
  });

  test('if / else if / else, with one end closing the chain', () => {
    const src = '{{ if eq .m "a" }}A{{ else if eq .m "b" }}B{{ else }}C{{ end }}.';
    expect([run(src, { m: 'a' }), run(src, { m: 'b' }), run(src, { m: 'z' })]).toEqual(['A.', 'B.', 'C.']);
  });

  test('or and and return an operand, as Go does; not, pipes and parentheses', () => {
    expect(run('{{ or .x "dflt" }}|{{ or .y "dflt" }}', { x: '', y: 'set' })).toBe('dflt|set');
    expect(run('{{ and 1 0 }}|{{ and 1 2 }}')).toBe('0|2');
    expect(run('{{ not .x }}', { x: 0 })).toBe('true');
    expect(run('{{ .s | up }}', { s: 'a' }, { up: (v: unknown) => String(v).toUpperCase() })).toBe('A');
    expect(run('{{ if or (not .a) (eq .b "x") }}yes{{ end }}', { a: true, b: 'x' })).toBe('yes');
  });

  test('printf formats as Go fmt does: %q is strconv.Quote, %s and %v print, %d an integer', () => {
    expect(run('{{ printf "%q" .v }}', { v: 'a "b"\\c\n\x01é' })).toBe('"a \\"b\\"\\\\c\\n\\x01é"');
    expect(run('{{ printf "%s-%v-%d%%" .a .b .c }}', { a: 'x', b: true, c: 3 })).toBe('x-true-3%');
    expect(run('{{ printf "%s %s" .a }}', { a: 'x' })).toBe('x %!s(MISSING)');
  });

  test('range over a map visits keys in order and binds variables; over a list gives index and item', () => {
    expect(run('{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}', { m: { b: 2, a: 1 } })).toBe('a=1;b=2;');
    expect(run('{{ range $i, $x := .l }}{{ $i }}:{{ $x.n }} {{ end }}', { l: [{ n: 'p' }, { n: 'q' }] })).toBe('0:p 1:q ');
    expect(run('{{ range .l }}x{{ else }}empty{{ end }}', { l: [] })).toBe('empty');
  });

  test('functions used as arguments are called; comments produce nothing; unknown functions fail', () => {
    expect(run('{{/* note */}}{{ or .x Name }}', {}, { Name: () => 'n' })).toBe('n');
    expect(() => run('{{ Missing }}')).toThrow('function "Missing" not defined');
  });
});
