import { parseAllDocuments, parse } from 'yaml';
import type { ClusterSpec } from '../apis/types.js';
import { collectImages } from '../apis/image-remap.js';

export interface FileAsset {
  canonical: string;
  download: string;
  sha: string;
}

export interface ImageAsset {
  canonical: string;
  download: string;
}

export interface ClusterAssets {
  files: FileAsset[];
  images: ImageAsset[];
}

interface StateFileLike {
  path: string;
  content: string;
}

/** Component images nodeup runs from the completed spec (static pods and the container runtime's sandbox). */
function specImages(spec: ClusterSpec): string[] {
  const kubeProxy = spec.kubeProxy?.enabled !== false ? spec.kubeProxy?.image : undefined;
  return [spec.kubeAPIServer?.image, spec.kubeControllerManager?.image, spec.kubeScheduler?.image, kubeProxy, spec.containerd?.sandboxImage].filter(
    (image): image is string => typeof image === 'string',
  );
}

/**
 * The release files and container images a cluster needs (what `kops get assets` lists): files from the nodeup
 * configs' asset lists, images from every manifest kops renders and from the components nodeup starts.
 */
export function collectAssets(files: readonly StateFileLike[], completedSpec: ClusterSpec): ClusterAssets {
  const fileAssets = new Map<string, FileAsset>();
  const images = new Set<string>();
  for (const file of files) {
    if (file.path.endsWith('nodeupconfig.yaml')) {
      const config = parse(file.content) as { Assets?: Record<string, string[]> };
      for (const line of Object.values(config.Assets ?? {}).flat()) {
        const at = line.indexOf('@');
        const [canonical] = line.slice(at + 1).split(',');
        fileAssets.set(canonical, { canonical, download: canonical, sha: line.slice(0, at) });
      }
    } else if (/\.(yaml|manifest)$/.test(file.path) || file.path.includes('manifests/')) {
      for (const doc of parseAllDocuments(file.content)) collectImages(doc.toJS(), images);
    }
  }
  for (const image of specImages(completedSpec)) images.add(image);
  const byCanonical = <T extends { canonical: string }>(a: T, b: T) => (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0);
  return {
    files: [...fileAssets.values()].sort(byCanonical),
    images: [...images].map((canonical) => ({ canonical, download: canonical })).sort(byCanonical),
  };
}

/** As `kops get assets -o yaml` prints them. */
export function assetsYaml(assets: ClusterAssets): string {
  const lines = ['files:'];
  for (const f of assets.files) lines.push(`- canonical: ${f.canonical}`, `  download: ${f.download}`, `  sha: ${f.sha}`);
  lines.push('images:');
  for (const i of assets.images) lines.push(`- canonical: ${i.canonical}`, `  download: ${i.download}`);
  return lines.join('\n') + '\n';
}
