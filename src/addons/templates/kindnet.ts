import { GoTemplate } from '../gotemplate.js';
import { commonTemplateFuncs } from '../template-funcs.js';
import { templateData } from '../template-data.js';
import type { AddonCluster } from '../types.js';
import { KINDNET_TEMPLATE } from './kindnet.template.js';

let parsed: GoTemplate | undefined;

/** kindnet as kops renders its template: every spec.networking.kindnet setting it reads, with the admin network policy CRDs. */
export function kindnet(cluster: AddonCluster): string {
  parsed ??= new GoTemplate(KINDNET_TEMPLATE);
  return parsed.execute(templateData(cluster), commonTemplateFuncs(cluster));
}
