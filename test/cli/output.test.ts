import { expect, test } from 'vitest';
import { renderTable } from '../../src/cli/output.js';

test('tables pad with tabs to 8-column stops, sized by the widest cell plus one, as Go tabwriter does', () => {
  expect(renderTable(['NAME', 'ROLE', 'MIN'], [['nodes', 'Node', '2'], ['a-rather-long-name', 'ControlPlane', '1']])).toBe(
    'NAME\t\t\tROLE\t\tMIN\n' + 'a-rather-long-name\tControlPlane\t1\n' + 'nodes\t\t\tNode\t\t2\n',
  );
});

test('a cell exactly one short of a tab stop still gets one tab', () => {
  expect(renderTable(['1234567', 'X'], [['a', 'b']])).toBe('1234567\tX\na\tb\n');
  expect(renderTable(['12345678', 'X'], [['a', 'b']])).toBe('12345678\tX\na\t\tb\n');
});

test('rows are sorted by their cells from left to right', () => {
  expect(renderTable(['A', 'B'], [['b', '1'], ['a', '2'], ['a', '1']])).toBe('A\tB\na\t1\na\t2\nb\t1\n');
});
