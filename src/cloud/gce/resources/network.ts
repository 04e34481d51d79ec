import { defineResource } from '../../../engine/resource.js';

/** A VPC network; kops makes it in custom mode (its own subnetworks) unless the cluster shares an existing one. */
export interface GceNetworkSpec {
  name: string;
  project?: string;
  autoCreateSubnetworks?: boolean;
}

export const GceNetwork = defineResource<GceNetworkSpec>({
  type: 'google_compute_network',
  kopsKind: 'Network',
  fields: {
    autoCreateSubnetworks: { tf: 'auto_create_subnetworks', immutable: true },
    name: { tf: 'name', immutable: true },
    project: { tf: 'project', immutable: true },
  },
});
