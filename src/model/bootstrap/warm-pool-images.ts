import { parseAllDocuments } from 'yaml';
import { collectImages, remapImage } from '../../apis/image-remap.js';
import type { Cluster, InstanceGroup } from '../../apis/types.js';
import type { StateFile } from './types.js';

/**
 * Image prefixes whose images a warm pool instance pulls while it warms up (the node components and CNI images that
 * slow down a node's start), as kops 1.37 lists them.
 */
const PREFETCHED_PREFIXES = [
  'registry.k8s.io/kube-proxy:',
  'registry.k8s.io/provider-aws/',
  'registry.k8s.io/sig-storage/csi-node-driver-registrar:',
  'registry.k8s.io/sig-storage/livenessprobe:',
  'quay.io/calico/',
  'quay.io/cilium/',
  'quay.io/coreos/flannel:',
  'quay.io/weaveworks/',
];

/** Whether a group's nodes get a list of images to pull while warming: a warm pool on AWS, its own or the cluster's. */
export function wantsWarmPoolImages(cluster: Cluster, ig: InstanceGroup): boolean {
  return cluster.spec.cloudProvider === 'aws' && (ig.spec.warmPool !== undefined || cluster.spec.warmPool !== undefined);
}

/** The container images kops manages for a cluster: its components' and those of every add-on manifest it renders. */
export function managedImages(cluster: Cluster, addonFiles: readonly StateFile[]): string[] {
  const images = new Set<string>();
  const proxy = cluster.spec.kubeProxy;
  if (proxy?.image && proxy.enabled !== false) images.add(proxy.image);
  for (const file of addonFiles) {
    if (!file.path.endsWith('.yaml')) continue;
    for (const doc of parseAllDocuments(file.content)) collectImages(doc.toJS(), images);
  }
  return [...images];
}

/**
 * The images a group's warm pool instances pull: the managed images under the prefetched prefixes and the group's
 * own additional images, sorted; none for control-plane groups.
 */
export function warmPoolImages(cluster: Cluster, ig: InstanceGroup, managed: readonly string[]): string[] {
  if (ig.spec.role === 'Master' || ig.spec.role === 'ControlPlane') return [];
  // The managed images were remapped through spec.assets: so are the prefixes they are matched with, and the group's.
  const prefixes = PREFETCHED_PREFIXES.map((p) => remapImage(p, cluster.spec.assets));
  const images = new Set(managed.filter((image) => prefixes.some((p) => image.startsWith(p))));
  for (const image of ig.spec.warmPool?.additionalImages ?? []) images.add(remapImage(image, cluster.spec.assets));
  return [...images].sort();
}

