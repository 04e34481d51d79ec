/**
 * The completed spec of the update_cluster cases on clouds the update_cluster conformance suite does not run yet
 * (it compares AWS cases whole, cluster-completed.spec included, through `npm run conformance -- --check`).
 */
import { describe, expect, test } from 'vitest';
import { completedSpecText } from './golden-cases.js';

describe('completed spec of golden cases on other clouds', () => {
  test.each(['minimal_hetzner', 'minimal_scaleway'])('%s: cluster-completed.spec is identical', (name) => {
    const { actual, expected } = completedSpecText(name);
    expect(actual).toBe(expected);
  });
});
