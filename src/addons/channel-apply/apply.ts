import { UserError } from '../../errors.js';
import { loadManifest, type Channel, type ChannelAddon, type ManifestObject } from './channel.js';

/** The namespace whose annotations record which version of each add-on is applied (as the Go `channels` tool does). */
export const RECORD_NAMESPACE = 'kube-system';
export const recordAnnotation = (addonName: string): string => `addons.k8s.io/${addonName}`;

/** What the apply needs from the cluster; implemented over the Kubernetes API in kube-api.ts. */
export interface ClusterApi {
  namespaceAnnotations(namespace: string): Promise<Record<string, string>>;
  setNamespaceAnnotation(namespace: string, key: string, value: string): Promise<void>;
  /** Throws a UserError when the cluster does not serve this kind. */
  checkKind(apiVersion: string, kind: string): Promise<void>;
  exists(object: ManifestObject): Promise<boolean>;
  create(object: ManifestObject): Promise<void>;
  update(object: ManifestObject): Promise<void>;
}

/** The annotation value: what was applied, compared with the channel on the next apply. */
export interface AppliedVersion {
  version?: string;
  id?: string;
  manifestHash?: string;
  channel: string;
}

export type AddonOutcome = 'created' | 'updated' | 'unchanged';

export interface AddonResult {
  name: string;
  outcome?: AddonOutcome;
  error?: Error;
}

/**
 * Applies each add-on whose recorded version differs from the channel's. An add-on's manifest is read, parsed and its
 * kinds resolved before its first write, so a broken add-on is reported and left untouched; the others still apply.
 * With dryRun the same checks run and the outcomes are reported, but nothing is written.
 */
export async function applyChannel(channel: Channel, api: ClusterApi, options: { dryRun?: boolean } = {}): Promise<AddonResult[]> {
  const annotations = await api.namespaceAnnotations(RECORD_NAMESPACE);
  const results: AddonResult[] = [];
  for (const addon of channel.addons) {
    const recorded = parseRecord(annotations[recordAnnotation(addon.name)]);
    try {
      results.push({ name: addon.name, outcome: await applyAddon(channel, addon, recorded, api, options.dryRun ?? false) });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      results.push({ name: addon.name, error: err });
    }
  }
  return results;
}

async function applyAddon(
  channel: Channel,
  addon: ChannelAddon,
  recorded: AppliedVersion | undefined,
  api: ClusterApi,
  dryRun: boolean,
): Promise<AddonOutcome> {
  const wanted: AppliedVersion = { version: addon.version, id: addon.id, manifestHash: addon.manifestHash, channel: channel.url };
  if (recorded && sameVersion(recorded, wanted)) return 'unchanged';
  const objects = await loadManifest(channel, addon);
  const ownKinds = kindsDefinedBy(objects);
  for (const object of objects) {
    if (!ownKinds.has(`${object.apiVersion}:${object.kind}`)) await api.checkKind(object.apiVersion, object.kind);
  }
  const outcome = recorded ? 'updated' : 'created';
  if (dryRun) return outcome;
  for (const object of objects) {
    if (await api.exists(object)) await api.update(object);
    else await api.create(object);
  }
  await api.setNamespaceAnnotation(RECORD_NAMESPACE, recordAnnotation(addon.name), JSON.stringify(withoutUndefined(wanted)));
  return outcome;
}

/** `group/version:Kind` of the custom resources whose CRDs the manifest itself installs (unknown to the cluster yet). */
function kindsDefinedBy(objects: ManifestObject[]): Set<string> {
  const kinds = new Set<string>();
  for (const object of objects) {
    if (object.kind !== 'CustomResourceDefinition') continue;
    const spec = object.spec as { group?: string; names?: { kind?: string }; versions?: { name?: string }[] } | undefined;
    for (const version of spec?.versions ?? []) kinds.add(`${spec?.group}/${version.name}:${spec?.names?.kind}`);
  }
  return kinds;
}

function sameVersion(a: AppliedVersion, b: AppliedVersion): boolean {
  return a.version === b.version && a.id === b.id && a.manifestHash === b.manifestHash;
}

function parseRecord(value: string | undefined): AppliedVersion | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? (parsed as AppliedVersion) : undefined;
  } catch {
    // An unreadable record means we cannot know what is applied: apply again.
    return undefined;
  }
}

function withoutUndefined(version: AppliedVersion): Partial<AppliedVersion> {
  return Object.fromEntries(Object.entries(version).filter(([, v]) => v !== undefined));
}
