import { SecurityGroup, SecurityGroupRule, type SecurityGroupRuleSpec } from '../cloud/aws/resources/security-group.js';
import { ref, type Task } from '../engine/task.js';
import type { ModelContext } from './context.js';
import { vpcKey } from './network.js';

export type SgRole = 'master' | 'apiserver' | 'node' | 'bastion';

/** One security group a role's instances use: the cluster's own, or a user's override (shared, by id). */
export interface SecurityGroupInfo {
  task: Task;
  /** Disambiguates rule names when overrides are in use (`-sg-123`); empty for the default group. */
  suffix: string;
}

/** A rule as the Go kops declares it; its task name is generated from its contents. */
export interface RuleInput {
  group: Task;
  egress?: boolean;
  protocol?: string;
  fromPort?: number;
  toPort?: number;
  cidr?: string;
  source?: Task;
}

const DESCRIPTIONS: Record<SgRole, string> = {
  master: 'Security group for masters',
  apiserver: 'Security group for APIServer nodes',
  node: 'Security group for nodes',
  bastion: 'Security group for bastion',
};

const ROLE_NAMES: Record<SgRole, string> = { master: 'ControlPlane', apiserver: 'APIServer', node: 'Node', bastion: 'Bastion' };

export function securityGroups(m: ModelContext, role: SgRole): SecurityGroupInfo[] {
  // API server nodes share the control plane's groups.
  if (role === 'apiserver') return securityGroups(m, 'master');
  const name = m.securityGroupName(role);
  const groups: SecurityGroupInfo[] = [];
  const done = new Set<string>();
  let allOverrides = true;
  for (const ig of m.instanceGroups.filter((g) => m.roleOf(g) === role)) {
    const override = ig.spec.securityGroupOverride;
    if (!override) {
      allOverrides = false;
      continue;
    }
    if (done.has(override)) continue;
    done.add(override);
    const task = SecurityGroup.task(
      `${override}-${ROLE_NAMES[role]}`,
      { id: override, name: `${override}-${ROLE_NAMES[role]}`, description: DESCRIPTIONS[role], vpcId: ref(vpcKey(m)) },
      { shared: true },
    );
    groups.push({ task, suffix: `-${override}` });
  }
  if (!allOverrides) {
    const task = SecurityGroup.task(name, { name, description: DESCRIPTIONS[role], vpcId: ref(vpcKey(m)), tags: m.cloudTags(name) });
    groups.push({ task, suffix: '' });
  }
  return groups;
}

export function joinSuffixes(src: SecurityGroupInfo, dest: SecurityGroupInfo): string {
  if (!src.suffix && !dest.suffix) return '';
  return (src.suffix || '-default') + (dest.suffix || '-default');
}

/** The name the Go kops derives for a rule: `from-<source>-<direction>-<protocol>-<from>to<to>-<destination>`. */
export function ruleName(r: RuleInput): string {
  const target = r.source ? r.source.name : (r.cidr ?? '0.0.0.0/0');
  const proto = r.protocol || 'all';
  const [src, dst] = r.egress ? [r.group.name, target] : [target, r.group.name];
  return `from-${src}-${r.egress ? 'egress' : 'ingress'}-${proto}-${r.fromPort ?? 0}to${r.toPort ?? 0}-${dst}`;
}

export function ruleTask(r: RuleInput, name = ruleName(r)): Task {
  const spec: SecurityGroupRuleSpec = {
    type: r.egress ? 'egress' : 'ingress',
    securityGroupId: ref(r.group),
    protocol: r.protocol ?? '-1',
    fromPort: r.fromPort ?? 0,
    toPort: r.toPort ?? 0,
  };
  // A bare IP protocol number (4: IP-in-IP) has no ports; AWS records the full range.
  if (/^\d+$/.test(spec.protocol) && r.toPort === undefined) spec.toPort = 65535;
  if (r.source) spec.sourceSecurityGroupId = ref(r.source);
  else if (r.cidr?.includes(':')) spec.ipv6CidrBlocks = [r.cidr];
  else if (r.cidr) spec.cidrBlocks = [r.cidr];
  return SecurityGroupRule.task(name, spec);
}

