import { defineResource, type Val } from './declare.js';

export interface SubnetSpec {
  /** Set for a shared subnet, found by id. */
  id?: string;
  /** The subnet's name in the cluster spec (`us-test-1a`), used for Terraform outputs. */
  shortName: string;
  vpcId: Val<string>;
  availabilityZone: string;
  cidrBlock?: string;
  ipv6CidrBlock?: Val<string>;
  ipv6Native?: boolean;
  assignIpv6AddressOnCreation?: boolean;
  enableDns64?: boolean;
  enableResourceNameDnsARecordOnLaunch?: boolean;
  enableResourceNameDnsAaaaRecordOnLaunch?: boolean;
  privateDnsHostnameTypeOnLaunch?: string;
  tags?: Record<string, string>;
}

export const Subnet = defineResource<SubnetSpec>({
  type: 'aws_subnet',
  kopsKind: 'Subnet',
  fields: {
    assignIpv6AddressOnCreation: { tf: 'assign_ipv6_address_on_creation' },
    availabilityZone: { tf: 'availability_zone', immutable: true },
    cidrBlock: { tf: 'cidr_block', immutable: true },
    enableDns64: { tf: 'enable_dns64' },
    enableResourceNameDnsARecordOnLaunch: { tf: 'enable_resource_name_dns_a_record_on_launch' },
    enableResourceNameDnsAaaaRecordOnLaunch: { tf: 'enable_resource_name_dns_aaaa_record_on_launch' },
    ipv6CidrBlock: { tf: 'ipv6_cidr_block', relativeIpv6: true },
    ipv6Native: { tf: 'ipv6_native', immutable: true },
    privateDnsHostnameTypeOnLaunch: { tf: 'private_dns_hostname_type_on_launch' },
    tags: { tf: 'tags', kind: 'map' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
});
