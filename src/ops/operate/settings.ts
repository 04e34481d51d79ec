import type { Cluster, InstanceGroup } from '../../apis/types.js';

export interface RollSettings {
  drainAndTerminate: boolean;
  maxSurge: number;
  maxUnavailable: number;
}

/**
 * A group's rolling-update settings: the group's `spec.rollingUpdate`, else the cluster's, else the defaults (on AWS
 * one surged instance, and then no unavailable one; otherwise one unavailable). Percentages are of `instances`,
 * surge rounded up and unavailability rounded down but at least one.
 */
export function resolveRollSettings(cluster: Cluster, group: InstanceGroup, instances: number): RollSettings {
  const own = group.spec?.rollingUpdate ?? {};
  const def = cluster.spec?.rollingUpdate ?? {};
  const drainAndTerminate = own.drainAndTerminate ?? def.drainAndTerminate ?? true;
  const surgeValue = own.maxSurge ?? def.maxSurge ?? ((cluster.spec?.cloudProvider ?? 'aws') === 'aws' && group.spec?.manager !== 'Karpenter' ? 1 : 0);
  const maxSurge = scaled(surgeValue, instances, true);
  const unavailableValue = own.maxUnavailable ?? def.maxUnavailable ?? (maxSurge === 0 ? 1 : 0);
  let maxUnavailable = scaled(unavailableValue, instances, false);
  if (typeof unavailableValue === 'string' && maxUnavailable <= 0) maxUnavailable = 1;
  return { drainAndTerminate, maxSurge, maxUnavailable };
}

function scaled(value: number | string, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(value.trim());
  if (!percent) return Number(value) || 0;
  const exact = (Number(percent[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
