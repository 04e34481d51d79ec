/**
 * GCE rules of kops's validation: the GCE constraints of validateCloudProvider (every subnet has a region, one region
 * for the cluster) and gceValidateInstanceGroup (zones given, a known provisioning model). A subnet zone is refused by
 * the field registry (src/apis/fields/gce/network.ts).
 */
import type { Cluster, InstanceGroup } from './types.js';

type Add = (path: string, message: string, hint?: string) => void;

const PROVISIONING_MODELS = ['STANDARD', 'SPOT'];

export function validateGceSubnets(cluster: Cluster, add: Add): void {
  let region: string | undefined;
  (cluster.spec.subnets ?? []).forEach((subnet, i) => {
    const path = `spec.subnets[${i}].region`;
    if (!subnet.region) add(path, 'is required: GCE subnets are regional', 'set the region of the subnet, e.g. us-central1');
    else if (region === undefined) region = subnet.region;
    else if (subnet.region !== region) add(path, `is forbidden: clusters cannot span regions (${region} and ${subnet.region})`, 'give every subnet the same region');
  });
}

export function validateGceInstanceGroup(ig: InstanceGroup, add: Add): void {
  if (!ig.spec?.zones?.length) add('spec.zones', 'is required: a GCE instance group names the zones of its managed instance groups', 'set zones, e.g. [us-central1-a]');
  const model = ig.spec?.gcpProvisioningModel;
  if (model !== undefined && !PROVISIONING_MODELS.includes(model)) {
    add('spec.gcpProvisioningModel', `unsupported value ${JSON.stringify(model)}`, `use one of ${PROVISIONING_MODELS.join(', ')}`);
  }
}
