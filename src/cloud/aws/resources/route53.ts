import { defineResource, type Val } from './declare.js';

export interface Route53RecordSpec {
  name: string;
  type: string;
  zoneId: string;
  alias?: { evaluateTargetHealth: boolean; name: Val<string>; zoneId: Val<string> };
  records?: string[];
  ttl?: number;
}

export const Route53Record = defineResource<Route53RecordSpec>({
  type: 'aws_route53_record',
  kopsKind: 'DNSName',
  fields: {
    alias: {
      tf: 'alias',
      kind: 'block',
      fields: { evaluateTargetHealth: { tf: 'evaluate_target_health' }, name: { tf: 'name' }, zoneId: { tf: 'zone_id' } },
    },
    name: { tf: 'name', immutable: true },
    records: { tf: 'records' },
    ttl: { tf: 'ttl' },
    type: { tf: 'type', immutable: true },
    zoneId: { tf: 'zone_id', immutable: true },
  },
});

export interface Route53ZoneAssociationSpec {
  zoneId: string;
  vpcId: Val<string>;
}

export const Route53ZoneAssociation = defineResource<Route53ZoneAssociationSpec>({
  type: 'aws_route53_zone_association',
  kopsKind: 'DNSZone',
  fields: {
    vpcId: { tf: 'vpc_id', immutable: true },
    zoneId: { tf: 'zone_id', immutable: true },
  },
});
