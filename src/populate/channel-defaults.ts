/**
 * Embedded channel facts (images, Kubernetes and kops version recommendations of the kops `stable` channel at the
 * compatibility level of this tool), used when no channel file is reachable. `alpha` carries the same versions.
 */
import type { Architecture, Channel, ChannelImage, VersionRecommendation } from './channel.js';

type ImageRow = [providerID: string, arch: Architecture, kubernetesRange: string, name: string];
type KubernetesRow = [range: string, recommended: string, required: string];
type KopsRow = [range: string, recommended: string, kubernetes: string];

const IMAGES: ImageRow[] = [
  ['aws', 'amd64', '>=1.18.0 <1.27.0', '099720109477/ubuntu/images/hvm-ssd/ubuntu-focal-20.04-amd64-server-20250624'],
  ['aws', 'arm64', '>=1.20.0 <1.27.0', '099720109477/ubuntu/images/hvm-ssd/ubuntu-focal-20.04-arm64-server-20250624'],
  ['aws', 'amd64', '>=1.27.0 <1.32.0', '099720109477/ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20260714'],
  ['aws', 'arm64', '>=1.27.0 <1.32.0', '099720109477/ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-arm64-server-20260714'],
  ['aws', 'amd64', '>=1.32.0', '099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260714'],
  ['aws', 'arm64', '>=1.32.0', '099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20260714'],
  ['gce', 'amd64', '>=1.18.0 <1.27.0', 'ubuntu-os-cloud/ubuntu-2004-focal-v20240607'],
  ['gce', 'amd64', '>=1.27.0 <1.32.0', 'ubuntu-os-cloud/ubuntu-2204-jammy-v20260612'],
  ['gce', 'amd64', '>=1.32.0', 'ubuntu-os-cloud/ubuntu-2404-noble-amd64-v20260615'],
  ['gce', 'arm64', '>=1.32.0', 'ubuntu-os-cloud/ubuntu-2404-noble-arm64-v20260615'],
  ['azure', 'amd64', '>=1.20.0 <1.27.0', 'Canonical:0001-com-ubuntu-server-focal:20_04-lts-gen2:20.04.202505200'],
  ['azure', 'amd64', '>=1.27.0 <1.32.0', 'Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:22.04.202606110'],
  ['azure', 'amd64', '>=1.32.0', 'Canonical:ubuntu-24_04-lts:server:24.04.202606060'],
  ['azure', 'arm64', '>=1.32.0', 'Canonical:ubuntu-24_04-lts:server-arm64:24.04.202606060'],
];

const KUBERNETES: KubernetesRow[] = [
  ['>=1.36.0', '1.36.3', '1.36.0'],
  ['>=1.35.0', '1.35.7', '1.35.0'],
  ['>=1.34.0', '1.34.10', '1.34.0'],
  ['>=1.33.0', '1.33.13', '1.33.0'],
  ['>=1.32.0', '1.32.13', '1.32.0'],
  ['>=1.31.0', '1.31.14', '1.31.0'],
  ['>=1.30.0', '1.30.14', '1.30.0'],
  ['>=1.29.0', '1.29.15', '1.29.0'],
  ['>=1.28.0', '1.28.15', '1.28.0'],
  ['>=1.27.0', '1.27.16', '1.27.0'],
  ['>=1.26.0', '1.26.15', '1.26.0'],
  ['>=1.25.0', '1.25.16', '1.25.0'],
  ['>=1.24.0', '1.24.17', '1.24.0'],
];

const KOPS: KopsRow[] = [
  ['>=1.36.0-alpha.1', '1.36.0-beta.1', '1.36.3'],
  ['>=1.35.0-alpha.1', '1.35.1', '1.35.7'],
  ['>=1.34.0-alpha.1', '1.35.1', '1.34.10'],
  ['>=1.33.0-alpha.1', '1.35.1', '1.33.13'],
  ['>=1.32.0-alpha.1', '1.35.1', '1.32.13'],
  ['>=1.31.0-alpha.1', '1.35.1', '1.31.14'],
  ['>=1.30.0-alpha.1', '1.35.1', '1.30.14'],
  ['>=1.29.0-alpha.1', '1.34.3', '1.29.15'],
  ['>=1.28.0-alpha.1', '1.33.1', '1.28.15'],
  ['>=1.27.0-alpha.1', '1.32.2', '1.27.16'],
];

function table(): Omit<Channel, 'source'> {
  return {
    images: IMAGES.map(([providerID, architectureID, kubernetesVersion, name]): ChannelImage => ({ providerID, architectureID, kubernetesVersion, name })),
    kubernetesVersions: KUBERNETES.map(([range, recommendedVersion, requiredVersion]): VersionRecommendation => ({ range, recommendedVersion, requiredVersion })),
    kopsVersions: KOPS.map(([range, recommendedVersion, kubernetesVersion]): VersionRecommendation => ({ range, recommendedVersion, kubernetesVersion })),
  };
}

export const EMBEDDED_CHANNELS: Record<string, Omit<Channel, 'source'>> = { stable: table(), alpha: table() };
