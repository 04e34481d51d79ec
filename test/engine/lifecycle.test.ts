import { describe, expect, test } from 'vitest';
import { parseLifecycleOverrides } from '../../src/engine/lifecycle.js';

describe('--lifecycle-overrides', () => {
  test('parses comma separated Kind=Lifecycle pairs across repeated flags', () => {
    const o = parseLifecycleOverrides(['IAMRole=ExistsAndWarnIfChanges,IAMRolePolicy=ExistsAndWarnIfChanges', 'SecurityGroup=ignore']);
    expect([...o]).toEqual([
      ['IAMRole', 'ExistsAndWarnIfChanges'],
      ['IAMRolePolicy', 'ExistsAndWarnIfChanges'],
      ['SecurityGroup', 'Ignore'],
    ]);
  });

  test('an unknown lifecycle names the kind and lists the valid ones', () => {
    expect(() => parseLifecycleOverrides(['IAMRole=Sometimes'])).toThrow('unknown lifecycle "Sometimes" for IAMRole');
  });

  test('an item without = is rejected', () => {
    expect(() => parseLifecycleOverrides(['IAMRole'])).toThrow('"IAMRole" is not of the form TaskKind=Lifecycle');
  });
});
