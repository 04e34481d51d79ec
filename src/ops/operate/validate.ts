import { lookup } from 'node:dns/promises';
import type { InstanceGroup } from '../../apis/types.js';
import type { CloudInstanceGroup } from '../../cloud/types.js';
import type { KubeApi, KubeNode, KubePod } from '../kube.js';
import type { ClusterCloud } from './access.js';
import { roleClass } from '../../apis/instance-group-role.js';
import { groupNames, joinGroups, type Group } from './instances.js';

/** One reason the cluster is not valid. `instanceGroup` is set when the failure belongs to a group. */
export interface ValidationFailure {
  type: string;
  name: string;
  message: string;
  instanceGroup?: InstanceGroup;
}

export interface ValidationNode {
  name: string;
  zone: string;
  role: string;
  hostname: string;
  status: string;
}

export interface ValidationResult {
  failures: ValidationFailure[];
  nodes: ValidationNode[];
}

/** The address kops gives the API's DNS record until the control plane publishes its own. */
const PLACEHOLDER_IPS = ['203.0.113.123', 'fd00:dead:add::'];
const CONTROL_PLANE_STATIC_PODS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

export interface ValidateInput {
  clusterName: string;
  /** Whether the cluster's API name is a DNS record kops publishes (not gossip, not `dns: None`). */
  publishesDns: boolean;
  instanceGroups: readonly InstanceGroup[];
  cloud: ClusterCloud;
  kube: KubeApi;
  /** Worker nodes allowed not to be ready (--max-unready-nodes). */
  maxUnreadyNodes?: number;
  /** Only these groups are checked (all when absent). */
  groupFilter?: (ig: InstanceGroup) => boolean;
  /** Check system pods too (default true; waiting for the API alone does not). */
  checkPods?: boolean;
}

/**
 * One validation pass, as the Go kops does it: every instance group has its target number of instances, each has
 * joined as a Ready node, control-plane nodes run their static pods, and system-critical pods are ready. Beyond the
 * Go kops, a group short of instances says why, from its failed scaling activities.
 */
export async function validateCluster(input: ValidateInput): Promise<ValidationResult> {
  const result: ValidationResult = { failures: [], nodes: [] };
  if (input.publishesDns) {
    const placeholder = await placeholderAddress(input.kube.server);
    if (placeholder) {
      result.failures.push({
        type: 'dns',
        name: 'apiserver',
        message:
          `Validation Failed\n\nThe dns-controller Kubernetes deployment has not updated the Kubernetes cluster's API DNS entry to the correct IP address.` +
          `  The API DNS IP address is the placeholder address that kops creates: ${placeholder}.` +
          `  Wait 5-10 minutes for a control plane node to start, dns-controller to launch, and DNS to propagate;` +
          ` the dns-controller logs may tell more. Etcd and the API DNS entries must be updated for a kops Kubernetes cluster to start.`,
      });
      return result;
    }
  }
  const nodes = await input.kube.listNodes();
  const groups = joinGroups(await input.cloud.groups.list(input.clusterName, groupNames(input.instanceGroups)), input.instanceGroups, nodes);
  const checked = (ig: InstanceGroup) => !input.groupFilter || input.groupFilter(ig);
  const tolerated = toleratedNodes(groups, input.maxUnreadyNodes ?? 0);
  const readyNodes: KubeNode[] = [];
  const groupOfNode = new Map<string, InstanceGroup>();

  for (const group of groups) {
    if (!checked(group.spec)) continue;
    const name = group.spec.metadata.name ?? '';
    const running = group.members.filter((m) => m.status !== 'Detached').length;
    if (running < group.cloud.desiredCapacity) {
      const why = await scalingFailure(input.cloud, group.cloud);
      result.failures.push({
        type: 'InstanceGroup',
        name,
        message: `InstanceGroup "${name}" did not have enough nodes ${running} vs ${group.cloud.desiredCapacity}${why}`,
        instanceGroup: group.spec,
      });
    }
    const role = roleClass(group.spec);
    for (const member of group.members) {
      const node = member.node;
      if (!node) {
        const expectedToJoin = role !== 'bastion' && member.state !== 'WarmPool' && member.status !== 'Detached';
        if (expectedToJoin && !tolerated.has(member.id)) {
          result.failures.push({ type: 'Machine', name: member.id, message: `machine "${member.id}" has not yet joined cluster`, instanceGroup: group.spec });
        }
        continue;
      }
      const nodeName = node.metadata?.name ?? '';
      groupOfNode.set(nodeName, group.spec);
      const ready = isReady(node);
      if (ready) readyNodes.push(node);
      if (role === 'bastion') continue;
      if (!ready && !tolerated.has(nodeName)) {
        result.failures.push({ type: 'Node', name: nodeName, message: `node "${nodeName}" of role "${role}" is not ready`, instanceGroup: group.spec });
      }
      result.nodes.push({
        name: nodeName,
        zone: node.metadata?.labels?.['topology.kubernetes.io/zone'] ?? '',
        role,
        hostname: node.metadata?.labels?.['kubernetes.io/hostname'] ?? '',
        status: readyStatus(node),
      });
    }
  }
  const seen = new Set(groups.map((g) => g.spec.metadata.name));
  for (const ig of input.instanceGroups) {
    if (!checked(ig) || seen.has(ig.metadata.name)) continue;
    result.failures.push({ type: 'InstanceGroup', name: ig.metadata.name ?? '', message: `InstanceGroup "${ig.metadata.name}" is missing from the cloud provider`, instanceGroup: ig });
  }
  if (input.checkPods ?? true) result.failures.push(...podFailures(await input.kube.listPods(), readyNodes, groupOfNode, tolerated));
  return result;
}

