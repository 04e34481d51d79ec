import { regionOfZone } from '../../cloud/aws/lookup.js';
import { UserError } from '../../errors.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import { awsPopulateContext, offlinePopulateContext } from './cloud-context.js';
import { type CompletedCluster, populateClusterSpec } from './index.js';
import type { Cluster } from '../../apis/types.js';
import type { PopulateContext } from './state.js';

/** The completed spec of a cluster in the state store, asking its cloud what populate needs to know. */
export async function completeStoredCluster(store: ClusterStore, name: string): Promise<CompletedCluster> {
  const cluster = await store.requireCluster(name);
  const groups = await store.listInstanceGroups(name);
  return populateClusterSpec(cluster, groups, await cloudContext(cluster));
}

async function cloudContext(cluster: Cluster): Promise<PopulateContext> {
  if (cluster.spec.cloudProvider !== 'aws') return offlinePopulateContext();
  const zone = (cluster.spec.subnets ?? []).find((s) => s.zone)?.zone;
  if (!zone) throw new UserError(`cluster "${cluster.metadata.name}": spec.subnets has no zone to tell the AWS region from`, 'set zone on the subnets');
  const { sdkLookup } = await import('../../cloud/aws/lookup-sdk.js');
  return awsPopulateContext(cluster, sdkLookup(regionOfZone(zone)));
}
