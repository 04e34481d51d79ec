import { UserError } from '../../errors.js';
import type { ClusterCloud } from './access.js';

/**
 * Deletes the cloud side of an instance group (its autoscaling group with the instances, detached ones too, and its
 * launch template), as `kops delete instancegroup --yes` does before removing the spec. Returns the cloud's name of
 * what was deleted, or undefined when the group has nothing in the cloud (never applied, or deleted already).
 */
export async function deleteInstanceGroupResources(cloud: ClusterCloud, name: string): Promise<string | undefined> {
  const group = (await cloud.groups.list(cloud.clusterName, [name])).find((g) => g.instanceGroup === name);
  if (!group) return undefined;
  if (!cloud.groups.deleteGroup) throw new UserError(`instance group "${name}": this cloud cannot delete instance groups`);
  await cloud.groups.deleteGroup(group);
  return group.cloudName;
}