/** With --max-unready-nodes N, up to N not-ready worker instances are tolerated (all of them, or none when more). */
function toleratedNodes(groups: Group[], maxUnready: number): Set<string> {
  if (maxUnready <= 0) return new Set();
  const unready: string[] = [];
  for (const group of groups) {
    if (roleClass(group.spec) !== 'node') continue;
    for (const m of group.members) {
      if (m.status === 'Detached' || m.state === 'WarmPool') continue;
      if (!m.node || !isReady(m.node)) unready.push(m.node?.metadata?.name ?? m.id);
    }
  }
  return unready.length > 0 && unready.length <= maxUnready ? new Set(unready) : new Set();
}

function podFailures(pods: KubePod[], readyNodes: KubeNode[], groupOfNode: Map<string, InstanceGroup>, tolerated: Set<string>): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  const missingStatic = new Map<string, Set<string>>();
  for (const node of readyNodes) {
    if (node.metadata?.labels?.[CONTROL_PLANE_LABEL] !== undefined) missingStatic.set(node.metadata?.name ?? '', new Set(CONTROL_PLANE_STATIC_PODS));
  }
  for (const pod of pods) {
    const nodeName = pod.spec?.nodeName ?? '';
    const name = pod.metadata?.name ?? '';
    if (pod.metadata?.namespace === 'kube-system') missingStatic.get(nodeName)?.delete(pod.metadata?.labels?.['k8s-app'] ?? '');
    const priority = pod.spec?.priorityClassName;
    if (priority !== 'system-cluster-critical' && priority !== 'system-node-critical') continue;
    if (pod.status?.phase === 'Succeeded' || tolerated.has(nodeName)) continue;
    const failure = (message: string): ValidationFailure => ({
      type: 'Pod',
      name: `${pod.metadata?.namespace}/${name}`,
      message,
      instanceGroup: priority === 'system-node-critical' ? groupOfNode.get(nodeName) : undefined,
    });
    if (pod.status?.phase === 'Pending') failures.push(failure(`${priority} pod "${name}" is pending`));
    else if (pod.status?.phase === 'Unknown') failures.push(failure(`${priority} pod "${name}" is unknown phase`));
    else {
      const notReady = (pod.status?.containerStatuses ?? []).filter((c) => !c.ready).map((c) => c.name);
      if (notReady.length > 0) failures.push(failure(`${priority} pod "${name}" is not ready (${notReady.join(',')})`));
    }
  }
  for (const [node, apps] of [...missingStatic].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const app of [...apps].sort()) {
      failures.push({ type: 'Node', name: node, message: `control-plane node "${node}" is missing ${app} pod`, instanceGroup: groupOfNode.get(node) });
    }
  }
  return failures;
}

/** `: the autoscaling group could not launch instances: <reason>`, from the newest failed scaling activity. */
async function scalingFailure(cloud: ClusterCloud, group: CloudInstanceGroup): Promise<string> {
  if (!cloud.groups.failedScaling) return '';
  const failed = await cloud.groups.failedScaling(group);
  if (failed.length === 0) return '';
  const more = failed.length > 1 ? ` (${failed.length} failed attempts)` : '';
  return `: ${group.cloudName} could not launch instances: ${failed[0].reason}${more}`;
}

export function isReady(node: KubeNode): boolean {
  return readyStatus(node) === 'True';
}

function readyStatus(node: KubeNode): string {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}

async function placeholderAddress(server: string): Promise<string | undefined> {
  const host = new URL(server).hostname.replace(/^\[|\]$/g, '');
  const addresses = await lookup(host, { all: true });
  return addresses.map((a) => a.address).find((a) => PLACEHOLDER_IPS.includes(a));
}

/** Whether a failure matters while rolling `group`: cluster-wide failures, control-plane ones, and the group's own. */
export function failureConcernsGroup(failure: ValidationFailure, group: InstanceGroup): boolean {
  if (!failure.instanceGroup) return true;
  return roleClass(failure.instanceGroup) === 'control-plane' || failure.instanceGroup.metadata.name === group.metadata.name;
}
