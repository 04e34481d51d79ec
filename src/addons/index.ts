import { bootstrapChannel, manifestPath, type RenderedAddon } from './channel.js';
import { parseManifest, serializeManifest } from './manifest.js';
import { kopsController } from './templates/kops-controller.js';
import { kubeletApiRbac } from './templates/kubelet-api-rbac.js';
import { limitRange } from './templates/limit-range.js';
import { storageAws } from './templates/storage-aws.js';
import type { AddonCluster, AddonContext, AddonDefinition } from './types.js';

export type { AddonCluster, AddonContext, AddonDefinition } from './types.js';
export { toGoYaml, toGoYamlDocuments } from './goyaml.js';

interface CatalogEntry {
  definition: AddonDefinition;
  /** Whether the cluster runs this add-on. */
  enabled: (cluster: AddonCluster) => boolean;
}

const isAWS = (c: AddonCluster) => c.spec.cloudProvider === 'aws';

/** Every add-on kops can install, in bootstrap-channel order. */
const CATALOG: CatalogEntry[] = [
  {
    definition: {
      name: 'kops-controller.addons.k8s.io',
      id: 'k8s-1.16',
      manifestFile: 'k8s-1.16.yaml',
      needsRollingUpdate: 'control-plane',
      render: kopsController,
    },
    enabled: () => true,
  },
  {
    definition: { name: 'kubelet-api.rbac.addons.k8s.io', id: 'k8s-1.9', manifestFile: 'k8s-1.9.yaml', render: kubeletApiRbac },
    enabled: () => true,
  },
  {
    definition: { name: 'limit-range.addons.k8s.io', manifestFile: 'v1.5.0.yaml', render: limitRange },
    enabled: () => true,
  },
  {
    definition: { name: 'storage-aws.addons.k8s.io', id: 'v1.15.0', manifestFile: 'v1.15.0.yaml', render: storageAws },
    enabled: isAWS,
  },
];

/** A state-store file of the add-ons: the bootstrap channel or one manifest. */
export interface AddonFile {
  /** Go kops ManagedFile name, e.g. `minimal.example.com-addons-coredns.addons.k8s.io-k8s-1.12`. */
  tfName: string;
  /** Path relative to configBase, e.g. `addons/coredns.addons.k8s.io/k8s-1.12.yaml`. */
  path: string;
  content: string;
}

/** The add-ons of a cluster: each enabled add-on's manifest and the bootstrap channel listing them. */
export function buildAddons(cluster: AddonCluster, ctx: AddonContext): AddonFile[] {
  const rendered: RenderedAddon[] = CATALOG.filter((e) => e.enabled(cluster)).map(({ definition }) => {
    const objects = parseManifest(definition.render(cluster, ctx));
    return { definition, objects, manifest: serializeManifest(definition.name, objects) };
  });
  const prefix = `${cluster.metadata.name}-addons-`;
  return [
    { tfName: `${prefix}bootstrap`, path: 'addons/bootstrap-channel.yaml', content: bootstrapChannel(rendered) },
    ...rendered.map(({ definition: def, manifest }) => ({
      tfName: `${prefix}${def.name}${def.id ? `-${def.id}` : ''}`,
      path: `addons/${manifestPath(def)}`,
      content: manifest,
    })),
  ];
}
