import { expect, test } from 'vitest';
import { canonicalQuantity, quantityAsInt, quantityScaledValue } from '../../src/apis/quantity.js';

test.each([
  ['100Mi', '100Mi'],
  ['200m', '200m'],
  ['1024Mi', '1Gi'],
  ['2000Mi', '2000Mi'],
  ['1.5Gi', '1536Mi'],
  ['0.5', '500m'],
  ['1000m', '1'],
  ['1', '1'],
  ['1500', '1500'],
  ['2000', '2k'],
  ['1e3', '1e3'],
  ['0', '0'],
  ['512', '512'],
  ['0.1Ki', '102400m'],
  ['-1Gi', '-1Gi'],
])('%s is printed by Go as %s', (input, canonical) => {
  expect(canonicalQuantity(input)).toBe(canonical);
});

test.each(['', 'abc', '1Qi', '1.2.3', '.'])('%j is not a quantity', (input) => {
  expect(canonicalQuantity(input)).toBeUndefined();
});

test('whole values and values scaled to a unit, as Go AsInt64 and ScaledValue (rounding up)', () => {
  expect([quantityAsInt('2'), quantityAsInt(8), quantityAsInt('2k'), quantityAsInt('500m')]).toEqual([2, 8, 2000, 0]);
  expect([quantityScaledValue('4Gi', 6), quantityScaledValue('2G', 6), quantityScaledValue('1500k', 6), quantityScaledValue('0', 6)]).toEqual([4295, 2000, 2, 0]);
});
