/**
 * The kops release channel: recommended Kubernetes versions per kops version, supported Kubernetes ranges, and
 * default machine images per cloud/architecture/Kubernetes version. Parsed from a channel file (the Go kops's
 * `channels/stable` format) or taken from the embedded defaults when no file is reachable.
 */
import { parse as parseYaml } from 'yaml';
import { UserError } from '../errors.js';
import { EMBEDDED_CHANNELS } from './channel-defaults.js';
import { parseSemVer, satisfiesRange, type SemVer } from './semver.js';

export type Architecture = 'amd64' | 'arm64';

export interface ChannelImage {
  name: string;
  providerID: string;
  architectureID: Architecture;
  /** A semver range; empty matches every version. */
  kubernetesVersion: string;
}

export interface VersionRecommendation {
  range: string;
  recommendedVersion?: string;
  requiredVersion?: string;
  /** Only on kopsVersions entries: the Kubernetes version a new cluster gets with that kops version. */
  kubernetesVersion?: string;
}

export interface Channel {
  /** Where it came from: a file path/URL, or `embedded:<name>`. */
  source: string;
  images: ChannelImage[];
  kubernetesVersions: VersionRecommendation[];
  kopsVersions: VersionRecommendation[];
}

export function parseChannel(text: string, source: string): Channel {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new UserError(`channel ${source}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const spec = (doc as { spec?: Record<string, unknown> } | null)?.spec;
  if (!spec || typeof spec !== 'object') throw new UserError(`channel ${source}: missing spec`);
  const list = (key: string): Record<string, unknown>[] => {
    const value = spec[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new UserError(`channel ${source}: spec.${key} must be a list`);
    return value as Record<string, unknown>[];
  };
  const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
  return {
    source,
    images: list('images').map((i) => ({
      name: String(i.name ?? ''),
      providerID: String(i.providerID ?? ''),
      architectureID: (str(i.architectureID) ?? 'amd64') as Architecture,
      kubernetesVersion: str(i.kubernetesVersion) ?? '',
    })),
    kubernetesVersions: list('kubernetesVersions').map(toRecommendation),
    kopsVersions: list('kopsVersions').map(toRecommendation),
  };

  function toRecommendation(v: Record<string, unknown>): VersionRecommendation {
    return {
      range: String(v.range ?? ''),
      recommendedVersion: str(v.recommendedVersion),
      requiredVersion: str(v.requiredVersion),
      kubernetesVersion: str(v.kubernetesVersion),
    };
  }
}

/** The channel named `stable` or `alpha` as embedded in this tool (facts from the kops release channels). */
export function embeddedChannel(name: string): Channel | undefined {
  const table = EMBEDDED_CHANNELS[name];
  return table && { source: `embedded:${name}`, ...structuredClone(table) };
}

/** First image of the channel for this cloud, architecture and Kubernetes version (as the Go kops's FindImage). */
export function findImage(channel: Channel, providerID: string, kubernetesVersion: SemVer, arch: Architecture): ChannelImage | undefined {
  return channel.images.find(
    (image) =>
      image.providerID === providerID &&
      (image.architectureID || 'amd64') === arch &&
      (!image.kubernetesVersion || satisfiesRange(kubernetesVersion, image.kubernetesVersion)),
  );
}

/** The Kubernetes version a new cluster gets with this kops version (without a leading `v`, as Go's semver prints it). */
export function recommendedKubernetesVersion(channel: Channel, kopsVersion: string): string | undefined {
  const kops = parseSemVer(kopsVersion);
  if (!kops) return undefined;
  const entry = channel.kopsVersions.find((v) => satisfiesRange(kops, v.range));
  const k8s = entry?.kubernetesVersion ? parseSemVer(entry.kubernetesVersion) : undefined;
  return k8s ? entry!.kubernetesVersion!.replace(/^v/, '') : undefined;
}

/**
 * A channel by name (`stable`, `alpha`: the embedded tables) or by location (a file path, `file://` or `https://`
 * URL of a channel file, as `--channel` accepts).
 */
export async function loadChannel(location: string): Promise<Channel> {
  if (!/[/:]/.test(location)) {
    const embedded = embeddedChannel(location);
    if (!embedded) throw new UserError(`channel "${location}" is not known`, 'use stable or alpha, or give the path or URL of a channel file');
    return embedded;
  }
  let text: string;
  try {
    if (/^https?:\/\//.test(location)) {
      const res = await fetch(location);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      text = await res.text();
    } else {
      const { readFile } = await import('node:fs/promises');
      const { fileURLToPath } = await import('node:url');
      text = await readFile(location.startsWith('file://') ? fileURLToPath(location) : location, 'utf8');
    }
  } catch (err) {
    throw new UserError(`channel ${location}: cannot be read: ${(err as Error).message}`);
  }
  return parseChannel(text, location);
}
