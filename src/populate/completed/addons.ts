import { byDefault, inferred } from '../origin.js';
import type { PopulateState } from './state.js';
import { PINNED, clusterAutoscalerImage } from './versions.js';

export function fillClusterAutoscaler(s: PopulateState): void {
  const { spec } = s;
  if (spec.get('clusterAutoscaler.enabled') !== true) return;
  const ca = spec.at('clusterAutoscaler');
  const d = (field: string, value: unknown) => ca.default(field, value, byDefault(`cluster autoscaler ${field}`));
  d('awsUseStaticInstanceList', false);
  d('balanceSimilarNodeGroups', false);
  d('emitPerNodegroupMetrics', false);
  const expander = d('expander', 'random');
  // kops sets it whenever the expander is priority, over a false given.
  if (expander === 'priority') ca.set('createPriorityExpanderConfig', true, inferred('the priority expander needs its config'));
  d('ignoreDaemonSetsUtilization', false);
  ca.default('image', clusterAutoscalerImage(s.k8s), inferred('cluster autoscaler image for the Kubernetes version'));
  d('maxNodeProvisionTime', '15m0s');
  d('newPodScaleUpDelay', '0s');
  d('scaleDownDelayAfterAdd', '10m0s');
  d('scaleDownUnneededTime', '10m0s');
  d('scaleDownUnreadyTime', '20m0s');
  d('scaleDownUtilizationThreshold', '0.5');
  d('skipNodesWithCustomControllerPods', true);
  d('skipNodesWithLocalStorage', true);
  d('skipNodesWithSystemPods', true);
}

export function fillKarpenter(s: PopulateState): void {
  // kops fills these in whenever the block is there, enabled or not.
  if (!s.spec.has('karpenter')) return;
  const k = s.spec.at('karpenter');
  k.default('image', PINNED.karpenterImage, byDefault('Karpenter image'));
  k.default('logEncoding', 'console', byDefault('Karpenter log encoding'));
  k.default('logLevel', 'debug', byDefault('Karpenter log level'));
}

export function fillNodeProblemDetector(s: PopulateState): void {
  const npd = s.spec.at('nodeProblemDetector');
  if (npd.get('enabled') !== true) return;
  npd.default('cpuRequest', '20m', byDefault('node problem detector cpuRequest'));
  npd.default('image', PINNED.nodeProblemDetectorImage, byDefault('node problem detector image'));
  npd.default('memoryLimit', '100Mi', byDefault('node problem detector memoryLimit'));
  npd.default('memoryRequest', '100Mi', byDefault('node problem detector memoryRequest'));
}
