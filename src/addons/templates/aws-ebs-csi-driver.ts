import { GoTemplate } from '../gotemplate.js';
import { usesServiceAccountPermissions } from '../irsa.js';
import { isKubernetesGTE } from '../kubernetes-version.js';
import { awsRegion } from '../system-env.js';
import { commonTemplateFuncs } from '../template-funcs.js';
import { templateData } from '../template-data.js';
import type { AddonCluster, AddonContext } from '../types.js';
import { EBS_CSI_DRIVER_TEMPLATE } from './aws-ebs-csi-driver.template.js';
import { controlPlaneCount } from './instance-groups.js';

let parsed: GoTemplate | undefined;

/**
 * The AWS EBS CSI driver as kops renders its template (every spec.cloudConfig.awsEBSCSIDriver setting it reads): the
 * controller, on the control plane or anywhere with IRSA, and the node DaemonSet.
 */
export function awsEbsCsiDriver(cluster: AddonCluster, ctx: AddonContext): string {
  parsed ??= new GoTemplate(EBS_CSI_DRIVER_TEMPLATE);
  const highlyAvailable = controlPlaneCount(ctx) > 1;
  return parsed.execute(templateData(cluster), {
    ...commonTemplateFuncs(cluster),
    Region: () => awsRegion(cluster),
    KopsFeatureEnabled: (name) => (ctx.featureFlags ?? []).includes(String(name)),
    // Two controllers when the control plane is highly available, on workers (IRSA) as on the control plane.
    ControlPlaneControllerReplicas: () => (highlyAvailable ? 2 : 1),
    UseServiceAccountExternalPermissions: () => usesServiceAccountPermissions(cluster),
    HasSnapshotController: () => cluster.spec.snapshotController?.enabled === true,
    IsKubernetesGTE: (version) => isKubernetesGTE(String(cluster.spec.kubernetesVersion), String(version)),
  });
}