/** Security groups of masters and nodes, and the rules between them (FirewallModelBuilder). */
export function buildFirewall(m: ModelContext): Task[] {
  const tasks: Task[] = [];
  const nodeGroups = securityGroups(m, 'node');
  const masterGroups = securityGroups(m, 'master');
  const rule = (r: RuleInput) => tasks.push(ruleTask(r));
  const egressAll = (g: SecurityGroupInfo) => {
    rule({ group: g.task, egress: true, cidr: '0.0.0.0/0' });
    rule({ group: g.task, egress: true, cidr: '::/0' });
  };

  for (const g of nodeGroups) tasks.push(withExport(g.task, 'node_security_group_ids'));
  for (const src of nodeGroups) {
    egressAll(src);
    for (const dest of nodeGroups) rule({ group: dest.task, source: src.task });
  }
  for (const g of masterGroups) {
    tasks.push(withExport(g.task, 'master_security_group_ids'));
    if (m.hasAPIServerNodes) g.task.exports!.push({ name: 'apiserver_security_group_ids', value: ref(g.task), list: true });
  }
  for (const src of masterGroups) {
    egressAll(src);
    for (const dest of masterGroups) rule({ group: dest.task, source: src.task });
    for (const dest of nodeGroups) rule({ group: dest.task, source: src.task });
  }

  const net = m.spec.networking ?? {};
  const blocked = new Set([2380, 2381, 4001, 4002]);
  if (net.cilium?.etcdManaged) blocked.add(2382);
  const protocols: string[] = [];
  if (net.calico || net.kuberouter) protocols.push('4');
  const tcpRanges: [number, number][] = [[1, 0]];
  for (let port = 1; port < 65536; port++) {
    if (blocked.has(port)) continue;
    const last = tcpRanges[tcpRanges.length - 1];
    if (last[1] + 1 === port) last[1] = port;
    else tcpRanges.push([port, port]);
  }
  for (const master of masterGroups) {
    for (const node of nodeGroups) {
      rule({ group: master.task, source: node.task, protocol: 'udp', fromPort: 1, toPort: 65535 });
      for (const [from, to] of tcpRanges) rule({ group: master.task, source: node.task, protocol: 'tcp', fromPort: from, toPort: to });
      for (const p of protocols) rule({ group: master.task, source: node.task, protocol: p });
    }
  }
  if (net.amazonvpc) {
    for (const src of nodeGroups) for (const dest of masterGroups) rule({ group: dest.task, source: src.task });
  }
  return dedupe(tasks);
}

/** SSH, NodePort and (without a load balancer) API access from outside (ExternalAccessModelBuilder). */
export function buildExternalAccess(m: ModelContext): Task[] {
  const tasks: Task[] = [];
  const masterGroups = securityGroups(m, 'master');
  const nodeGroups = securityGroups(m, 'node');
  if (!m.hasBastion) {
    for (const cidr of m.spec.sshAccess ?? []) {
      for (const g of [...masterGroups, ...nodeGroups]) tasks.push(ruleTask({ group: g.task, protocol: 'tcp', fromPort: 22, toPort: 22, cidr }));
    }
  }
  const [base, size] = nodePortRange(m);
  for (const cidr of m.spec.nodePortAccess ?? []) {
    for (const g of nodeGroups) {
      for (const protocol of ['tcp', 'udp']) {
        tasks.push(
          ruleTask({ group: g.task, protocol, fromPort: base, toPort: base + size - 1, cidr }, `nodeport-${protocol}-external-to-node-${cidr}${g.suffix}`),
        );
      }
    }
  }
  if (!m.useLoadBalancerForAPI) {
    for (const cidr of m.spec.kubernetesApiAccess ?? []) {
      for (const g of masterGroups) tasks.push(ruleTask({ group: g.task, protocol: 'tcp', fromPort: 443, toPort: 443, cidr }));
    }
  }
  return tasks;
}

function nodePortRange(m: ModelContext): [number, number] {
  const range = m.spec.kubeAPIServer?.serviceNodePortRange;
  const match = range ? /^(\d+)-(\d+)$/.exec(range) : null;
  if (!match) return [30000, 2768];
  return [+match[1], +match[2] - +match[1] + 1];
}

function withExport(task: Task, name: string): Task {
  task.exports = [{ name, value: ref(task), list: true }];
  return task;
}

export function dedupe(tasks: Task[]): Task[] {
  const seen = new Set<string>();
  return tasks.filter((t) => {
    const k = `${t.type}/${t.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
