import { describe, expect, test } from 'vitest';
import type { Cluster, InstanceGroup } from '../../../src/apis/types.js';
import { resolveRollSettings } from '../../../src/ops/operate/settings.js';

const cluster = (rollingUpdate?: Record<string, unknown>) => ({ spec: { cloudProvider: 'aws', rollingUpdate } }) as unknown as Cluster;
const group = (rollingUpdate?: Record<string, unknown>) => ({ metadata: { name: 'nodes' }, spec: { role: 'Node', rollingUpdate } }) as unknown as InstanceGroup;

describe('rolling-update settings of a group', () => {
  test('on AWS one instance is surged and none is taken down by default', () => {
    expect(resolveRollSettings(cluster(), group(), 4)).toEqual({ drainAndTerminate: true, maxSurge: 1, maxUnavailable: 0 });
  });

  test('no surge means one unavailable at a time', () => {
    expect(resolveRollSettings(cluster({ maxSurge: 0 }), group(), 4)).toEqual({ drainAndTerminate: true, maxSurge: 0, maxUnavailable: 1 });
  });

  test('the group overrides the cluster, field by field', () => {
    expect(resolveRollSettings(cluster({ maxSurge: 3, drainAndTerminate: false }), group({ maxUnavailable: 2 }), 4)).toEqual({ drainAndTerminate: false, maxSurge: 3, maxUnavailable: 2 });
  });

  test('percentages: surge rounds up, unavailability rounds down but is at least one', () => {
    expect(resolveRollSettings(cluster(), group({ maxSurge: '30%', maxUnavailable: '10%' }), 5)).toEqual({ drainAndTerminate: true, maxSurge: 2, maxUnavailable: 1 });
    expect(resolveRollSettings(cluster(), group({ maxSurge: '0%', maxUnavailable: '50%' }), 5)).toEqual({ drainAndTerminate: true, maxSurge: 0, maxUnavailable: 2 });
  });
});
