import type { Task } from '../tasks.js';
import { apiServerURL, type BuildContext } from './context.js';
import { kubeconfigTasks } from './kubeconfig.js';

/** The kubeconfig the kube-router DaemonSet mounts from the host, when the cluster's networking is kube-router. */
export function kubeRouterTasks(ctx: BuildContext): Task[] {
  if (!ctx.config.Networking?.kubeRouter) return [];
  return kubeconfigTasks(ctx, { name: 'kube-router', commonName: 'system:kube-router' }, apiServerURL(ctx), '/var/lib/kube-router/kubeconfig', {
    beforeServices: ['kubelet.service'],
  });
}
