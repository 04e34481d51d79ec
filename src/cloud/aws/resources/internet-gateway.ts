import { defineResource, type Val } from './declare.js';

export interface InternetGatewaySpec {
  id?: string;
  vpcId: Val<string>;
  tags?: Record<string, string>;
}

export const InternetGateway = defineResource<InternetGatewaySpec>({
  type: 'aws_internet_gateway',
  kopsKind: 'InternetGateway',
  fields: {
    tags: { tf: 'tags', kind: 'map' },
    vpcId: { tf: 'vpc_id' },
  },
});

export const EgressOnlyInternetGateway = defineResource<InternetGatewaySpec>({
  type: 'aws_egress_only_internet_gateway',
  kopsKind: 'EgressOnlyInternetGateway',
  fields: {
    tags: { tf: 'tags', kind: 'map' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
});
