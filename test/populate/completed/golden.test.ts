/**
 * The completed spec of the update_cluster cases on clouds the update_cluster conformance suite does not run yet
 * (it compares AWS cases whole, cluster-completed.spec included, through `npm run conformance -- --check`).
 */
import { describe, expect, test } from 'vitest';
import { encodeObject } from '../../../src/apis/codec.js';
import { populateClusterSpec } from '../../../src/populate/completed/index.js';
import { fixturePopulateContext, goldenCompletedSpecText, readCaseInput } from '../../helpers/golden-cases.js';

describe('completed spec of golden cases on other clouds', () => {
  test.each(['minimal_hetzner', 'minimal_scaleway'])('%s: cluster-completed.spec is identical', (name) => {
    const { cluster, instanceGroups } = readCaseInput(name);
    const actual = encodeObject(populateClusterSpec(cluster, instanceGroups, fixturePopulateContext).cluster).trim();
    expect(actual).toBe(goldenCompletedSpecText(name));
  });
});
