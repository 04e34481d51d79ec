import type { InstanceGroup } from '../../apis/types.js';
import type { ClusterNetwork } from '../../cloud/types.js';
import type { KubeApi } from '../kube.js';
import type { ClusterCloud } from './access.js';
import { groupNames, joinGroups } from './instances.js';

export interface DumpedInstance {
  name: string;
  publicAddresses?: string[];
  privateAddresses?: string[];
  roles?: string[];
  instanceGroup: string;
  status: string;
  machineType: string;
  zone: string;
  nodeName?: string;
}

export interface ClusterDump extends ClusterNetwork {
  instances: DumpedInstance[];
  instanceGroups: { name: string; cloudName: string; minSize: number; targetSize: number; maxSize: number }[];
  nodes?: { name: string; providerID: string; ready: string; labels: Record<string, string> }[];
}

/**
 * What `toolbox dump` prints: the cluster's instances (by group), VPC and subnets, and its nodes when the API answers.
 * `nodesError` says why nodes are missing when the API did not answer.
 */
export async function dumpCluster(
  clusterName: string,
  specs: readonly InstanceGroup[],
  cloud: ClusterCloud,
  kube: KubeApi | undefined,
): Promise<{ dump: ClusterDump; nodesError?: string }> {
  let nodes: Awaited<ReturnType<KubeApi['listNodes']>> | undefined;
  let nodesError: string | undefined;
  if (kube) {
    try {
      nodes = await kube.listNodes();
    } catch (err) {
      nodesError = (err as Error).message;
    }
  }
  const groups = joinGroups(await cloud.groups.list(clusterName, groupNames(specs)), specs, nodes ?? []);
  const instances: DumpedInstance[] = groups
    .flatMap((g) => g.members)
    .map((m) => ({
      name: m.cloud.name ?? m.id,
      ...(m.cloud.publicIp ? { publicAddresses: [m.cloud.publicIp] } : m.cloud.privateIp ? { privateAddresses: [m.cloud.privateIp] } : {}),
      ...(m.cloud.roles?.length ? { roles: m.cloud.roles } : {}),
      instanceGroup: m.group.spec.metadata.name ?? '',
      status: m.status,
      machineType: m.cloud.machineType ?? '',
      zone: m.cloud.zone ?? '',
      ...(m.node?.metadata?.name ? { nodeName: m.node.metadata.name } : {}),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const network = await cloud.cloud.clusterNetwork(clusterName);
  const dump: ClusterDump = {
    instances,
    instanceGroups: groups.map((g) => ({ name: g.spec.metadata.name ?? '', cloudName: g.cloud.cloudName, minSize: g.cloud.minSize, targetSize: g.cloud.desiredCapacity, maxSize: g.cloud.maxSize })),
    ...network,
  };
  if (nodes) {
    dump.nodes = nodes.map((n) => ({
      name: n.metadata?.name ?? '',
      providerID: n.spec?.providerID ?? '',
      ready: n.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown',
      labels: n.metadata?.labels ?? {},
    }));
  }
  return { dump, nodesError };
}
