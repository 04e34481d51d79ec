import { GoTemplate } from '../gotemplate.js';
import { commonTemplateFuncs } from '../template-funcs.js';
import { templateData } from '../template-data.js';
import type { AddonCluster } from '../types.js';
import { FLANNEL_TEMPLATE } from './flannel.template.js';

let parsed: GoTemplate | undefined;

/** Flannel as kops renders its template: the backend (udp when none is given), the iptables resync period, SELinux. */
export function flannel(cluster: AddonCluster): string {
  parsed ??= new GoTemplate(FLANNEL_TEMPLATE);
  return parsed.execute(templateData(cluster), {
    ...commonTemplateFuncs(cluster),
    FlannelBackendType: () => cluster.spec.networking?.flannel?.backend || 'udp',
  });
}
