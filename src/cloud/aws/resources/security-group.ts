import { defineResource, type Val } from './declare.js';

export interface SecurityGroupSpec {
  id?: string;
  name: string;
  description: string;
  vpcId: Val<string>;
  tags?: Record<string, string>;
}

export const SecurityGroup = defineResource<SecurityGroupSpec>({
  type: 'aws_security_group',
  kopsKind: 'SecurityGroup',
  fields: {
    description: { tf: 'description', immutable: true },
    name: { tf: 'name', immutable: true },
    tags: { tf: 'tags', kind: 'map' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
});

export interface SecurityGroupRuleSpec {
  type: 'ingress' | 'egress';
  securityGroupId: Val<string>;
  protocol: string;
  fromPort: number;
  toPort: number;
  cidrBlocks?: string[];
  ipv6CidrBlocks?: string[];
  sourceSecurityGroupId?: Val<string>;
  prefixListIds?: string[];
}

export const SecurityGroupRule = defineResource<SecurityGroupRuleSpec>({
  type: 'aws_security_group_rule',
  kopsKind: 'SecurityGroupRule',
  fields: {
    cidrBlocks: { tf: 'cidr_blocks', immutable: true },
    fromPort: { tf: 'from_port', immutable: true },
    ipv6CidrBlocks: { tf: 'ipv6_cidr_blocks', immutable: true },
    prefixListIds: { tf: 'prefix_list_ids', immutable: true },
    protocol: { tf: 'protocol', immutable: true },
    securityGroupId: { tf: 'security_group_id', immutable: true },
    sourceSecurityGroupId: { tf: 'source_security_group_id', immutable: true },
    toPort: { tf: 'to_port', immutable: true },
    type: { tf: 'type', immutable: true },
  },
});
