/** The load balancer in front of the API servers (when `spec.api.loadBalancer` is set). */
import type { InstanceGroup } from '../../apis/types.js';
import type { Ref, Task } from '../../engine/task.js';
import { UserError } from '../../errors.js';
import type { GceModel } from './context.js';

export interface GceApiLoadBalancer {
  tasks: Task[];
  /** Target pools an instance group's managed groups join. */
  targetPools: (ig: InstanceGroup) => Ref[];
}

export function buildGceApiLoadBalancer(m: GceModel): GceApiLoadBalancer {
  if (m.spec.api?.loadBalancer) {
    throw new UserError('spec.api.loadBalancer: an API load balancer on GCE is not supported yet', 'use spec.api.dns with published DNS records for now');
  }
  return { tasks: [], targetPools: () => [] };
}
