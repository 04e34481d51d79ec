import type { OriginMap } from '../origin.js';
import { fillClusterAutoscaler, fillKarpenter, fillNodeProblemDetector } from './addons.js';
import { fillAwsCloudConfig, fillAwsCloudControllerManager, fillNodeTerminationHandler } from './aws.js';
import { applyV1alpha2Defaults, checkEtcdMembers, fillApiAccess, dropRemovedFields, fillClusterDefaults, fillDns, fillSharedSubnetZones, fillStores, normalizeKubernetesVersion } from './cluster.js';
import { fillKubeAPIServer, fillKubeControllerManager, fillKubeScheduler } from './control-plane.js';
import { fillEtcdClusters } from './etcd.js';
import { fillGceCloudConfig, fillGceCloudControllerManager } from './gce.js';
import { fillHetznerCloudControllerManager } from './hetzner.js';
import { SpecFiller } from './filler.js';
import { parseKubernetesVersion } from './kubernetes-version.js';
import { fillClusterCidrs, fillNetworkingDefaults, isIPv6Cluster } from './networking.js';
import { fillEgressProxy } from './egress-proxy.js';
import { fillContainerd, fillKubeDNS, fillKubeProxy, fillKubelet } from './node.js';
import type { Cluster, InstanceGroup } from '../../apis/types.js';
import type { PopulateContext, PopulateState } from './state.js';

export type { PopulateContext } from './state.js';

const CLOUD_STEPS: Record<string, ((s: PopulateState) => void)[]> = {
  aws: [fillAwsCloudConfig, fillAwsCloudControllerManager, fillNodeTerminationHandler],
  gce: [fillGceCloudConfig, fillGceCloudControllerManager],
  hetzner: [fillHetznerCloudControllerManager],
};

export interface CompletedCluster {
  /** The completed Cluster object (what kops stores as cluster-completed.spec). */
  readonly cluster: Cluster;
  /** Where each value came from, keyed by path from the object root (e.g. `spec.kubeAPIServer.image`). */
  readonly origins: OriginMap;
}

/**
 * User spec -> completed spec: fills every default kops fills for the cluster's Kubernetes version, recording where
 * each value came from. Pure: cloud look-ups come in through `ctx`; the input objects are not modified.
 */
export function populateClusterSpec(cluster: Cluster, instanceGroups: readonly InstanceGroup[], ctx: PopulateContext): CompletedCluster {
  // The steps fill the spec as plain data through SpecFiller; the result is a Cluster again.
  const root: Record<string, unknown> = structuredClone({ ...cluster });
  const spec = SpecFiller.fromUser(root, ['spec']);

  applyV1alpha2Defaults(spec);
  dropRemovedFields(spec);
  const version = parseKubernetesVersion(normalizeKubernetesVersion(spec));
  const state: PopulateState = {
    spec,
    clusterName: cluster.metadata.name,
    k8s: version,
    ipv6: isIPv6Cluster(spec),
    instanceGroups,
    ctx,
  };

  // Order matters: later steps read what earlier ones filled (CIDRs, DNS server, kube-controller-manager).
  const steps = [
    checkEtcdMembers,
    fillApiAccess,
    fillStores,
    fillSharedSubnetZones,
    fillClusterCidrs,
    fillDns,
    fillClusterDefaults,
    fillEgressProxy,
    fillContainerd,
    fillEtcdClusters,
    fillKubeAPIServer,
    fillNetworkingDefaults,
    fillKubeDNS,
    fillKubelet,
    fillKubeControllerManager,
    fillKubeScheduler,
    fillKubeProxy,
    fillClusterAutoscaler,
    fillKarpenter,
    fillNodeProblemDetector,
  ];
  for (const step of steps) step(state);
  for (const step of CLOUD_STEPS[String(spec.get('cloudProvider'))] ?? []) step(state);
  return { cluster: root as unknown as Cluster, origins: spec.origins };
}
