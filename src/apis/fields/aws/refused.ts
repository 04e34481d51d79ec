/**
 * Fields refused on AWS clusters. `go`: the kops 1.37 validation (pkg/apis/kops/validation) forbids them too, so the
 * same words are used; `not-built`: kops has the feature and this tool does not yet.
 */
import type { RefusedEntry } from '../registry.js';

const VALIDATION = 'pkg/apis/kops/validation/validation.go';

const goRefused = (kind: RefusedEntry['kind'], path: string, reason: string): RefusedEntry => ({ class: 'refused', kind, path, why: 'go', reason, go: VALIDATION });
const notBuilt = (kind: RefusedEntry['kind'], path: string): RefusedEntry => ({ class: 'refused', kind, path, why: 'not-built', reason: 'is not supported yet' });

export const AWS_REFUSED_FIELDS: readonly RefusedEntry[] = [
  goRefused('Cluster', 'spec.gossipConfig.*', 'is forbidden: gossip DNS support was removed in kOps 1.37; remove this field from the cluster spec'),
  goRefused('Cluster', 'spec.dnsControllerGossipConfig.*', 'is forbidden: gossip DNS support was removed in kOps 1.37; remove this field from the cluster spec'),
  goRefused('Cluster', 'spec.nodeAuthorization.*', 'is forbidden: NodeAuthorization must be empty; node authorization is built into Kubernetes'),
  goRefused('Cluster', 'spec.docker.*', 'is forbidden: Docker CRI support was removed in Kubernetes 1.24; use containerd'),
  goRefused('Cluster', 'spec.networking.weave.*', 'is forbidden: Weave is no longer supported'),
  goRefused('Cluster', 'spec.networking.romana.*', 'is forbidden: support for Romana has been removed'),
  goRefused('Cluster', 'spec.networking.lyftvpc.*', 'is forbidden: support for LyftVPC has been removed'),
  goRefused('Cluster', 'spec.networking.classic', 'is invalid: classic networking is not supported'),
  goRefused('Cluster', 'spec.networking.external', 'is forbidden: external is not supported for Kubernetes >= 1.26'),
  goRefused('Cluster', 'spec.networking.canal.*', 'is forbidden: Canal is not supported for Kubernetes >= 1.28'),
  goRefused('Cluster', 'spec.kubeScheduler.usePolicyConfigMap', 'is forbidden: usePolicyConfigMap is deprecated, use KubeSchedulerConfiguration'),
  goRefused('Cluster', 'spec.kubeAPIServer.admissionControl', 'is forbidden: admissionControl has been replaced with enableAdmissionPlugins'),
  goRefused('Cluster', 'spec.kubeControllerManager.experimentalClusterSigningDuration', 'is forbidden: experimentalClusterSigningDuration has been replaced with clusterSigningDuration as of kubernetes 1.25'),
  goRefused('Cluster', 'spec.etcdClusters[].heartbeatInterval', 'is not supported by etcd-manager'),
  goRefused('Cluster', 'spec.etcdClusters[].leaderElectionTimeout', 'is not supported by etcd-manager'),
  goRefused('Cluster', 'spec.containerd.gvisor.*', 'is forbidden: gVisor can only be configured on instance groups'),
  { ...goRefused('Cluster', 'spec.iam.legacy', 'is forbidden: legacy IAM permissions are no longer supported'), only: true },
  notBuilt('Cluster', 'spec.cloudConfig.spotinstProduct'),
  notBuilt('Cluster', 'spec.cloudConfig.spotinstOrientation'),
  ...['spec.kubelet', 'spec.masterKubelet'].flatMap((block) => kubeletRefusals('Cluster', block)),
  ...kubeletRefusals('InstanceGroup', 'spec.kubelet'),
];

function kubeletRefusals(kind: RefusedEntry['kind'], block: string): RefusedEntry[] {
  return [
    goRefused(kind, `${block}.experimentalAllowedUnsafeSysctls`, 'is forbidden: experimentalAllowedUnsafeSysctls was renamed in k8s 1.11; please use allowedUnsafeSysctls instead'),
    goRefused(kind, `${block}.configureCbr0`, 'is forbidden: configure-cbr0 flag was removed in 1.5'),
    goRefused(kind, `${block}.apiServers`, 'is forbidden: api-servers flag was removed in 1.6'),
    goRefused(kind, `${block}.podInfraContainerImage`, 'is forbidden: pod-infra-container-image flag was deprecated in 1.24 and removed in 1.35, use containerd.sandboxImage instead'),
    goRefused(kind, `${block}.requireKubeconfig`, 'is forbidden: require-kubeconfig flag was removed in 1.10'),
    goRefused(kind, `${block}.bootstrapKubeconfig`, 'is forbidden: bootstrap tokens are not supported'),
    goRefused(kind, `${block}.enableCadvisorJsonEndpoints`, 'is forbidden: enableCadvisorJsonEndpoints requires Kubernetes 1.18-1.20'),
    goRefused(kind, `${block}.cpuCFSQuotaPeriod`, 'is forbidden: cpuCFSQuotaPeriod has been removed on Kubernetes >=1.20'),
    goRefused(kind, `${block}.networkPluginName`, 'is forbidden: networkPluginName has been removed on Kubernetes >=1.24'),
    goRefused(kind, `${block}.networkPluginMTU`, 'is forbidden: networkPluginMTU has been removed on Kubernetes >=1.24'),
    goRefused(kind, `${block}.nonMasqueradeCIDR`, 'is forbidden: nonMasqueradeCIDR has been removed on Kubernetes >=1.24'),
  ];
}

