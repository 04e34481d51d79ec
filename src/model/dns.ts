import { Route53Record, Route53ZoneAssociation } from '../cloud/aws/resources/route53.js';
import { ref, type Task } from '../engine/task.js';
import type { ModelContext } from './context.js';
import { vpcKey } from './network.js';

/** Alias records for the API load balancer in the cluster's hosted zone (A and AAAA), and a private zone's VPC association. */
export function buildApiDns(m: ModelContext, loadBalancer: Task | undefined): Task[] {
  const zone = m.aws.dnsZone;
  if (!zone || (m.dnsType !== 'public' && m.dnsType !== 'private')) return [];
  const zoneId = hostedZoneId(zone.id);
  const tasks: Task[] = [];
  // With private DNS, the zone is associated with the cluster's VPC for its records to resolve there.
  if (m.dnsType === 'private') tasks.push(Route53ZoneAssociation.task(m.spec.dnsZone ?? zone.name, { zoneId, vpcId: ref(vpcKey(m)) }));
  if (!loadBalancer) return tasks;
  tasks.push(...aliasRecords(m, m.spec.masterPublicName ?? `api.${m.clusterName}`, loadBalancer));
  return tasks;
}

/** A and AAAA alias records for a load balancer in the cluster's hosted zone (none without Route53 DNS). */
export function aliasRecords(m: ModelContext, name: string, loadBalancer: Task): Task[] {
  const zone = m.aws.dnsZone;
  if (!zone || (m.dnsType !== 'public' && m.dnsType !== 'private')) return [];
  const zoneId = hostedZoneId(zone.id);
  const alias = { evaluateTargetHealth: false, name: ref(loadBalancer, 'dns_name'), zoneId: ref(loadBalancer, 'zone_id') };
  return [Route53Record.task(name, { name, type: 'A', zoneId, alias }), Route53Record.task(`${name}-AAAA`, { name, type: 'AAAA', zoneId, alias })];
}

const hostedZoneId = (id: string) => `/hostedzone/${id.replace(/^\/?hostedzone\//, '')}`;
