import type { Cluster, InstanceGroup } from '../apis/types.js';
import type { AwsLookup } from '../cloud/aws/lookup.js';
import { UserError } from '../errors.js';
import { loadChannel } from './channel.js';
import { fillChannelImage, fillMachineType } from './create/new-cluster.js';
import { parseSemVer } from './semver.js';

/**
 * What the Go kops's PopulateInstanceGroupSpec fills at update for a group stored without it: the machine type (the
 * cloud's default for the role), then the image from the cluster's channel (`spec.channel`, stable when unset) for
 * that machine type's architecture. The stored groups stay as they are; the filled copies are what gets built. The AWS
 * look-up is needed on AWS only (GCE's default machine types are fixed per role, and all amd64).
 */
export async function populateInstanceGroups(completed: Cluster, stored: InstanceGroup[], lookup: AwsLookup | undefined): Promise<InstanceGroup[]> {
  const groups = stored.map(fillGroupSizes);
  const incomplete = (group: InstanceGroup) => !group.spec.image || (!group.spec.machineType && group.spec.manager !== 'Karpenter');
  if (!groups.some(incomplete)) return groups;
  const spec = completed.spec;
  const k8s = parseSemVer(spec.kubernetesVersion ?? '');
  if (!k8s) {
    throw new UserError(
      `spec.kubernetesVersion ${JSON.stringify(spec.kubernetesVersion)}: no channel image can be picked for a release URL`,
      'set spec.image and spec.machineType of every instance group',
    );
  }
  const channel = await loadChannel(spec.channel || 'stable');
  return Promise.all(
    groups.map(async (group) => {
      if (!incomplete(group)) return group;
      await fillMachineType(group, spec, lookup);
      if (!group.spec.image) await fillChannelImage(group, spec, k8s, { lookup, channel });
      return group;
    }),
  );
}

/**
 * A copy of a group with what PopulateInstanceGroupSpec fills on every cloud: the manager (CloudGroup) and, for a
 * group the cloud scales, its sizes (1 for control-plane and bastion groups, 2 for the others).
 */
export function fillGroupSizes(group: InstanceGroup): InstanceGroup {
  const filled = structuredClone(group);
  const spec = filled.spec;
  const single = spec.role === 'Master' || spec.role === 'ControlPlane' || spec.role === 'Bastion';
  if (single || spec.manager !== 'Karpenter') {
    spec.minSize ??= single ? 1 : 2;
    spec.maxSize ??= single ? 1 : 2;
  }
  spec.manager ||= 'CloudGroup';
  return filled;
}
