import type { Cluster, InstanceGroup } from '../apis/types.js';
import { openLookup, regionOfZone } from '../cloud/index.js';
import { loadChannel } from '../populate/channel.js';
import { fillMachineDefaults } from '../populate/create/new-cluster.js';
import { parseSemVer } from '../populate/semver.js';

/**
 * `create instancegroup`: the new group's machine type and image as `create cluster` fills them (populate's
 * rules), from the cluster's cloud and channel. Nothing is filled without a zone or a Kubernetes version to go by.
 */
export async function fillNewInstanceGroupDefaults(cluster: Cluster, group: InstanceGroup): Promise<void> {
  const provider = cluster.spec?.cloudProvider ?? 'aws';
  if (provider !== 'aws') return;
  const zone = cluster.spec?.subnets?.find((s) => s.zone)?.zone;
  const k8s = parseSemVer(cluster.spec?.kubernetesVersion ?? '');
  if (!zone || !k8s) return;
  const lookup = openLookup(provider, regionOfZone(provider, zone));
  const channel = await loadChannel(cluster.spec?.channel || 'stable');
  await fillMachineDefaults(group, cluster.spec!, k8s, { lookup, channel });
}
