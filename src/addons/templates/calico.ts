import { GoTemplate } from '../gotemplate.js';
import { commonTemplateFuncs } from '../template-funcs.js';
import { templateData } from '../template-data.js';
import type { AddonCluster } from '../types.js';
import { CALICO_TEMPLATE } from './calico.template.js';

let parsed: GoTemplate | undefined;

/** The pool's IP-in-IP mode: only with ipip encapsulation; ipipMode, else Always on OpenStack and CrossSubnet elsewhere. */
function ipv4PoolIPIPMode(cluster: AddonCluster): string {
  const calico = cluster.spec.networking?.calico ?? {};
  if (calico.encapsulationMode !== 'ipip') return 'Never';
  if (calico.ipipMode) return calico.ipipMode;
  return cluster.spec.cloudProvider === 'openstack' ? 'Always' : 'CrossSubnet';
}

/** The pool's VXLAN mode: only with vxlan encapsulation; vxlanMode, else `fallback`. */
function vxlanMode(cluster: AddonCluster, fallback: string): string {
  const calico = cluster.spec.networking?.calico ?? {};
  if (calico.encapsulationMode !== 'vxlan') return 'Never';
  return calico.vxlanMode || fallback;
}

/** Calico networking as kops renders its template: every spec.networking.calico setting the template reads. */
export function calico(cluster: AddonCluster): string {
  parsed ??= new GoTemplate(CALICO_TEMPLATE);
  return parsed.execute(templateData(cluster), {
    ...commonTemplateFuncs(cluster),
    CalicoIPv4PoolIPIPMode: () => ipv4PoolIPIPMode(cluster),
    CalicoIPv4PoolVXLANMode: () => vxlanMode(cluster, 'CrossSubnet'),
    CalicoIPv6PoolVXLANMode: () => vxlanMode(cluster, 'Never'),
  });
}
