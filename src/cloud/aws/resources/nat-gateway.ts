import { defineResource, type Val } from './declare.js';

export interface ElasticIpSpec {
  id?: string;
  domain: string;
  publicIp?: string;
  tags?: Record<string, string>;
}

export const ElasticIp = defineResource<ElasticIpSpec>({
  type: 'aws_eip',
  kopsKind: 'ElasticIP',
  fields: {
    domain: { tf: 'domain', immutable: true },
    tags: { tf: 'tags', kind: 'map' },
  },
});

export interface NatGatewaySpec {
  /** Set for an existing NAT gateway (a subnet's `egress: nat-...`), found by id. */
  id?: string;
  allocationId?: Val<string>;
  subnetId: Val<string>;
  tags?: Record<string, string>;
}

export const NatGateway = defineResource<NatGatewaySpec>({
  type: 'aws_nat_gateway',
  kopsKind: 'NatGateway',
  fields: {
    allocationId: { tf: 'allocation_id', immutable: true },
    subnetId: { tf: 'subnet_id', immutable: true },
    tags: { tf: 'tags', kind: 'map' },
  },
});
