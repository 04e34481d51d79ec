import { jsonMerge } from './kubelet.js';
import type { Cluster, InstanceGroup } from '../../apis/types.js';

type Data = Record<string, unknown>;

const DEFAULT_NVIDIA_DRIVER_PACKAGE = 'nvidia-driver-535-server';
const DEFAULT_GVISOR_PLATFORM = 'systrap';

/**
 * The containerd settings of an instance group's nodes: the cluster's, with the group's own merged over them field by
 * field; gVisor only where the group turns it on. Undefined when neither sets any.
 */
export function containerdConfigOf(cluster: Cluster, ig: InstanceGroup): Data | undefined {
  const own = ig.spec.containerd as Data | undefined;
  const base = cluster.spec.containerd as Data | undefined;
  if (!base && !own) return undefined;
  const merged = jsonMerge(base ?? {}, own ?? {});
  if (!hasGVisor(ig)) delete merged.gvisor;
  return merged;
}

/** The NVIDIA settings, when the cluster or the group has any: the group's over the cluster's, with a driver package. */
export function nvidiaConfigOf(cluster: Cluster, ig: InstanceGroup): Data | undefined {
  const base = (cluster.spec.containerd as Data | undefined)?.nvidiaGPU as Data | undefined;
  const own = (ig.spec.containerd as Data | undefined)?.nvidiaGPU as Data | undefined;
  if (!base && !own) return undefined;
  const merged = jsonMerge(base ?? {}, own ?? {});
  if (!merged.package) merged.package = DEFAULT_NVIDIA_DRIVER_PACKAGE;
  return merged;
}

/** gVisor for a node group that enables it, on the default platform unless it names one. */
export function gvisorConfigOf(ig: InstanceGroup): Data | undefined {
  if (!hasGVisor(ig)) return undefined;
  const gvisor = { ...((ig.spec.containerd as Data).gvisor as Data) };
  if (!gvisor.platform) gvisor.platform = DEFAULT_GVISOR_PLATFORM;
  return gvisor;
}

function hasGVisor(ig: InstanceGroup): boolean {
  const gvisor = (ig.spec.containerd as Data | undefined)?.gvisor as Data | undefined;
  return ig.spec.role === 'Node' && gvisor?.enabled === true;
}
