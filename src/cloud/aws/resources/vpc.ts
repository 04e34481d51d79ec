import { defineResource, type Val } from './declare.js';

export interface VpcSpec {
  /** Set for a shared VPC, found by id. */
  id?: string;
  cidrBlock?: string;
  enableDnsHostnames?: boolean;
  enableDnsSupport?: boolean;
  assignGeneratedIpv6CidrBlock?: boolean;
  tags?: Record<string, string>;
}

export const Vpc = defineResource<VpcSpec>({
  type: 'aws_vpc',
  kopsKind: 'VPC',
  fields: {
    assignGeneratedIpv6CidrBlock: { tf: 'assign_generated_ipv6_cidr_block' },
    cidrBlock: { tf: 'cidr_block', immutable: true },
    enableDnsHostnames: { tf: 'enable_dns_hostnames' },
    enableDnsSupport: { tf: 'enable_dns_support' },
    tags: { tf: 'tags', kind: 'map' },
  },
});

export interface VpcIpv4CidrBlockAssociationSpec {
  vpcId: Val<string>;
  cidrBlock: string;
}

export const VpcIpv4CidrBlockAssociation = defineResource<VpcIpv4CidrBlockAssociationSpec>({
  type: 'aws_vpc_ipv4_cidr_block_association',
  kopsKind: 'VPCCIDRBlock',
  fields: {
    cidrBlock: { tf: 'cidr_block', immutable: true },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
});
