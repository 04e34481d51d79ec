/**
 * The update build for a GCE cluster: subnet ranges assigned (as the Go kops does on every update), completed spec,
 * groups stored without a machine type or image filled (GCE's default per role, the channel's GCE image), bootstrap
 * files and user data, and the GCE tasks; and the cluster's cloud for the direct target.
 */
import { openCloud } from '../../cloud/index.js';
import type { GceLookup } from '../../cloud/gce/lookup.js';
import type { Cloud } from '../../cloud/types.js';
import { buildGceModel } from '../../model/gce/index.js';
import { gcePopulateContext } from '../../populate/completed/cloud-context.js';
import { populateClusterSpec } from '../../populate/completed/index.js';
import { populateInstanceGroups } from '../../populate/instance-group.js';
import { applyInstanceGroupRules } from '../../populate/instance-group-rules.js';
import { performGceAssignments } from '../../populate/create/gce-assignments.js';
import { UserError } from '../../errors.js';
import { discoveryStoreFacts } from './discovery-store.js';
import { assertCompletedValid } from '../../apis/validation-completed.js';
import { buildStateFiles, readUserSpec, type ClusterUpdate, type CommonUpdateInputs } from './pipeline.js';

export interface GceUpdateInputs extends CommonUpdateInputs {
  lookup: GceLookup;
}

export interface GceClusterUpdate extends ClusterUpdate {
  project: string;
  region: string;
}

export async function buildGceClusterUpdate(inputs: GceUpdateInputs): Promise<GceClusterUpdate> {
  const { clusterName } = inputs;
  const { cluster, instanceGroups: stored, additionalObjects } = await readUserSpec(inputs.store, clusterName);
  const project = String(cluster.spec.project ?? '');
  if (!project) throw new UserError(`cluster ${clusterName} spec.project: no GCE project`, 'set spec.project to the project the cluster lives in');
  const region = (cluster.spec.subnets ?? []).map((s) => s.region).find(Boolean);
  if (!region) throw new UserError(`cluster ${clusterName} spec.subnets: no subnet has a region`, 'set spec.subnets[].region (GCE subnets are regional)');

  await performGceAssignments(cluster, inputs.lookup);
  const completed = populateClusterSpec(cluster, stored, await gcePopulateContext(cluster, inputs.lookup)).cluster;
  const instanceGroups = applyInstanceGroupRules(completed, await populateInstanceGroups(completed, stored, undefined), { featureFlags: inputs.featureFlags });
  assertCompletedValid(completed, instanceGroups, { featureFlags: inputs.featureFlags });
  // populate has already refused an s3:// store on GCE (no bucket region to serve it from)
  const discoveryStore = await discoveryStoreFacts(completed, { s3Region: async () => undefined });
  const { files, userData, keysets, created, sshKey } = await buildStateFiles(completed, instanceGroups, additionalObjects, inputs);
  const tasks = buildGceModel(completed, instanceGroups, {
    project,
    sshPublicKeys: sshKey ? [sshKey.publicKey] : [],
    files,
    userData,
    featureFlags: inputs.featureFlags,
    serviceAccountPublicKeysPem: keysets['service-account']?.publicKeysPem,
    discoveryStore,
  });
  return { completed, instanceGroups, tasks, files, createdKeysets: created, project, region };
}

/** The cluster's GCE cloud for the direct target. */
export function gceUpdateCloud(update: GceClusterUpdate, env?: Record<string, string | undefined>): Cloud {
  return openCloud('gce', { project: update.project, region: update.region, env });
}
