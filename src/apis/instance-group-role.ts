import type { InstanceGroup } from './types.js';

/** The kinds of instance group kops treats differently (v1alpha2 writes the control plane as `Master`). */
export type RoleClass = 'control-plane' | 'apiserver' | 'node' | 'bastion';

/** An instance group's kind, from `spec.role` (a group without a role is a node group). */
export function roleClass(ig: InstanceGroup): RoleClass {
  switch (ig.spec?.role) {
    case 'Master':
    case 'ControlPlane':
      return 'control-plane';
    case 'APIServer':
      return 'apiserver';
    case 'Bastion':
      return 'bastion';
    default:
      return 'node';
  }
}
