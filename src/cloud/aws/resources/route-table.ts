import { defineResource, type Val } from './declare.js';

export interface RouteTableSpec {
  vpcId: Val<string>;
  tags?: Record<string, string>;
}

export const RouteTable = defineResource<RouteTableSpec>({
  type: 'aws_route_table',
  kopsKind: 'RouteTable',
  fields: {
    tags: { tf: 'tags', kind: 'map' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
});

export interface RouteSpec {
  routeTableId: Val<string>;
  destinationCidrBlock?: string;
  destinationIpv6CidrBlock?: string;
  gatewayId?: Val<string>;
  egressOnlyGatewayId?: Val<string>;
  natGatewayId?: Val<string>;
  transitGatewayId?: string;
  instanceId?: Val<string>;
}

export const Route = defineResource<RouteSpec>({
  type: 'aws_route',
  kopsKind: 'Route',
  terraform: { labelPrefix: 'route-' },
  fields: {
    destinationCidrBlock: { tf: 'destination_cidr_block', immutable: true },
    destinationIpv6CidrBlock: { tf: 'destination_ipv6_cidr_block', immutable: true },
    egressOnlyGatewayId: { tf: 'egress_only_gateway_id' },
    gatewayId: { tf: 'gateway_id' },
    instanceId: { tf: 'instance_id' },
    natGatewayId: { tf: 'nat_gateway_id' },
    routeTableId: { tf: 'route_table_id', immutable: true },
    transitGatewayId: { tf: 'transit_gateway_id' },
  },
});

export interface RouteTableAssociationSpec {
  routeTableId: Val<string>;
  subnetId: Val<string>;
}

export const RouteTableAssociation = defineResource<RouteTableAssociationSpec>({
  type: 'aws_route_table_association',
  kopsKind: 'RouteTableAssociation',
  fields: {
    routeTableId: { tf: 'route_table_id' },
    subnetId: { tf: 'subnet_id', immutable: true },
  },
});
