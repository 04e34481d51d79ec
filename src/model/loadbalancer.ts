import { Listener, LoadBalancer, TargetGroup } from '../cloud/aws/resources/load-balancer.js';
import { SecurityGroup } from '../cloud/aws/resources/security-group.js';
import { ref, type Ref, type Task } from '../engine/task.js';
import { UserError } from '../errors.js';
import type { ModelContext } from './context.js';
import { ruleTask, securityGroups, type RuleInput } from './firewall.js';
import { subnetKey, vpcKey } from './network.js';
import { resourceName32 } from './names.js';
import type { ClusterSubnetSpec } from '../apis/types.js';

export interface LoadBalancerModel {
  tasks: Task[];
  /** Target groups the control-plane autoscaling groups register with. */
  controlPlaneTargetGroups: Ref[];
  /** Target groups API server nodes register with (the API ports, not kops-controller's). */
  apiServerTargetGroups: Ref[];
  loadBalancer?: Task;
}

/** The client port of the etcd cluster Cilium keeps its state in (spec.networking.cilium.etcdManaged). */
const ETCD_CILIUM_CLIENT_PORT = 4003;

/** The subnets a load balancer spans: one per zone, of the kind its scheme needs. */
export function loadBalancerSubnets(m: ModelContext, internal: boolean, explicit?: { name: string }[]): ClusterSubnetSpec[] {
  if (explicit?.length) return explicit.map((s) => m.subnet(s.name));
  const wanted = internal ? ['Private', 'DualStack'] : ['Utility', 'Public'];
  const byZone = new Map<string, ClusterSubnetSpec>();
  for (const type of wanted) {
    for (const s of m.subnets) {
      if (s.type === type && s.zone && !byZone.has(s.zone)) byZone.set(s.zone, s);
    }
  }
  return [...byZone.keys()].sort().map((z) => byZone.get(z)!);
}

/** Rules opening ICMP "fragmentation needed" to an NLB from its clients, so that path MTU discovery works. */
export function pmtuRule(group: Task, cidr: string, prefix: string): Task {
  return cidr.includes(':')
    ? ruleTask({ group, protocol: 'icmpv6', fromPort: -1, toPort: -1, cidr }, `icmpv6-pmtu-${prefix}-${cidr}`)
    : ruleTask({ group, protocol: 'icmp', fromPort: 3, toPort: 4, cidr }, `icmp-pmtu-${prefix}-${cidr}`);
}

