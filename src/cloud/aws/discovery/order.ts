import type { ResourceType } from './resource.js';

/**
 * Which kinds of objects must all be gone before an object of a kind is deleted: users before what they use
 * (instances before their subnets, load balancers before their target groups, the VPC after everything in it).
 */
const mustGoFirst: Record<ResourceType, ResourceType[]> = {
  'autoscaling-group': [],
  // Instances of a group go with it; deleting them first would only make the group start new ones.
  instance: ['autoscaling-group'],
  'load-balancer': [],
  'target-group': ['load-balancer', 'autoscaling-group'],
  'autoscaling-config': ['autoscaling-group'],
  'nat-gateway': [],
  'elastic-ip': ['nat-gateway', 'instance', 'load-balancer'],
  'network-interface': ['instance', 'load-balancer', 'nat-gateway'],
  volume: ['instance', 'autoscaling-group'],
  // A VPC with mapped public addresses keeps its internet gateway attached.
  'internet-gateway': ['instance', 'autoscaling-group', 'load-balancer', 'nat-gateway', 'elastic-ip', 'network-interface'],
  'egress-only-internet-gateway': ['instance', 'autoscaling-group', 'load-balancer', 'network-interface'],
  subnet: ['instance', 'autoscaling-group', 'load-balancer', 'nat-gateway', 'network-interface'],
  'route-table': ['subnet'],
  'security-group-rules': ['instance', 'autoscaling-group', 'load-balancer'],
  'security-group': ['security-group-rules', 'instance', 'autoscaling-group', 'load-balancer', 'network-interface', 'nat-gateway'],
  vpc: ['subnet', 'route-table', 'security-group', 'internet-gateway', 'egress-only-internet-gateway', 'network-interface', 'target-group'],
  'dhcp-options': ['vpc'],
  keypair: ['instance', 'autoscaling-group'],
  'iam-instance-profile': ['instance', 'autoscaling-group', 'autoscaling-config'],
  'iam-role': ['iam-instance-profile'],
  'oidc-provider': [],
  'route53-record': [],
  'sqs-queue': ['eventbridge-rule'],
  'eventbridge-rule': [],
};

export function prerequisites(type: ResourceType): readonly ResourceType[] {
  return mustGoFirst[type];
}

/** Every kind, each after the kinds that must go before it. */
export function deletionOrder(): ResourceType[] {
  const out: ResourceType[] = [];
  const visit = (t: ResourceType): void => {
    if (out.includes(t)) return;
    for (const p of mustGoFirst[t]) visit(p);
    out.push(t);
  };
  for (const t of Object.keys(mustGoFirst) as ResourceType[]) visit(t);
  return out;
}
