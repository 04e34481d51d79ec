import type { KubeApi, KubeNode, KubePod } from '../kube.js';

/** Label that keeps a node out of cloud load balancers' target lists. */
export const EXCLUDE_FROM_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';
/** Taint put on nodes that a rolling update will replace, so new pods prefer other nodes. */
export const SCHEDULED_FOR_UPDATE_TAINT = 'kops.k8s.io/scheduled-for-update';
/** Pause between eviction attempts a disruption budget refused. */
const EVICTION_RETRY_MILLIS = 5_000;
const GONE_POLL_MILLIS = 250;

export interface DrainClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Marks a node as scheduled for replacement (PreferNoSchedule taint), unless it is cordoned or marked already. */
export async function taintForUpdate(kube: KubeApi, node: KubeNode): Promise<boolean> {
  const taints = node.spec?.taints ?? [];
  if (node.spec?.unschedulable || taints.some((t) => t.key === SCHEDULED_FOR_UPDATE_TAINT)) return false;
  await kube.patchNode(node.metadata?.name ?? '', { spec: { taints: [...taints, { key: SCHEDULED_FOR_UPDATE_TAINT, effect: 'PreferNoSchedule' }] } });
  return true;
}

/**
 * Drains a node as `kubectl drain --ignore-daemonsets --delete-emptydir-data --force` does: cordons it, takes it out
 * of load balancers, evicts every pod but DaemonSet and mirror pods (retrying evictions a PodDisruptionBudget
 * refuses), and waits for them to be gone. Fails when that takes longer than `timeoutMillis` (0: no limit).
 */
export async function drainNode(kube: KubeApi, nodeName: string, timeoutMillis: number, clock: DrainClock, log: (line: string) => void): Promise<void> {
  const deadline = timeoutMillis > 0 ? clock.now() + timeoutMillis : Infinity;
  await kube.patchNode(nodeName, { spec: { unschedulable: true } });
  await kube.patchNode(nodeName, { metadata: { labels: { [EXCLUDE_FROM_LB_LABEL]: '' } } });
  const pods = (await kube.listPods(nodeName)).filter(evictable);
  if (pods.length > 0) log(`evicting pods ${pods.map(podName).join(', ')}`);
  let pending = pods;
  const evicted: KubePod[] = [];
  for (;;) {
    const blocked: KubePod[] = [];
    for (const pod of pending) {
      const outcome = await kube.evictPod(pod.metadata?.namespace ?? 'default', pod.metadata?.name ?? '');
      if (outcome === 'blocked') blocked.push(pod);
      else if (outcome === 'evicting') evicted.push(pod);
    }
    pending = blocked;
    if (pending.length === 0) break;
    if (clock.now() >= deadline) {
      throw new Error(`drain did not complete within ${seconds(timeoutMillis)}: a PodDisruptionBudget keeps refusing the eviction of ${pending.map(podName).join(', ')}`);
    }
    log(`a disruption budget refuses evicting ${pending.map(podName).join(', ')} for now; retrying`);
    await clock.sleep(Math.min(EVICTION_RETRY_MILLIS, deadline - clock.now()));
  }
  for (const pod of evicted) {
    for (;;) {
      const current = await kube.readPod(pod.metadata?.namespace ?? 'default', pod.metadata?.name ?? '');
      if (!current || current.metadata?.uid !== pod.metadata?.uid) break;
      if (clock.now() >= deadline) throw new Error(`drain did not complete within ${seconds(timeoutMillis)}: pod ${podName(pod)} is still terminating`);
      await clock.sleep(Math.min(GONE_POLL_MILLIS, deadline - clock.now()));
    }
  }
}

function evictable(pod: KubePod): boolean {
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) return false;
  if (pod.metadata?.ownerReferences?.some((o) => o.controller && o.kind === 'DaemonSet')) return false;
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

const podName = (pod: KubePod) => `${pod.metadata?.namespace}/${pod.metadata?.name}`;

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