/** The API network load balancer, its security group and rules, target groups and listeners (APILoadBalancerBuilder). */
export function buildApiLoadBalancer(m: ModelContext): LoadBalancerModel {
  const lbSpec = m.spec.api?.loadBalancer;
  if (!lbSpec) return { tasks: [], controlPlaneTargetGroups: [], apiServerTargetGroups: [] };
  if (lbSpec.class === 'Classic') {
    throw new UserError('spec.api.loadBalancer.class: Classic load balancers are not supported', 'use class: Network');
  }
  const tasks: Task[] = [];
  const internal = lbSpec.type === 'Internal';
  const lbName = `api.${m.clusterName}`;
  const subnets = loadBalancerSubnets(m, internal, lbSpec.subnets);

  const sgName = `api-elb.${m.clusterName}`;
  const override = lbSpec.securityGroupOverride;
  const sg = SecurityGroup.task(
    sgName,
    { id: override, name: sgName, description: 'Security group for api ELB', vpcId: ref(vpcKey(m)), tags: override ? undefined : m.cloudTags(sgName) },
    { shared: !!override },
  );
  tasks.push(sg);
  const rule = (r: RuleInput, name?: string) => tasks.push(ruleTask(r, name));
  rule({ group: sg, egress: true, cidr: '0.0.0.0/0' });
  rule({ group: sg, egress: true, cidr: '::/0' });
  for (const cidr of m.spec.kubernetesApiAccess ?? []) {
    rule({ group: sg, protocol: 'tcp', fromPort: 443, toPort: 443, cidr });
    tasks.push(pmtuRule(sg, cidr, 'api-elb'));
  }
  const dnsNone = m.dnsType === 'none';
  // Nodes reach Cilium's own etcd through the load balancer, as they reach kops-controller, when there is no DNS.
  const ciliumEtcd = dnsNone && m.spec.networking?.cilium?.etcdManaged === true;
  for (const master of securityGroups(m, 'master')) {
    rule({ group: master.task, source: sg, protocol: 'tcp', fromPort: 443, toPort: 443 }, `https-elb-to-master${master.suffix}`);
    rule({ group: sg, source: master.task, protocol: 'icmp', fromPort: 3, toPort: 4 }, `icmp-pmtu-cp${master.suffix}-to-elb`);
    rule({ group: master.task, source: sg, protocol: 'icmp', fromPort: 3, toPort: 4 }, `icmp-pmtu-elb-to-cp${master.suffix}`);
    if (dnsNone) rule({ group: master.task, source: sg, protocol: 'tcp', fromPort: 3988, toPort: 3988 }, `kops-controller-elb-to-cp${master.suffix}`);
    if (ciliumEtcd) rule({ group: master.task, source: sg, protocol: 'tcp', fromPort: ETCD_CILIUM_CLIENT_PORT, toPort: ETCD_CILIUM_CLIENT_PORT }, `etcd-cilium-elb-to-cp${master.suffix}`);
  }
  if (dnsNone) {
    for (const node of securityGroups(m, 'node')) rule({ group: sg, source: node.task }, `node-to-elb${node.suffix}`);
  }

  const lb = LoadBalancer.task(lbName, {
    name: resourceName32(m.clusterName, 'api'),
    internal,
    loadBalancerType: 'network',
    ipAddressType: subnets.some((s) => s.ipv6CIDR) ? 'dualstack' : undefined,
    enableCrossZoneLoadBalancing: lbSpec.crossZoneLoadBalancing ?? dnsNone,
    securityGroups: [...(lbSpec.additionalSecurityGroups ?? []), ref(sg)],
    subnetMappings: subnets.map((s) => {
      const given = lbSpec.subnets?.find((x) => x.name === s.name);
      return { subnetId: ref(subnetKey(m, s)), allocationId: given?.allocationId, privateIpv4Address: given?.privateIPv4Address };
    }),
    accessLogs: lbSpec.accessLog?.bucket ? { bucket: lbSpec.accessLog.bucket, bucketPrefix: lbSpec.accessLog.bucketPrefix, enabled: true } : undefined,
    tags: m.cloudTags(lbName),
  });
  tasks.push(lb);

  const targetGroups: Ref[] = [];
  const listen = (prefix: string, port: number, listenerPort: number, healthCheck: { path?: string; protocol: string }, protocol = 'TCP', tls?: { certificateArn: string; sslPolicy?: string }, listenerName = `${lbName}-${listenerPort}`) => {
    const name = resourceName32(m.clusterName, prefix);
    const tg = TargetGroup.task(name, {
      name,
      port,
      protocol,
      vpcId: ref(vpcKey(m)),
      connectionTermination: true,
      deregistrationDelay: '30',
      healthCheck: { healthyThreshold: 2, interval: 10, unhealthyThreshold: 2, ...healthCheck },
      tags: m.cloudTags(name),
    });
    targetGroups.push(ref(tg, 'id'));
    const listener = Listener.task(listenerName, {
      loadBalancerArn: ref(lb, 'id'),
      port: listenerPort,
      protocol: tls ? 'TLS' : 'TCP',
      certificateArn: tls?.certificateArn,
      sslPolicy: tls?.sslPolicy,
      defaultAction: { targetGroupArn: ref(tg, 'id'), type: 'forward' },
    });
    tasks.push(tg, listener);
  };
  if (lbSpec.sslCertificate) {
    listen('tcp', 443, 8443, { protocol: 'TCP' });
    listen('tls', 443, 443, { protocol: 'TCP' }, 'TLS', { certificateArn: lbSpec.sslCertificate, sslPolicy: lbSpec.sslPolicy });
  } else {
    listen('tcp', 443, 443, { protocol: 'TCP' });
  }
  if (dnsNone) listen('kops-controller', 3988, 3988, { path: '/healthz', protocol: 'HTTPS' });
  if (ciliumEtcd) listen('etcd-cilium', ETCD_CILIUM_CLIENT_PORT, ETCD_CILIUM_CLIENT_PORT, { protocol: 'TCP' }, 'TCP', undefined, `etcd-cilium.${m.clusterName}-${ETCD_CILIUM_CLIENT_PORT}`);
  targetGroups.sort((a, b) => (a.$ref.name < b.$ref.name ? -1 : 1));
  const controlPlaneOnly = [resourceName32(m.clusterName, 'kops-controller'), resourceName32(m.clusterName, 'etcd-cilium')];
  const apiServerTargetGroups = targetGroups.filter((t) => !controlPlaneOnly.includes(t.$ref.name));
  return { tasks, controlPlaneTargetGroups: targetGroups, apiServerTargetGroups, loadBalancer: lb };
}
