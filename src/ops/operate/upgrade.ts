import type { Cluster, InstanceGroup } from '../../apis/types.js';
import { findImage, type Architecture, type Channel } from '../../populate/channel.js';
import { compareSemVer, parseSemVer, satisfiesRange, type SemVer } from '../../populate/semver.js';

/** One change `kops upgrade cluster` proposes (the ITEM / PROPERTY / OLD / NEW table) and how to make it. */
export interface UpgradeAction {
  item: string;
  property: string;
  old: string;
  new: string;
  apply(): void;
}

export interface UpgradeInput {
  cluster: Cluster;
  instanceGroups: InstanceGroup[];
  channel: Channel;
  /** --channel, or the cluster's channel, or `stable`. */
  channelLocation: string;
  /** --kubernetes-version. */
  kubernetesVersion?: string;
  kopsVersion: string;
  /** The architecture of a machine type (undefined when unknown: the group's image is then left alone). */
  architectureOf(machineType: string): Promise<Architecture | undefined>;
  warn(message: string): void;
}

/** The images the channel supplies have this prefix (Canonical's owner id); a custom image is never replaced. */
const UPSTREAM_IMAGE_OWNERS = ['099720109477/', 'ubuntu/', '075585003325/', '136693071363/', '309956199498/', '137112412989/'];

/**
 * What `kops upgrade cluster` would change, as the Go kops decides it: the channel, the Kubernetes version (the
 * channel's recommendation for the current minor, or the next minor's when this kops supports it, never a
 * downgrade), and each group's image (the channel's image for that version, unless the group has a custom image).
 */
export async function planUpgrade(input: UpgradeInput): Promise<UpgradeAction[]> {
  const { cluster, channel } = input;
  const spec = cluster.spec as { channel?: string; kubernetesVersion?: string };
  const actions: UpgradeAction[] = [];
  if (input.channelLocation !== (spec.channel ?? '')) {
    actions.push({ item: 'Cluster', property: 'Channel', old: spec.channel ?? '', new: input.channelLocation, apply: () => (spec.channel = input.channelLocation) });
  }
  const current = spec.kubernetesVersion ? parseSemVer(spec.kubernetesVersion.replace(/^v/, '')) : undefined;
  let proposed = input.kubernetesVersion ? parseSemVer(input.kubernetesVersion.replace(/^v/, '')) : undefined;
  if (!proposed && current) proposed = recommendedFor(channel, current, input.kopsVersion, input.warn);
  if (current && proposed && compareSemVer(current, proposed) > 0) {
    input.warn(`cluster version "${format(current)}" is greater than the desired version "${format(proposed)}"`);
    proposed = current;
  }
  if (current && proposed && compareSemVer(current, proposed) !== 0) {
    const version = format(proposed);
    actions.push({ item: 'Cluster', property: 'KubernetesVersion', old: spec.kubernetesVersion ?? '', new: version, apply: () => (spec.kubernetesVersion = version) });
  }
  proposed ??= current;
  if (!proposed) return actions;
  for (const ig of input.instanceGroups) {
    const arch = await input.architectureOf(ig.spec?.machineType ?? '');
    if (!arch) {
      input.warn(`cannot tell the architecture of machine type "${ig.spec?.machineType}"; image of ${ig.metadata.name} left as it is`);
      continue;
    }
    const image = findImage(channel, (cluster.spec?.cloudProvider as string | undefined) ?? 'aws', proposed, arch);
    if (!image) {
      input.warn('no matching image in the channel; cannot propose an image upgrade');
      continue;
    }
    const currentImage = ig.spec?.image ?? '';
    if (currentImage && !UPSTREAM_IMAGE_OWNERS.some((p) => currentImage.startsWith(p))) {
      input.warn(`custom image (${currentImage}) for instance group "${ig.metadata.name}"; not updating its image`);
      continue;
    }
    if (currentImage !== image.name) {
      actions.push({ item: `InstanceGroup/${ig.metadata.name}`, property: 'Image', old: currentImage, new: image.name, apply: () => (ig.spec.image = image.name) });
    }
  }
  return actions;
}

function recommendedFor(channel: Channel, current: SemVer, kopsVersion: string, warn: (m: string) => void): SemVer | undefined {
  const entry = channel.kubernetesVersions.find((v) => satisfiesRange(current, v.range));
  if (!entry?.recommendedVersion) {
    warn(`unable to find version information for kubernetes version ${format(current)} in channel`);
    return undefined;
  }
  let proposed = parseSemVer(entry.recommendedVersion.replace(/^v/, ''));
  const kops = parseSemVer(kopsVersion);
  if (proposed && kops) {
    const nextMinor: SemVer = { major: proposed.major, minor: proposed.minor + 1, patch: 0, pre: [] };
    if (compareSemVer(nextMinor, kops) <= 0) {
      const next = channel.kubernetesVersions.find((v) => satisfiesRange(nextMinor, v.range));
      const nextVersion = next?.recommendedVersion ? parseSemVer(next.recommendedVersion.replace(/^v/, '')) : undefined;
      if (nextVersion) proposed = nextVersion;
    }
  }
  return proposed;
}

function format(v: SemVer): string {
  return `${v.major}.${v.minor}.${v.patch}${v.pre.length ? `-${v.pre.join('.')}` : ''}`;
}
