/**
 * Firewall rules: between roles, from load-balancer health checks, and external access (SSH, the API, node ports),
 * each external rule split into an IPv4 and an IPv6 rule as GCE does not mix families in one rule.
 */
import { GceFirewall, type GceFirewallAllow } from '../../cloud/gce/resources/index.js';
import type { Task } from '../../engine/task.js';
import type { GceModel } from './context.js';

const KUBE_APISERVER = 443;
const KUBELET_API = 10250;
const KOPS_CONTROLLER = 3988;
const KCM_METRICS = 10257;
const SCHEDULER_METRICS = 10259;
const KUBE_PROXY_METRICS = 10249;
const ETCD_METRICS = 2382;
const ETCD_EVENTS_METRICS = 2384;
const NODE_EXPORTER = 9100;
const BGP = 179;
const VXLAN = 8472;
const ETCD_CILIUM_CLIENT = 4003;
/** Where Google's load-balancer health checks come from. */
const HEALTH_CHECK_RANGES = ['35.191.0.0/16', '130.211.0.0/22', '209.85.204.0/22', '209.85.152.0/22'];

interface Rule {
  allowed: string[];
  sourceRanges?: string[];
  sourceTags?: string[];
  targetTags: string[];
}

function allowList(allowed: string[]): GceFirewallAllow[] {
  return allowed.map((a) => {
    const [protocol, ports] = a.split(':');
    return ports === undefined ? { protocol } : { protocol, ports: [ports] };
  });
}

function firewall(m: GceModel, name: string, rule: Rule, disabled = false): Task {
  return GceFirewall.task(name, {
    name,
    network: m.networkLink(),
    allow: allowList(rule.allowed),
    sourceRanges: rule.sourceRanges?.length ? rule.sourceRanges : undefined,
    sourceTags: rule.sourceTags?.length ? rule.sourceTags : undefined,
    targetTags: rule.targetTags.length ? rule.targetTags : undefined,
    disabled,
  });
}

/** An IPv4 and an IPv6 rule; a family with no source at all is written as a disabled rule open to everything. */
export function firewallPair(m: GceModel, id: string, rule: Rule): Task[] {
  const ranges = rule.sourceRanges ?? [];
  const v6 = ranges.filter((r) => r.includes(':'));
  const v4 = ranges.filter((r) => !r.includes(':'));
  const tagged = !!rule.sourceTags?.length;
  const make = (name: string, own: string[], everything: string, allowed: string[]) => {
    if (tagged) return firewall(m, name, { ...rule, allowed });
    return own.length ? firewall(m, name, { ...rule, sourceRanges: own, allowed }) : firewall(m, name, { ...rule, sourceRanges: [everything], allowed }, true);
  };
  return [
    make(m.suffixedName(id), v4, '0.0.0.0/0', rule.allowed),
    make(m.suffixedName(`${id}-ipv6`), v6, '::/0', rule.allowed.map((a) => (a === 'icmp' ? '58' : a))),
  ];
}

export function buildGceFirewall(m: GceModel): Task[] {
  const spec = m.spec;
  const calico = !!spec.networking?.calico;
  const cilium = !!spec.networking?.cilium;
  const allProtocols = ['tcp', 'udp', 'icmp', 'esp', 'ah', 'sctp', ...(calico ? ['ipip'] : [])];
  const node = [m.tag('node')];
  const tasks: Task[] = [];
  if (spec.api?.loadBalancer) {
    tasks.push(firewall(m, m.suffixedName('lb-health-checks'), { allowed: ['tcp'], sourceRanges: HEALTH_CHECK_RANGES, targetTags: m.apiServerTargetTags() }));
  }
  tasks.push(firewall(m, m.suffixedName('node-to-node'), { allowed: allProtocols, sourceTags: node, targetTags: node }));
  tasks.push(firewall(m, m.suffixedName('master-to-master'), { allowed: allProtocols, sourceTags: m.controlPlaneTags(), targetTags: m.controlPlaneTags() }));
  tasks.push(firewall(m, m.suffixedName('master-to-node'), { allowed: allProtocols, sourceTags: m.controlPlaneTags(), targetTags: node }));
  const nodeToMaster = [KUBE_APISERVER, KUBELET_API, KOPS_CONTROLLER, KCM_METRICS, SCHEDULER_METRICS, KUBE_PROXY_METRICS, ETCD_METRICS, ETCD_EVENTS_METRICS, NODE_EXPORTER].map((p) => `tcp:${p}`);
  if (calico) nodeToMaster.push('ipip', `tcp:${BGP}`);
  if (cilium) {
    nodeToMaster.push(`udp:${VXLAN}`);
    if (spec.networking?.cilium?.etcdManaged) nodeToMaster.push(`tcp:${ETCD_CILIUM_CLIENT}`);
  }
  tasks.push(firewall(m, m.suffixedName('node-to-master'), { allowed: nodeToMaster, sourceTags: node, targetTags: m.controlPlaneTags() }));
  if ((m.usesIpAliases() || m.usesGceRoutes()) && !m.isIpv6Only()) {
    tasks.push(...firewallPair(m, 'pod-cidrs-to-node', { allowed: allProtocols, sourceRanges: [spec.podCIDR ?? ''], targetTags: node }));
  }
  return tasks;
}

export function buildGceExternalAccess(m: GceModel): Task[] {
  const spec = m.spec;
  const node = [m.tag('node')];
  const tasks: Task[] = [];
  const ssh = spec.sshAccess ?? [];
  if (m.usesBastion()) {
    const bastion = [m.tag('bastion')];
    tasks.push(...firewallPair(m, 'ssh-external-to-bastion', { allowed: ['tcp:22'], sourceRanges: ssh, targetTags: bastion }));
    tasks.push(...firewallPair(m, 'bastion-to-master-ssh', { allowed: ['tcp:22'], sourceTags: bastion, targetTags: m.controlPlaneTags() }));
    tasks.push(...firewallPair(m, 'bastion-to-node-ssh', { allowed: ['tcp:22'], sourceTags: bastion, targetTags: node }));
  } else {
    tasks.push(...firewallPair(m, 'ssh-external-to-master', { allowed: ['tcp:22'], sourceRanges: ssh, targetTags: m.controlPlaneTags() }));
    tasks.push(...firewallPair(m, 'ssh-external-to-node', { allowed: ['tcp:22'], sourceRanges: ssh, targetTags: node }));
  }
  const nodePorts = spec.kubeAPIServer?.serviceNodePortRange ?? '30000-32767';
  tasks.push(...firewallPair(m, 'nodeport-external-to-node', { allowed: [`tcp:${nodePorts}`, `udp:${nodePorts}`], sourceRanges: spec.nodePortAccess ?? [], targetTags: node }));
  if (!m.usesLoadBalancerForApi()) {
    tasks.push(...firewallPair(m, 'kubernetes-master-https', { allowed: [`tcp:${KUBE_APISERVER}`], sourceRanges: spec.kubernetesApiAccess ?? [], targetTags: m.controlPlaneTags() }));
    if (m.usesIpAliases()) {
      tasks.push(firewall(m, m.suffixedName('pod-cidrs-to-https-api'), { allowed: [`tcp:${KUBE_APISERVER}`], sourceRanges: [spec.podCIDR ?? ''], targetTags: m.apiServerTargetTags() }));
    }
  }
  return tasks;
}
