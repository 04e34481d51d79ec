import { Listener, LoadBalancer, TargetGroup } from '../cloud/aws/resources/load-balancer.js';
import { SecurityGroup } from '../cloud/aws/resources/security-group.js';
import { ref, type Ref, type Task } from '../engine/task.js';
import type { ModelContext } from './context.js';
import { ruleTask, securityGroups, type RuleInput } from './firewall.js';
import { pmtuRule } from './loadbalancer.js';
import { aliasRecords } from './dns.js';
import { UserError } from '../errors.js';
import type { ClusterSubnetSpec } from '../apis/types.js';
import { resourceName32 } from './names.js';
import { subnetKey, vpcKey } from './network.js';

export interface BastionModel {
  tasks: Task[];
  targetGroups: Ref[];
}

/** Bastion security groups, the SSH network load balancer in front of the bastions, and SSH rules (BastionModelBuilder). */
export function buildBastion(m: ModelContext): BastionModel {
  if (!m.hasBastion) return { tasks: [], targetGroups: [] };
  const tasks: Task[] = [];
  const rule = (r: RuleInput, name?: string) => tasks.push(ruleTask(r, name));
  const [bastion] = securityGroups(m, 'bastion');
  bastion.task.exports = [{ name: 'bastion_security_group_ids', value: ref(bastion.task), list: true }];
  tasks.push(bastion.task);
  rule({ group: bastion.task, egress: true, cidr: '0.0.0.0/0' });
  rule({ group: bastion.task, egress: true, cidr: '::/0' });
  for (const g of [...securityGroups(m, 'master'), ...securityGroups(m, 'node')]) {
    rule({ group: g.task, source: bastion.task, protocol: 'tcp', fromPort: 22, toPort: 22 });
  }

  const elbName = `bastion-elb.${m.clusterName}`;
  const elb = SecurityGroup.task(elbName, { name: elbName, description: 'Security group for bastion ELB', vpcId: ref(vpcKey(m)), tags: m.cloudTags(elbName) });
  tasks.push(elb);
  rule({ group: elb, egress: true, cidr: '0.0.0.0/0' });
  rule({ group: elb, egress: true, cidr: '::/0' });
  rule({ group: bastion.task, source: elb, protocol: 'tcp', fromPort: 22, toPort: 22 });
  rule({ group: bastion.task, source: elb, protocol: 'icmp', fromPort: 3, toPort: 4 });
  rule({ group: elb, source: bastion.task, protocol: 'icmp', fromPort: 3, toPort: 4 });

  const internal = bastionLoadBalancerType(m) === 'Internal';
  const candidates = m.subnets.filter((s) => (internal ? s.type === 'Private' || s.type === 'DualStack' : s.type === 'Public' || s.type === 'Utility'));
  const subnets = bastionSubnets(m, candidates);
  const sources = [...candidates.flatMap((s) => (s.cidr ? [s.cidr] : [])), ...(m.spec.sshAccess ?? [])];
  for (const cidr of [...new Set(sources)]) {
    rule({ group: elb, protocol: 'tcp', fromPort: 22, toPort: 22, cidr });
    tasks.push(pmtuRule(elb, cidr, 'ssh-nlb'));
  }

  const lbName = `bastion.${m.clusterName}`;
  const lb = LoadBalancer.task(lbName, {
    name: resourceName32(m.clusterName, 'bastion'),
    internal,
    loadBalancerType: 'network',
    ipAddressType: subnets.some((s) => s.ipv6CIDR) ? 'dualstack' : undefined,
    enableCrossZoneLoadBalancing: false,
    securityGroups: [...(m.topology.bastion?.loadBalancer?.additionalSecurityGroups ?? []), ref(elb)],
    subnetMappings: subnets.map((s) => ({ subnetId: ref(subnetKey(m, s)) })),
    tags: m.cloudTags(lbName),
  });
  const tgName = resourceName32(m.clusterName, 'bastion');
  const tg = TargetGroup.task(tgName, {
    name: tgName,
    port: 22,
    protocol: 'TCP',
    vpcId: ref(vpcKey(m)),
    connectionTermination: true,
    deregistrationDelay: '30',
    healthCheck: { healthyThreshold: 2, interval: 10, protocol: 'TCP', unhealthyThreshold: 2 },
    tags: m.cloudTags(tgName),
  });
  const listener = Listener.task(`${lbName}-22`, {
    loadBalancerArn: ref(lb, 'id'),
    port: 22,
    protocol: 'TCP',
    defaultAction: { targetGroupArn: ref(tg, 'id'), type: 'forward' },
  });
  tasks.push(lb, tg, listener);
  const publicName = m.topology.bastion?.bastionPublicName;
  if (publicName) tasks.push(...aliasRecords(m, publicName, lb));
  return { tasks, targetGroups: [ref(tg, 'id')] };
}

/** `spec.topology.bastion.loadBalancer.type`: Public unless the user asks for an internal one. */
function bastionLoadBalancerType(m: ModelContext): 'Public' | 'Internal' {
  const type = m.topology.bastion?.loadBalancer?.type ?? 'Public';
  if (type !== 'Public' && type !== 'Internal') {
    throw new UserError(`spec.topology.bastion.loadBalancer.type: unhandled bastion load balancer type ${JSON.stringify(type)}`, 'use Public or Internal');
  }
  return type;
}

/**
 * One subnet per zone for the bastion load balancer, from the candidates of its scheme: utility before dual-stack
 * before the others, and among equals one the control plane runs in; the first given on a tie.
 */
function bastionSubnets(m: ModelContext, candidates: readonly ClusterSubnetSpec[]): ClusterSubnetSpec[] {
  const controlPlaneSubnets = new Set(m.instanceGroups.filter((ig) => m.isControlPlane(ig)).flatMap((ig) => ig.spec.subnets ?? []));
  const score = (s: ClusterSubnetSpec) => (controlPlaneSubnets.has(s.name) ? 1 : 0) + (s.type === 'DualStack' ? 2 : 0) + (s.type === 'Utility' ? 3 : 0);
  const best = new Map<string, ClusterSubnetSpec>();
  for (const s of candidates) {
    const zone = s.zone ?? '';
    const current = best.get(zone);
    if (!current || score(s) > score(current)) best.set(zone, s);
  }
  return [...best.keys()].sort().map((z) => best.get(z)!);
}
