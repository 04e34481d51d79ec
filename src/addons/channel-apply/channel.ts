import { createHash } from 'node:crypto';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { UserError } from '../../errors.js';
import type { VfsPath } from '../../statestore/vfs.js';

/** The channel file `kops update cluster` writes beside the add-on manifests. */
export const BOOTSTRAP_CHANNEL_FILE = 'bootstrap-channel.yaml';

/** One entry of a channel's `spec.addons`. */
export interface ChannelAddon {
  name: string;
  /** Legacy semantic version of the add-on; most current add-ons only carry an id. */
  version?: string;
  id?: string;
  /** Manifest path relative to the channel file. */
  manifest: string;
  manifestHash?: string;
}

export interface Channel {
  /** Where the channel was read from; manifests are resolved against `dir`. */
  url: string;
  dir: VfsPath;
  addons: ChannelAddon[];
}

/** A Kubernetes object of an add-on manifest, as parsed from its YAML. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

const SEMVER = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

/** Reads `<dir>/<fileName>`; undefined when it has not been written yet. */
export async function readChannel(dir: VfsPath, fileName = BOOTSTRAP_CHANNEL_FILE): Promise<Channel | undefined> {
  const file = dir.join(fileName);
  const data = await file.readIfExists();
  if (data === undefined) return undefined;
  return { url: file.url, dir, addons: parseChannelAddons(data.toString('utf8'), file.url) };
}

export function parseChannelAddons(text: string, url: string): ChannelAddon[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new UserError(`${url}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const root = asRecord(doc);
  if (root?.kind !== 'Addons') throw new UserError(`${url}: not an add-on channel (kind: Addons expected)`);
  const list = asRecord(root.spec)?.addons ?? [];
  if (!Array.isArray(list)) throw new UserError(`${url}: spec.addons must be a list`);
  return list.map((entry, i) => parseAddon(entry, `${url}: spec.addons[${i}]`));
}

function parseAddon(entry: unknown, where: string): ChannelAddon {
  const record = asRecord(entry);
  const field = (name: string): string | undefined => {
    const value = record?.[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw new UserError(`${where}.${name} must be a string`);
    return value;
  };
  const name = field('name');
  const manifest = field('manifest');
  if (!name) throw new UserError(`${where}.name is missing`);
  if (!manifest) throw new UserError(`${where}.manifest is missing (add-on ${name})`);
  const version = field('version');
  if (version !== undefined && !SEMVER.test(version)) {
    throw new UserError(`${where}.version: unknown version "${version}" of add-on ${name}`, 'versions look like 1.2.3');
  }
  return { name, version, id: field('id'), manifest, manifestHash: field('manifestHash') };
}

/**
 * The add-on's manifest, read and parsed completely (so that nothing is applied from a broken one): every document
 * an object with apiVersion, kind and metadata.name, and the text matching the channel's manifestHash.
 */
export async function loadManifest(channel: Channel, addon: ChannelAddon): Promise<ManifestObject[]> {
  const segments = addon.manifest.split('/');
  if (addon.manifest.includes('://') || addon.manifest.startsWith('/') || segments.includes('..')) {
    throw new UserError(`add-on ${addon.name}: manifest "${addon.manifest}" must be a path relative to the channel`);
  }
  const file = channel.dir.join(...segments);
  const data = await file.readIfExists();
  if (data === undefined) {
    throw new UserError(`add-on ${addon.name}: the channel names manifest ${file.url}, which does not exist`, 'run kops update cluster --yes to write it');
  }
  if (addon.manifestHash) {
    const actual = createHash('sha256').update(data).digest('hex');
    if (actual !== addon.manifestHash) {
      throw new UserError(`add-on ${addon.name}: ${file.url} has sha256 ${actual}, the channel expects ${addon.manifestHash}`, 'run kops update cluster --yes to rewrite the add-ons');
    }
  }
  return parseManifest(data.toString('utf8'), `add-on ${addon.name}: ${file.url}`);
}

export function parseManifest(text: string, where: string): ManifestObject[] {
  const objects: ManifestObject[] = [];
  parseAllDocuments(text).forEach((doc, i) => {
    if (doc.errors.length > 0) throw new UserError(`${where}: document ${i + 1} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return;
    const object = asRecord(value);
    const metadata = asRecord(object?.metadata);
    if (typeof object?.apiVersion !== 'string' || typeof object.kind !== 'string' || typeof metadata?.name !== 'string') {
      throw new UserError(`${where}: document ${i + 1} is not a Kubernetes object (apiVersion, kind and metadata.name are required)`);
    }
    objects.push(object as ManifestObject);
  });
  return objects;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
