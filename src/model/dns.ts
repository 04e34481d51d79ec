import { Route53Record, Route53ZoneAssociation } from '../cloud/aws/resources/route53.js';
import { ref, type Task } from '../engine/task.js';
import type { ModelContext } from './context.js';
import { vpcKey } from './network.js';

/** Alias records for the API load balancer in the cluster's hosted zone (A and AAAA), and a private zone's VPC association. */
export function buildApiDns(m: ModelContext, loadBalancer: Task | undefined): Task[] {
  const zone = m.aws.dnsZone;
  if (!zone || (m.dnsType !== 'public' && m.dnsType !== 'private')) return [];
  const zoneId = `/hostedzone/${zone.id.replace(/^\/?hostedzone\//, '')}`;
  const tasks: Task[] = [];
  // A private zone must be associated with the cluster's VPC for its records to resolve there.
  if (zone.private) tasks.push(Route53ZoneAssociation.task(zone.name, { zoneId, vpcId: ref(vpcKey(m)) }));
  if (!loadBalancer) return tasks;
  const name = m.spec.masterPublicName ?? `api.${m.clusterName}`;
  const alias = { evaluateTargetHealth: false, name: ref(loadBalancer, 'dns_name'), zoneId: ref(loadBalancer, 'zone_id') };
  tasks.push(Route53Record.task(name, { name, type: 'A', zoneId, alias }), Route53Record.task(`${name}-AAAA`, { name, type: 'AAAA', zoneId, alias }));
  return tasks;
}
