import { buildAddons } from '../../addons/index.js';
import { UserError } from '../../errors.js';
import { roleDirectory, roleOf } from './cluster-facts.js';
import { buildEtcdFiles } from './etcd-manager.js';
import { buildNodeupConfig, renderNodeupConfig } from './nodeupconfig.js';
import { managedImages, wantsWarmPoolImages } from './warm-pool-images.js';
import { kopsChannels, kubeApiserverHealthcheck } from './static-manifests.js';
import type { BootstrapContext, BootstrapResult, StateFile } from './types.js';
import type { AdditionalObject, Cluster, InstanceGroup } from '../../apis/types.js';
import { buildUserData } from './userdata.js';

export type { BootstrapContext, BootstrapResult, KeysetPublic, NodeupLocation, StateFile } from './types.js';

/**
 * Everything nodes need to bootstrap, as state-store files plus per-group launch-template user data: nodeup configs, etcd-manager
 * manifests and cluster specs, static pods, kops-version.txt and the add-ons (bootstrap channel and manifests).
 * (The OIDC discovery documents are built by the AWS model, src/model/discovery.ts.)
 * cluster-completed.spec is not included (it is written from the completed spec itself).
 */
export function buildBootstrap(
  completed: Cluster,
  instanceGroups: InstanceGroup[],
  ctx: BootstrapContext,
  additionalObjects: AdditionalObject[] = [],
): BootstrapResult {
  if (!completed.spec.configBase) throw new UserError('spec.configBase: must be set in the completed cluster spec');
  const files: StateFile[] = [];
  const userData = new Map<string, string>();
  const karpenterUserData: Record<string, string> = {};
  const addonContext = { kopsVersion: ctx.kopsVersion, env: ctx.env, featureFlags: ctx.featureFlags, aws: ctx.aws, instanceGroups, imageRootDevices: ctx.imageRootDevices, ciliumSecret: ctx.ciliumSecret };
  const renderAddons = (karpenter: Record<string, string>) => buildAddons(completed, { ...addonContext, karpenterUserData: karpenter });
  // Warm pool instances pull kops's node images while they warm: those of the add-ons too. No image depends on the
  // Karpenter groups' user data (built below), so the add-ons rendered without it give them, and are the add-ons
  // themselves unless there are Karpenter groups.
  const addonsWithoutKarpenter = instanceGroups.some((ig) => wantsWarmPoolImages(completed, ig)) ? renderAddons({}) : undefined;
  const nodeCtx = addonsWithoutKarpenter ? { ...ctx, managedImages: managedImages(completed, addonsWithoutKarpenter) } : ctx;
  for (const ig of [...instanceGroups].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    const role = roleOf(ig);
    // A bastion runs no nodeup; its config is only written alongside user data it gets from additionalUserData.
    if (role === 'Bastion' && !(ig.spec.additionalUserData ?? []).length) continue;
    const nodeupConfig = renderNodeupConfig(buildNodeupConfig(completed, ig, nodeCtx, additionalObjects));
    files.push({
      tfName: `nodeupconfig-${ig.metadata.name}`,
      path: `igconfig/${roleDirectory(role)}/${ig.metadata.name}/nodeupconfig.yaml`,
      content: nodeupConfig,
    });
    const data = buildUserData(completed, ig, nodeupConfig, ctx);
    if (data === undefined) continue;
    // Karpenter launches its own instances: it reads the script from the state store instead of a launch template.
    if (ig.spec.manager === 'Karpenter') {
      karpenterUserData[ig.metadata.name] = data;
      files.push({ tfName: `nodeupscript-${ig.metadata.name}`, path: `igconfig/${roleDirectory(role)}/${ig.metadata.name}/nodeupscript.sh`, content: data });
    } else {
      userData.set(ig.metadata.name, data);
    }
  }
  files.push(...buildEtcdFiles(completed, ctx));
  files.push(kubeApiserverHealthcheck(completed, ctx));
  files.push(kopsChannels(completed, ctx));
  files.push({ tfName: 'kops-version.txt', path: 'kops-version.txt', content: ctx.kopsVersion });
  files.push(...(addonsWithoutKarpenter && !Object.keys(karpenterUserData).length ? addonsWithoutKarpenter : renderAddons(karpenterUserData)));
  return { files, userData };
}
