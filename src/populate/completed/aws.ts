import { byDefault, inferred } from '../origin.js';
import type { PopulateState } from './state.js';
import { PINNED, awsCloudControllerManagerImage } from './versions.js';

export function fillAwsCloudConfig(s: PopulateState): void {
  const { spec } = s;
  spec.default('cloudConfig.awsEBSCSIDriver.version', PINNED.awsEBSCSIDriver, byDefault('AWS EBS CSI driver version'));
  if (s.ipv6) spec.default('cloudConfig.nodeIPFamilies', ['ipv6', 'ipv4'], inferred('IPv6 first on IPv6 clusters'));
}

export function fillAwsCloudControllerManager(s: PopulateState): void {
  const { spec } = s;
  const ccm = spec.at('cloudControllerManager');
  ccm.default('allocateNodeCIDRs', spec.get('kubeControllerManager.allocateNodeCIDRs'), inferred('as kubeControllerManager.allocateNodeCIDRs'));
  const podCIDR = spec.get('podCIDR');
  if (podCIDR !== undefined && !s.ipv6) ccm.default('clusterCIDR', podCIDR, inferred('spec.podCIDR'));
  ccm.default('clusterName', s.clusterName, inferred('cluster name'));
  ccm.default('configureCloudRoutes', spec.get('kubeControllerManager.configureCloudRoutes'), inferred('as kubeControllerManager.configureCloudRoutes'));
  ccm.default('image', awsCloudControllerManagerImage(s.k8s), inferred('AWS cloud controller manager image for the Kubernetes version'));
  ccm.default('leaderElection.leaderElect', true, byDefault('cloud controller manager leader election'));
}

/** The node termination handler is on by default on AWS, unless Karpenter handles interruptions. */
export function fillNodeTerminationHandler(s: PopulateState): void {
  const { spec } = s;
  if (spec.get('karpenter.enabled') === true) return;
  const nth = spec.at('nodeTerminationHandler');
  const d = (field: string, value: unknown) => nth.default(field, value, byDefault(`node termination handler ${field}`));
  d('enabled', true);
  d('cpuRequest', '50m');
  d('deleteSQSMsgIfNodeNotFound', false);
  d('enableOutOfServiceTaint', false);
  d('enableRebalanceDraining', false);
  d('enableRebalanceMonitoring', false);
  d('enableScheduledEventDraining', true);
  d('enableSpotInterruptionDraining', true);
  d('excludeFromLoadBalancers', true);
  d('managedASGTag', 'aws-node-termination-handler/managed');
  d('memoryRequest', '64Mi');
  d('podTerminationGracePeriod', -1);
  d('prometheusEnable', false);
  d('taintNode', false);
  d('version', PINNED.nodeTerminationHandler);
}
