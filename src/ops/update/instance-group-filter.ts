import { roleClass } from '../../apis/instance-group-role.js';
import type { InstanceGroup } from '../../apis/types.js';
import type { Task } from '../../engine/task.js';

/** The autoscaling group (and launch template) name kops gives an instance group of each role. */
function cloudGroupName(ig: InstanceGroup, clusterName: string): string {
  const name = ig.metadata.name ?? '';
  const role = roleClass(ig);
  if (role === 'control-plane') return `${name}.masters.${clusterName}`;
  if (role === 'apiserver') return `${name}.apiservers.${clusterName}`;
  return `${name}.${clusterName}`;
}

/**
 * `update cluster --instance-group/--instance-group-roles`: leaves out the objects that belong to the groups not
 * selected (their launch template, autoscaling group, lifecycle hooks and nodeup files), as the Go kops builds its
 * model from the selected groups only. Everything the cluster shares is still updated.
 */
export function limitToInstanceGroups(tasks: Task[], excluded: readonly InstanceGroup[], clusterName: string): Task[] {
  const names = new Set<string>();
  for (const ig of excluded) {
    const name = ig.metadata.name ?? '';
    names.add(cloudGroupName(ig, clusterName));
    for (const owned of [`kops-warmpool-${name}`, `${name}-NTHLifecycleHook`, `nodeupconfig-${name}`, `nodeupscript-${name}`]) names.add(owned);
  }
  return tasks.filter((t) => !names.has(t.name));
}
