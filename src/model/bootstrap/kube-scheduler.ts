import { toGoYaml } from '../../apis/go/yaml.js';
import { jsonMerge } from './kubelet.js';
import type { KopsObject } from './types.js';

type Data = Record<string, unknown>;

/**
 * /var/lib/kube-scheduler/config.yaml: the KubeSchedulerConfiguration the scheduler runs with, starting from one
 * given among the cluster's additional objects, with kops' kubeconfig path and client qps/burst.
 */
export function kubeSchedulerConfigFile(cluster: KopsObject, additionalObjects: KopsObject[]): Data {
  const user = additionalObjects.find((o) => o.kind === 'KubeSchedulerConfiguration') as unknown as Data | undefined;
  const config: Data = user ? structuredClone(user) : { apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration' };
  const scheduler = cluster.spec.kubeScheduler ?? {};
  const connection: Data = { kubeconfig: '/var/lib/kube-scheduler/kubeconfig' };
  if (scheduler.qps !== undefined) connection.qps = Number(scheduler.qps);
  if (scheduler.burst !== undefined) connection.burst = scheduler.burst;
  config.clientConnection = jsonMerge((config.clientConnection as Data | undefined) ?? {}, connection);
  return { content: toGoYaml(config), path: '/var/lib/kube-scheduler/config.yaml' };
}
