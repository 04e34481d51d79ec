/**
 * The instance-group half of Go's DeepValidate with strict=true (pkg/apis/kops/validation/legacy.go), through
 * CrossValidateInstanceGroup, ValidateInstanceGroup and ValidateControlPlaneInstanceGroup (instancegroup.go): rules
 * about the completed groups and how they fit the completed cluster (gceValidateInstanceGroup is in validation-gce.ts).
 */
import type { Cluster, InstanceGroup } from './types.js';
import type { FieldError } from './validation.js';

const CONTROL_PLANE_ROLES = ['Master', 'ControlPlane'];

export function validateCompletedGroups(cluster: Cluster, groups: readonly InstanceGroup[]): FieldError[] {
  const errors: FieldError[] = [];
  const clusterObject = `Cluster ${JSON.stringify(cluster.metadata.name ?? '')}`;
  if (!groups.length) return [{ object: clusterObject, path: 'instance groups', message: 'must configure at least one InstanceGroup', hint: 'create them with `kops create instancegroup`' }];
  const isControlPlane = (g: InstanceGroup) => CONTROL_PLANE_ROLES.includes(g.spec?.role ?? '');
  if (!groups.some(isControlPlane)) errors.push({ object: clusterObject, path: 'instance groups', message: 'must configure at least one ControlPlane InstanceGroup', hint: 'create one with `kops create instancegroup --role ControlPlane`' });
  if (!groups.some((g) => !isControlPlane(g))) errors.push({ object: clusterObject, path: 'instance groups', message: 'must configure at least one Node InstanceGroup', hint: 'create one with `kops create instancegroup --role Node`' });
  for (const group of groups) errors.push(...validateCompletedGroup(cluster, group, isControlPlane(group)));
  return errors;
}

function validateCompletedGroup(cluster: Cluster, group: InstanceGroup, controlPlane: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const object = `InstanceGroup ${JSON.stringify(group.metadata.name ?? '')}`;
  const add = (path: string, message: string, hint?: string) => errors.push({ object, path, message, hint });
  const spec = group.spec ?? {};
  const provider = cluster.spec.cloudProvider;

  if (controlPlane) {
    if (!spec.subnets?.length) add('spec.subnets', 'Required value: controlPlane InstanceGroup must specify at least one Subnet', 'name the subnet the control plane runs in');
    if ((spec.minSize ?? 0) > 1) add('spec.minSize', `${spec.minSize}: controlPlane InstanceGroup must have minSize set to 1`, 'set minSize: 1');
    if ((spec.maxSize ?? 0) > 1) add('spec.maxSize', `${spec.maxSize}: controlPlane InstanceGroup must have maxSize set to 1, add more InstanceGroups instead`, 'set maxSize: 1 and add a group per control-plane zone');
  }
  if ((spec.manager ?? 'CloudGroup') === 'CloudGroup') {
    if (spec.maxSize === undefined) add('spec.maxSize', 'Forbidden: maxSize must be set', 'set spec.maxSize');
    if (spec.minSize === undefined) add('spec.minSize', 'Forbidden: minSize must be set', 'set spec.minSize');
  }
  if (!spec.image) add('spec.image', 'Forbidden: image must be specified.', 'set spec.image, or spec.channel so update can pick the channel\'s image');

  if (controlPlane) {
    for (const etcd of cluster.spec.etcdClusters ?? []) {
      const members = etcd.etcdMembers ?? [];
      if (!members.some((m) => m.instanceGroup === group.metadata.name)) {
        const last = members.at(-1)?.instanceGroup ?? '';
        add('metadata.name', `Forbidden: InstanceGroup ${JSON.stringify(group.metadata.name)} with role ControlPlane must have a member in etcd (IG: ${JSON.stringify(last)}) cluster ${JSON.stringify(etcd.name)}`, `add a member with instanceGroup: ${group.metadata.name} to spec.etcdClusters (${etcd.name}), or remove the group`);
      }
    }
  }
  if (spec.role === 'APIServer' && provider === 'aws' && cluster.spec.topology?.dns?.type === 'None') {
    add('spec.role', 'Forbidden: APIServer cannot be used with topology.dns.type=None', 'use a DNS zone, or role Node');
  }
  if (provider !== 'aws' && spec.volumes?.length) add('spec.volumes', 'Forbidden: instancegroup volumes are only available with aws at present', 'remove spec.volumes');
  return errors;
}
