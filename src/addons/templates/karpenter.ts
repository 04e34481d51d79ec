import { toGoYaml } from '../../apis/go/yaml.js';
import { GoTemplate } from '../gotemplate.js';
import { awsRegion } from '../system-env.js';
import { commonTemplateFuncs } from '../template-funcs.js';
import { templateData } from '../template-data.js';
import type { AddonCluster, AddonContext } from '../types.js';
import { nodeClass, nodePool, type InstanceGroup } from './karpenter-resources.js';
import { KARPENTER_TEMPLATE } from './karpenter.template.js';

let parsed: GoTemplate | undefined;

/**
 * Karpenter as kops renders its template: the CRDs, the controller (every spec.karpenter setting it reads), and an
 * EC2NodeClass + NodePool for each Karpenter-managed instance group.
 */
export function karpenter(cluster: AddonCluster, ctx: AddonContext): string {
  parsed ??= new GoTemplate(KARPENTER_TEMPLATE);
  return parsed.execute(templateData(cluster), {
    ...commonTemplateFuncs(cluster),
    Region: () => awsRegion(cluster),
    KarpenterInstanceGroups: () => karpenterGroups(cluster, ctx),
    KarpenterEC2NodeClass: (ig) => toGoYaml(nodeClass(cluster, ig as InstanceGroup, ctx)),
    KarpenterNodePool: (ig) => toGoYaml(nodePool(cluster, ig as InstanceGroup)),
  });
}

/** The instance groups Karpenter manages, by name (the order kops reads them from the state store). */
function karpenterGroups(cluster: AddonCluster, ctx: AddonContext): InstanceGroup[] {
  if (cluster.spec.cloudProvider !== 'aws' || cluster.spec.karpenter?.enabled !== true) return [];
  return (ctx.instanceGroups ?? [])
    .filter((ig) => ig.spec.manager === 'Karpenter')
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}
