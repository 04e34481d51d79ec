import type { InstanceGroup } from '../../apis/types.js';
import { UserError } from '../../errors.js';
import { roleClass, type RoleClass } from '../../apis/instance-group-role.js';

const ROLE_NAMES: Record<string, RoleClass> = {
  master: 'control-plane',
  controlplane: 'control-plane',
  'control-plane': 'control-plane',
  apiserver: 'apiserver',
  node: 'node',
  bastion: 'bastion',
};

/**
 * The groups `--instance-group` and `--instance-group-roles` name (all when neither is given), in the order named.
 * An unknown group or role is an error naming it.
 */
export function selectInstanceGroups(all: readonly InstanceGroup[], names: readonly string[], roles: readonly string[], clusterName: string): InstanceGroup[] {
  let selected = [...all];
  if (names.length > 0) {
    selected = names.map((n) => {
      const found = all.find((g) => g.metadata.name === n);
      if (!found) throw new UserError(`--instance-group: InstanceGroup "${n}" not found in cluster ${clusterName}`, `kops get instancegroups --name ${clusterName} lists them`);
      return found;
    });
  }
  if (roles.length > 0) {
    const wanted = roles.map((r) => {
      const role = ROLE_NAMES[r.toLowerCase()];
      if (!role) throw new UserError(`--instance-group-roles: invalid instance group role "${r}"`, 'use control-plane, apiserver, node or bastion');
      return role;
    });
    selected = wanted.flatMap((role) => selected.filter((g) => roleClass(g) === role));
  }
  return selected;
}
