import { defineResource } from '../../../engine/resource.js';
import { gceOps } from './common.js';

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

export const GceNetworkOps = gceOps({
  decl: GceNetwork,
  collection: 'networks',
  where: () => '',
  body: (spec) => ({ autoCreateSubnetworks: spec.autoCreateSubnetworks ?? false }),
  read: (o, spec) => ({ name: o.name, autoCreateSubnetworks: o.autoCreateSubnetworks ?? false, project: spec.project === undefined ? undefined : /projects\/([^/]+)\//.exec(String(o.selfLink))?.[1] }),
});
