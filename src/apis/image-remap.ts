/**
 * Container images as a cluster pulls them: `spec.assets.containerProxy` (a pull-through proxy standing in for the
 * image's registry) and `spec.assets.containerRegistry` (a registry holding copies, one repository per image, `/`
 * folded to `-`), as kops's asset builder normalizes every image it deploys.
 */

export interface ImageAssets {
  containerProxy?: string;
  containerRegistry?: string;
}

export function remapImage(image: string, assets: ImageAssets | undefined): string {
  let out = image;
  if (assets?.containerProxy) {
    const proxy = assets.containerProxy.replace(/\/$/, '');
    const firstPart = out.split('/')[0];
    // A Docker Hub name (`busybox`, `org/app`) has no registry host in front: the proxy is put before it.
    const isHubName = (out.match(/\//g) ?? []).length <= 1 && !/[.:]/.test(firstPart);
    out = isHubName ? `${proxy}/${out}` : out.replace(/^[^/]+/, proxy);
  }
  if (assets?.containerRegistry) {
    const registry = assets.containerRegistry;
    const name = out.replace(/^registry\.k8s\.io\//, '');
    // An image already in the registry (a second pass over the same spec) stays as it is.
    out = name.startsWith(`${registry}/`) ? name : `${registry}/${name.replaceAll('/', '-')}`;
  }
  return out;
}

type Data = Record<string, unknown>;

/**
 * Every container and init container image of a manifest object remapped (the `image` of an entry of a `containers` or
 * `initContainers` list, wherever it is: pods, workload templates, cron jobs).
 */
export function remapObjectImages(obj: unknown, assets: ImageAssets | undefined): void {
  if (!assets?.containerProxy && !assets?.containerRegistry) return;
  const visit = (node: unknown, inContainerList: boolean): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, inContainerList);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Data;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'image' && inContainerList && typeof value === 'string') record[key] = remapImage(value, assets);
      else visit(value, (key === 'containers' || key === 'initContainers') && Array.isArray(value));
    }
  };
  visit(obj, false);
}

/** Every image a manifest object names: `image: <ref>` in containers, and `image: {reference: <ref>}` in image volumes. */
export function collectImages(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectImages(item, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'image' && typeof value === 'string') out.add(value);
    else if (key === 'image' && value && typeof value === 'object' && typeof (value as { reference?: unknown }).reference === 'string') {
      out.add((value as { reference: string }).reference);
    } else collectImages(value, out);
  }
}
