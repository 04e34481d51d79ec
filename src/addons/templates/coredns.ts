import { GoTemplate } from '../gotemplate.js';
import { commonTemplateFuncs } from '../template-funcs.js';
import { templateData } from '../template-data.js';
import type { AddonCluster } from '../types.js';
import { COREDNS_TEMPLATE } from './coredns.template.js';

let parsed: GoTemplate | undefined;

/** CoreDNS with its proportional autoscaler, rendered from kops's template (every spec.kubeDNS setting it reads). */
export function coredns(cluster: AddonCluster): string {
  parsed ??= new GoTemplate(COREDNS_TEMPLATE);
  const data = templateData(cluster) as { kubeDNS: unknown };
  return parsed.execute(data, {
    ...commonTemplateFuncs(cluster),
    KubeDNS: () => data.kubeDNS,
  });
}
