/** The GCE parts of `create cluster` inference: project, service account, and one regional subnet per region. */
import type { Cluster, ClusterSubnetSpec } from '../../apis/types.js';
import type { InstanceRole } from '../../cloud/aws/lookup.js';
import { gceZoneToRegion, type GceLookup } from '../../cloud/gce/lookup.js';
import { UserError } from '../../errors.js';
import type { CreateClusterOptions } from './options.js';

type Spec = Cluster['spec'];

/** Machine types kops gives a GCE instance group without one. */
export const GCE_DEFAULT_MACHINE_TYPES: Record<InstanceRole, string> = {
  ControlPlane: 'e2-medium',
  APIServer: 'e2-medium',
  Node: 'e2-medium',
  Bastion: 'e2-micro',
};

export async function setupGceProject(opt: CreateClusterOptions, spec: Spec, lookup: GceLookup | undefined): Promise<void> {
  spec.cloudConfig = { ...spec.cloudConfig };
  let project = opt.project;
  if (!project) {
    if (!lookup) throw new UserError('--project: no GCE project given', 'pass --project PROJECT_ID');
    project = await lookup.defaultProject();
  }
  if (!project) throw new UserError('--project: no GCE project given and no default project is configured', 'pass --project PROJECT_ID, or set one with `gcloud config set project`');
  spec.project = project;
  if (opt.gceServiceAccount) spec.cloudConfig.gceServiceAccount = opt.gceServiceAccount;
}

/** GCE subnets are regional: one per region of the zones, named after the region. */
export function setupGceZones(opt: CreateClusterOptions, spec: Spec, allZones: string[]): Map<string, ClusterSubnetSpec[]> {
  if (opt.subnetIDs.length > 1) throw new UserError(`--subnets: GCE clusters use one subnet, ${opt.subnetIDs.length} were given`, 'give one subnetwork name');
  const subnets: ClusterSubnetSpec[] = (spec.subnets = []);
  const zoneToSubnets = new Map<string, ClusterSubnetSpec[]>();
  for (const zone of allZones) {
    const region = gceZoneToRegion(zone);
    if (!region) throw new UserError(`--zones: "${zone}" is not a GCE zone`, 'GCE zones look like us-central1-a');
    let subnet = subnets.find((s) => s.name === region);
    if (!subnet) {
      subnet = { name: region, region };
      if (opt.subnetIDs.length) subnet.id = opt.subnetIDs[0];
      subnets.push(subnet);
    }
    zoneToSubnets.set(zone, [...(zoneToSubnets.get(zone) ?? []), subnet]);
  }
  return zoneToSubnets;
}
