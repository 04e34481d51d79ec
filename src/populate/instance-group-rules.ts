/**
 * The rules the Go kops's PopulateInstanceGroupSpec applies to each group at update, beside the machine type, image and
 * sizes it fills: an API server group needs its feature flag, dedicated tenancy refuses the t2 types AWS cannot run on
 * dedicated hardware, and a group that names no subnets runs in the ones its role may use.
 */
import type { Cluster, ClusterSubnetSpec, InstanceGroup } from '../apis/types.js';
import { UserError } from '../errors.js';

/** Instance types AWS does not offer with dedicated tenancy (Go's awsDedicatedInstanceExceptions). */
const NOT_DEDICATED = new Set(['t2.nano', 't2.micro', 't2.small', 't2.medium', 't2.large', 't2.xlarge']);

export interface InstanceGroupRuleOptions {
  /** Enabled kops feature flags (KOPS_FEATURE_FLAGS). */
  featureFlags?: readonly string[];
}

/** The groups as they are built: subnets inferred where none are named; a group the rules refuse stops the update. */
export function applyInstanceGroupRules(completed: Cluster, groups: readonly InstanceGroup[], options: InstanceGroupRuleOptions): InstanceGroup[] {
  return groups.map((group) => {
    const spec = group.spec;
    const refuse = (path: string, message: string, hint: string) => new UserError(`InstanceGroup ${JSON.stringify(group.metadata.name)} ${path}: ${message}`, hint);
    if (spec.role === 'APIServer' && !options.featureFlags?.includes('APIServerNodes')) {
      throw refuse('spec.role', 'apiserver nodes requires the APIServerNodes feature flag to be enabled', 'set KOPS_FEATURE_FLAGS=APIServerNodes, or give the group another role');
    }
    if (spec.tenancy && spec.tenancy !== 'default' && completed.spec.cloudProvider === 'aws' && NOT_DEDICATED.has(spec.machineType ?? '')) {
      throw refuse('spec.machineType', `invalid dedicated instance type: ${spec.machineType}`, 'pick a machine type AWS offers on dedicated hardware, or remove spec.tenancy');
    }
    if (spec.subnets?.length || isControlPlane(group)) return group;
    const subnets = inferredSubnets(completed, group);
    if (!subnets.length) throw refuse('spec.subnets', 'unable to infer any subnets for the group', 'name the subnets it runs in');
    return { ...group, spec: { ...spec, subnets } };
  });
}

function isControlPlane(group: InstanceGroup): boolean {
  return group.spec.role === 'Master' || group.spec.role === 'ControlPlane';
}

/** The subnets a group that names none runs in: by its role and the cluster's IP family. */
function inferredSubnets(completed: Cluster, group: InstanceGroup): string[] {
  const all = completed.spec.subnets ?? [];
  const names = (keep: (s: ClusterSubnetSpec) => boolean) => all.filter(keep).map((s) => s.name!);
  const ipv6Only = String(completed.spec.nonMasqueradeCIDR ?? '').includes(':');
  if (group.spec.role === 'APIServer' && ipv6Only) return names((s) => s.type !== 'Private' && s.type !== 'Utility');
  const preferred = names((s) => s.type !== 'DualStack' && s.type !== 'Utility');
  return preferred.length ? preferred : names((s) => s.type !== 'Utility');
}
