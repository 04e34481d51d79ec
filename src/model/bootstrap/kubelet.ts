import { roleOf } from './cluster-facts.js';
import type { BootstrapContext } from './types.js';
import type { Cluster, InstanceGroup } from '../../apis/types.js';

type Data = Record<string, unknown>;

const ROLE_LABELS: Record<string, Record<string, string>> = {
  ControlPlane: {
    'kops.k8s.io/kops-controller-pki': '',
    'node-role.kubernetes.io/control-plane': '',
    'node.kubernetes.io/exclude-from-external-load-balancers': '',
  },
  APIServer: { 'node-role.kubernetes.io/api-server': '' },
  Node: { 'node-role.kubernetes.io/node': '' },
  Bastion: {},
};

const ROLE_TAINTS: Record<string, string[]> = {
  ControlPlane: ['node-role.kubernetes.io/control-plane=:NoSchedule'],
  APIServer: ['node-role.kubernetes.io/api-server=:NoSchedule'],
};

/**
 * The kubelet configuration of an instance group: the cluster's (control-plane or node) kubelet, overlaid with the
 * group's own, plus the role's labels and taints, the group's node labels and taints, and GPU markers.
 */
export function buildKubeletConfig(cluster: Cluster, ig: InstanceGroup, ctx: BootstrapContext): Data {
  const role = roleOf(ig);
  const clusterKubelet = role === 'ControlPlane' ? cluster.spec.masterKubelet : cluster.spec.kubelet;
  const kubelet = jsonMerge(clusterKubelet ?? {}, ig.spec.kubelet ?? {});

  const labels: Record<string, string> = { ...(kubelet.nodeLabels as Record<string, string> | undefined) };
  const taints: string[] = [...((kubelet.taints as string[] | undefined) ?? [])];
  const gpu = role === 'Node' && ctx.hasGpu?.(String(ig.spec.machineType ?? '').split(',')[0]) && cluster.spec.containerd?.nvidiaGPU?.enabled;
  if (gpu) {
    labels['kops.k8s.io/gpu'] = '1';
    taints.push('nvidia.com/gpu:NoSchedule');
  }
  if (gpu || role === 'Bastion') kubelet.registerSchedulable = true;
  if (ig.spec.manager === 'Karpenter') taints.push('karpenter.sh/unregistered=:NoExecute');
  Object.assign(labels, ROLE_LABELS[role], ig.spec.nodeLabels);
  // With API-server nodes, control-plane nodes also carry the api-server role label.
  if (role === 'ControlPlane' && ctx.featureFlags?.includes('APIServerNodes')) labels['node-role.kubernetes.io/api-server'] = '';
  if ((ig.spec.taints ?? []).length === 0) taints.push(...(ROLE_TAINTS[role] ?? []));
  for (const t of ig.spec.taints ?? []) if (!taints.includes(t)) taints.push(t);

  if (Object.keys(labels).length > 0) kubelet.nodeLabels = labels;
  if (taints.length > 0) kubelet.taints = taints;
  return kubelet;
}

/** Go kops' JSON merge of structs: fields set in `over` replace those in `base`; nested objects merge. */
export function jsonMerge(base: object, over: object): Data {
  const out: Data = structuredClone({ ...base });
  for (const [k, v] of Object.entries(over)) {
    const prev = out[k];
    out[k] = isPlainObject(prev) && isPlainObject(v) ? jsonMerge(prev, v) : structuredClone(v);
  }
  return out;
}

function isPlainObject(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
