/** The field registry of each cloud built (see registry.ts for the classes). */
import { AWS_ADDON_FIELDS } from './aws/addons.js';
import { AWS_BASIC_FIELDS } from './aws/basics.js';
import { AWS_CILIUM_FIELDS } from './aws/cilium.js';
import { AWS_CLUSTER_FIELDS } from './aws/cluster.js';
import { AWS_INSTANCE_GROUP_FIELDS } from './aws/instancegroup.js';
import { AWS_KUBELET_CONFIG_FIELDS } from './aws/kubelet.js';
import { AWS_NETWORKING_FIELDS } from './aws/networking.js';
import { AWS_NODE_FIELDS } from './aws/nodes.js';
import { AWS_REFUSED_FIELDS } from './aws/refused.js';
import { AWS_TOPOLOGY_FIELDS, AWS_TOPOLOGY_GROUP_FIELDS } from './aws/topology.js';
import { gceRegistry } from './gce/index.js';
import type { ComponentStruct } from '../component-flags.js';
import type { RegistryEntry } from './registry.js';

export const AWS_REGISTRY: readonly RegistryEntry[] = [...AWS_CLUSTER_FIELDS, ...AWS_ADDON_FIELDS, ...AWS_BASIC_FIELDS, ...AWS_CILIUM_FIELDS, ...AWS_NETWORKING_FIELDS, ...AWS_INSTANCE_GROUP_FIELDS, ...AWS_KUBELET_CONFIG_FIELDS, ...AWS_NODE_FIELDS, ...AWS_REFUSED_FIELDS, ...AWS_TOPOLOGY_FIELDS, ...AWS_TOPOLOGY_GROUP_FIELDS];

export const GCE_REGISTRY: readonly RegistryEntry[] = gceRegistry(AWS_REGISTRY);

/** The registries of the clouds this tool builds. */
export const REGISTRIES: Readonly<Record<string, readonly RegistryEntry[]>> = { aws: AWS_REGISTRY, gce: GCE_REGISTRY };

export function registryFor(cloud: string | undefined): readonly RegistryEntry[] | undefined {
  return cloud === undefined ? undefined : REGISTRIES[cloud];
}

/**
 * The component configuration blocks whose fields become flags or config-file settings (kops's struct tags): the
 * block's path and its Go struct.
 */
export const COMPONENT_BLOCKS: ReadonlyArray<{ kind: 'Cluster' | 'InstanceGroup'; path: string; struct: ComponentStruct }> = [
  { kind: 'Cluster', path: 'spec.kubelet', struct: 'KubeletConfigSpec' },
  { kind: 'Cluster', path: 'spec.masterKubelet', struct: 'KubeletConfigSpec' },
  { kind: 'InstanceGroup', path: 'spec.kubelet', struct: 'KubeletConfigSpec' },
  { kind: 'Cluster', path: 'spec.kubeAPIServer', struct: 'KubeAPIServerConfig' },
  { kind: 'Cluster', path: 'spec.kubeControllerManager', struct: 'KubeControllerManagerConfig' },
  { kind: 'Cluster', path: 'spec.kubeControllerManager.leaderElection', struct: 'LeaderElectionConfiguration' },
  { kind: 'Cluster', path: 'spec.kubeScheduler', struct: 'KubeSchedulerConfig' },
  { kind: 'Cluster', path: 'spec.kubeScheduler.leaderElection', struct: 'LeaderElectionConfiguration' },
  { kind: 'Cluster', path: 'spec.kubeProxy', struct: 'KubeProxyConfig' },
  { kind: 'Cluster', path: 'spec.cloudControllerManager', struct: 'CloudControllerManagerConfig' },
  { kind: 'Cluster', path: 'spec.cloudControllerManager.leaderElection', struct: 'LeaderElectionConfiguration' },
];
