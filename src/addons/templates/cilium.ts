import { GoTemplate } from '../gotemplate.js';
import { commonTemplateFuncs } from '../template-funcs.js';
import { templateData } from '../template-data.js';
import type { AddonCluster, AddonContext } from '../types.js';
import { CILIUM_TEMPLATE } from './cilium.template.js';
import { controlPlaneCount } from './instance-groups.js';

let parsed: GoTemplate | undefined;

/** Cilium as kops renders its template: every spec.networking.cilium setting it reads. */
export function cilium(cluster: AddonCluster, ctx: AddonContext): string {
  parsed ??= new GoTemplate(CILIUM_TEMPLATE);
  const highlyAvailable = controlPlaneCount(ctx) > 1;
  return parsed.execute(templateData(cluster), {
    ...commonTemplateFuncs(cluster),
    // Cilium's etcd password lives in the secret store; kops-managed clusters use the CRD backend without one.
    CiliumSecret: () => ctx.ciliumSecret ?? '',
    // One controller per control plane, two when it is highly available (on workers with IRSA alike).
    ControlPlaneControllerReplicas: () => (highlyAvailable ? 2 : 1),
  });
}
