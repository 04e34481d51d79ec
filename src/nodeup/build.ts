import { taskKey, type Task } from './tasks.js';
import { channelsTasks } from './builders/channels.js';
import { cloudConfigTasks } from './builders/cloud-config.js';
import { cniAssetTasks } from './builders/cni.js';
import { containerdTasks } from './builders/containerd.js';
import { crictlTasks, nerdctlTasks } from './builders/cri-tools.js';
import type { Builder, BuildContext } from './builders/context.js';
import { discoveryServiceTasks } from './builders/discovery.js';
import { hookTasks } from './builders/hooks.js';
import { assetTasks, binaryTasks, caCertificateTasks, etcHostsTasks, fileAssetTasks, nodeCredentialTasks, secretTasks, staticManifestTasks, sysctlTasks } from './builders/host.js';
import { kubectlTasks } from './builders/kubectl.js';
import { kopsControllerTasks } from './builders/kops-controller.js';
import { kubeAPIServerTasks } from './builders/kube-apiserver.js';
import { kubeControllerManagerTasks } from './builders/kube-controller-manager.js';
import { kubeSchedulerTasks } from './builders/kube-scheduler.js';
import { kubeProxyTasks } from './builders/kube-proxy.js';
import { kubeRouterTasks } from './builders/kube-router.js';
import { ntpTasks } from './builders/ntp.js';
import { packageTasks } from './builders/packages.js';
import { credentialProviderTasks, kubeletTasks } from './builders/kubelet.js';
import { updateServiceTasks } from './builders/updateservice.js';
import { volumeMountTasks } from './builders/volumes.js';
import { warmPoolTasks } from './builders/warm-pool.js';

/** Every builder by the name the Go nodeup golden tests use for it. */
export const BUILDERS: Record<string, Builder> = {
  assets: assetTasks,
  binaries: binaryTasks,
  'ca-certificates': caCertificateTasks,
  channels: channelsTasks,
  cloudconfig: cloudConfigTasks,
  'cni-assets': cniAssetTasks,
  containerd: containerdTasks,
  crictl: crictlTasks,
  'discovery-service': discoveryServiceTasks,
  etchosts: etcHostsTasks,
  fileassets: fileAssetTasks,
  hooks: hookTasks,
  'kube-apiserver': kubeAPIServerTasks,
  'kube-controller-manager': kubeControllerManagerTasks,
  'kube-proxy': kubeProxyTasks,
  'kube-router': kubeRouterTasks,
  'kube-scheduler': kubeSchedulerTasks,
  'kops-controller': kopsControllerTasks,
  kubectl: kubectlTasks,
  kubelet: kubeletTasks,
  'kubelet-credential-provider': credentialProviderTasks,
  nerdctl: nerdctlTasks,
  'node-credentials': nodeCredentialTasks,
  ntp: ntpTasks,
  packages: packageTasks,
  secret: secretTasks,
  'static-manifests': staticManifestTasks,
  sysctls: sysctlTasks,
  updateservice: updateServiceTasks,
  volumes: volumeMountTasks,
  'warm-pool': warmPoolTasks,
};

/** All tasks for this host; two builders declaring the same key is a bug, reported rather than silently merged. */
export function buildTasks(ctx: BuildContext): Task[] {
  const tasks = Object.values(BUILDERS).flatMap((build) => build(ctx));
  return dedupe(tasks);
}

function dedupe(tasks: Task[]): Task[] {
  const byKey = new Map<string, Task>();
  for (const task of tasks) {
    const key = taskKey(task);
    const prev = byKey.get(key);
    if (prev && JSON.stringify(prev) !== JSON.stringify(task)) throw new Error(`nodeup: two builders declare ${key} differently`);
    byKey.set(key, task);
  }
  return [...byKey.values()];
}
