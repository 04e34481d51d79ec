import { createHash } from 'node:crypto';
import { toGoYaml } from '../apis/go/yaml.js';
import type { AddonDefinition } from './types.js';

type Data = Record<string, unknown>;

/** Kinds channels may prune (listed by group, then kind); namespaced kinds name the namespaces the add-on uses. */
const PRUNABLE_KINDS: { group?: string; kind: string }[] = [
  { kind: 'ConfigMap' },
  { kind: 'Service' },
  { kind: 'ServiceAccount' },
  { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration' },
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
  { group: 'apps', kind: 'DaemonSet' },
  { group: 'apps', kind: 'Deployment' },
  { group: 'apps', kind: 'StatefulSet' },
  { group: 'policy', kind: 'PodDisruptionBudget' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
  { group: 'rbac.authorization.k8s.io', kind: 'Role' },
  { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
];

export interface RenderedAddon {
  definition: AddonDefinition;
  /** The manifest text stored in the state store. */
  manifest: string;
  objects: Data[];
}

export function manifestPath(def: AddonDefinition): string {
  return `${def.name}/${def.manifestFile}`;
}

/** addons/bootstrap-channel.yaml: every add-on with its manifest location and the sha256 of its text. */
export function bootstrapChannel(addons: RenderedAddon[]): string {
  return toGoYaml({
    kind: 'Addons',
    metadata: { name: 'bootstrap' },
    spec: { addons: addons.map(channelEntry) },
  });
}

function channelEntry({ definition: def, manifest, objects }: RenderedAddon): Data {
  const entry: Data = {
    manifest: manifestPath(def),
    manifestHash: createHash('sha256').update(manifest).digest('hex'),
    name: def.name,
    selector: def.selector === undefined ? { 'k8s-addon': def.name } : def.selector,
  };
  if (def.id) entry.id = def.id;
  if (def.needsRollingUpdate) entry.needsRollingUpdate = def.needsRollingUpdate;
  if (def.needsPKI) entry.needsPKI = true;
  if (def.prune || objects.length === 0) entry.prune = { kinds: pruneKinds(def, objects) };
  return entry;
}

function pruneKinds(def: AddonDefinition, objects: Data[]): Data[] {
  const addonName = def.name;
  const kinds = [...PRUNABLE_KINDS, ...(def.pruneExtraKinds ?? [])].sort((a, b) => {
    const ga = a.group ?? '';
    const gb = b.group ?? '';
    return ga !== gb ? (ga < gb ? -1 : 1) : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
  });
  return kinds.map(({ group, kind }) => {
    const spec: Data = { kind, labelSelector: `addon.kops.k8s.io/name=${addonName},app.kubernetes.io/managed-by=kops` };
    if (group) spec.group = group;
    const namespaces = new Set<string>();
    for (const obj of objects) {
      const [objGroup] = String(obj.apiVersion ?? '').includes('/') ? String(obj.apiVersion).split('/') : [''];
      const ns = (obj.metadata as Data | undefined)?.namespace;
      if (obj.kind === kind && objGroup === (group ?? '') && typeof ns === 'string' && ns) namespaces.add(ns);
    }
    if (namespaces.size > 0) spec.namespaces = [...namespaces].sort();
    return spec;
  });
}
