import type { AwsClients } from '../../../src/cloud/aws/clients.js';
import { awsDiscoveryOf } from '../../../src/cloud/aws/discovery/index.js';
import type { ClusterResource } from '../../../src/cloud/aws/discovery/resource.js';
import { defaultDeletePolicy, deleteObjects, type DeleteEvent, type DeletePolicy, type DeleteReport } from '../../../src/ops/delete/delete.js';

/** Deletes found resources the way `delete cluster` does: the AWS discovery's removal calls on the engine's scheduler. */
export async function deleteResources(
  aws: AwsClients,
  resources: readonly ClusterResource[],
  policy: DeletePolicy = defaultDeletePolicy,
  onEvent?: (e: DeleteEvent) => void,
): Promise<DeleteReport> {
  const discovery = awsDiscoveryOf(aws, async () => ({ resources: [...resources], blockers: [] }));
  const found = await discovery.discover('', { dns: false });
  return deleteObjects(discovery, found.objects, policy, onEvent);
}
