import type { AddonContext } from '../types.js';

/** Number of control-plane instance groups (add-ons run two replicas when there are several). */
export function controlPlaneCount(ctx: AddonContext): number {
  return (ctx.instanceGroups ?? []).filter((ig) => ig.spec.role === 'Master' || ig.spec.role === 'ControlPlane').length;
}
