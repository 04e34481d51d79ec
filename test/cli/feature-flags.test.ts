import { expect, test } from 'vitest';
import { enabledFeatureFlags } from '../../src/ops/update/prepare.js';

test('KOPS_FEATURE_FLAGS enables +Flag and bare Flag, and a later -Flag turns it off again', () => {
  expect(enabledFeatureFlags(undefined)).toEqual([]);
  expect(enabledFeatureFlags('+APIServerNodes, Karpenter')).toEqual(['APIServerNodes', 'Karpenter']);
  expect(enabledFeatureFlags('+APIServerNodes,-APIServerNodes,+Azure')).toEqual(['Azure']);
});
