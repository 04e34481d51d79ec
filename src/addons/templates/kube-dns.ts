import { GoTemplate } from '../gotemplate.js';
import { commonTemplateFuncs } from '../template-funcs.js';
import { templateData } from '../template-data.js';
import type { AddonCluster } from '../types.js';
import { KUBE_DNS_TEMPLATE } from './kube-dns.template.js';

let parsed: GoTemplate | undefined;

/** kube-dns (spec.kubeDNS.provider KubeDNS) with its proportional autoscaler, rendered from kops's template. */
export function kubeDns(cluster: AddonCluster): string {
  parsed ??= new GoTemplate(KUBE_DNS_TEMPLATE);
  const data = templateData(cluster) as { kubeDNS: unknown };
  return parsed.execute(data, {
    ...commonTemplateFuncs(cluster),
    KubeDNS: () => data.kubeDNS,
  });
}
