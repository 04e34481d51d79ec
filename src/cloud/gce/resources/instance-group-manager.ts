import { defineResource, type Val } from '../../../engine/resource.js';

/** A zonal managed instance group running copies of an instance template. */
export interface GceInstanceGroupManagerSpec {
  name: string;
  zone: string;
  baseInstanceName: string;
  targetSize: number;
  version: { instanceTemplate: Val<string> };
  targetPools?: Val<string>[];
  listManagedInstancesResults: string;
  updatePolicy: { minimalAction: string; type: string };
}

export const GceInstanceGroupManager = defineResource<GceInstanceGroupManagerSpec>({
  type: 'google_compute_instance_group_manager',
  kopsKind: 'InstanceGroupManager',
  fields: {
    baseInstanceName: { tf: 'base_instance_name', immutable: true },
    listManagedInstancesResults: { tf: 'list_managed_instances_results' },
    name: { tf: 'name', immutable: true },
    targetPools: { tf: 'target_pools' },
    targetSize: { tf: 'target_size' },
    updatePolicy: { tf: 'update_policy', kind: 'block', fields: { minimalAction: { tf: 'minimal_action' }, type: { tf: 'type' } } },
    version: { tf: 'version', kind: 'block', fields: { instanceTemplate: { tf: 'instance_template' } } },
    zone: { tf: 'zone', immutable: true },
  },
  terraform: { ignoreChanges: ['target_size'] },
});
