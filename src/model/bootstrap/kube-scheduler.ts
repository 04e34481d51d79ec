import { toGoYaml } from '../../apis/go/yaml.js';
import { quantityAsDecimal } from '../../apis/quantity.js';
import { UserError } from '../../errors.js';
import { jsonMerge } from './kubelet.js';
import type { AdditionalObject, Cluster } from '../../apis/types.js';

type Data = Record<string, unknown>;

const SCHEDULER_GROUP = 'kubescheduler.config.k8s.io';

/**
 * /var/lib/kube-scheduler/config.yaml: the KubeSchedulerConfiguration the scheduler runs with, starting from the one
 * given among the cluster's additional objects (at most one), with kops' kubeconfig path and the spec's client qps
 * (a quantity, written as a number) and burst (when not zero).
 */
export function kubeSchedulerConfigFile(cluster: Cluster, additionalObjects: AdditionalObject[]): Data {
  const given = additionalObjects.filter((o) => o.kind === 'KubeSchedulerConfiguration' && String(o.apiVersion ?? '').split('/')[0] === SCHEDULER_GROUP);
  if (given.length > 1) {
    throw new UserError('found multiple KubeSchedulerConfiguration objects in the cluster configuration; expected at most one', 'keep one KubeSchedulerConfiguration');
  }
  const config: Data = given[0] ? structuredClone(given[0]) : { apiVersion: `${SCHEDULER_GROUP}/v1`, kind: 'KubeSchedulerConfiguration' };
  const scheduler = cluster.spec.kubeScheduler ?? {};
  const connection: Data = { kubeconfig: '/var/lib/kube-scheduler/kubeconfig' };
  if (scheduler.qps != null) connection.qps = Number(quantityAsDecimal(String(scheduler.qps)));
  if (scheduler.burst) connection.burst = scheduler.burst;
  config.clientConnection = jsonMerge((config.clientConnection as Data | undefined) ?? {}, connection);
  return { content: toGoYaml(config), path: '/var/lib/kube-scheduler/config.yaml' };
}
