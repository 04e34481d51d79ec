/** The GCE field registry: the GCE blocks and instance settings, and the AWS registry's cloud-neutral entries. */
import type { RegistryEntry } from '../registry.js';
import { GCE_ADDON_FIELDS } from './addons.js';
import { GCE_CLUSTER_FIELDS } from './cluster.js';
import { GCE_INSTANCE_FIELDS } from './instances.js';
import { GCE_NETWORK_FIELDS } from './network.js';
import { GCE_VALIDATION_FIELDS } from './validation.js';
import { reusedOnGce } from './reused.js';

/** AWS entries whose effect differs on GCE (classed by the GCE entries instead), as `Kind pattern`. */
const NOT_REUSED = new Set<string>([
  // The fragments name AWS things (the Route53 zone, the AWS group names, the storage-aws add-on, the AWS baseline's
  // state store and Kubernetes version) or a kubelet default GCE already sets (hairpinMode).
  'Cluster spec.externalDns.watchNamespace',
  'Cluster spec.channel',
  'Cluster spec.cloudConfig.manageStorageClasses',
  'Cluster spec.addons[].manifest',
  'Cluster spec.etcdClusters[].image',
  'InstanceGroup spec.autoscale',
  'InstanceGroup spec.autoscalePriority',
  'Cluster spec.networking.cilium.identityAllocationMode',
  'Cluster spec.kubelet.hairpinMode',
  'Cluster spec.masterKubelet.hairpinMode',
  'InstanceGroup spec.kubelet.hairpinMode',
]);

export function gceRegistry(aws: readonly RegistryEntry[]): readonly RegistryEntry[] {
  return [...GCE_INSTANCE_FIELDS, ...GCE_NETWORK_FIELDS, ...GCE_ADDON_FIELDS, ...GCE_CLUSTER_FIELDS, ...GCE_VALIDATION_FIELDS, ...reusedOnGce(aws, NOT_REUSED)];
}
