import { defineResource, type Val } from './declare.js';

export interface DhcpOptionsSpec {
  domainName: string;
  domainNameServers: string[];
  tags?: Record<string, string>;
}

export const DhcpOptions = defineResource<DhcpOptionsSpec>({
  type: 'aws_vpc_dhcp_options',
  kopsKind: 'DHCPOptions',
  fields: {
    domainName: { tf: 'domain_name', immutable: true },
    domainNameServers: { tf: 'domain_name_servers', immutable: true },
    tags: { tf: 'tags', kind: 'map' },
  },
});

export interface DhcpOptionsAssociationSpec {
  dhcpOptionsId: Val<string>;
  vpcId: Val<string>;
}

export const DhcpOptionsAssociation = defineResource<DhcpOptionsAssociationSpec>({
  type: 'aws_vpc_dhcp_options_association',
  kopsKind: 'VPCDHCPOptionsAssociation',
  fields: {
    dhcpOptionsId: { tf: 'dhcp_options_id' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
});
