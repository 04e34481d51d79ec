import {
  AssociateDhcpOptionsCommand,
  AssociateVpcCidrBlockCommand,
  AttachInternetGatewayCommand,
  CreateDhcpOptionsCommand,
  CreateEgressOnlyInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateVpcCommand,
  DeleteDhcpOptionsCommand,
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteInternetGatewayCommand,
  DeleteVpcCommand,
  DescribeDhcpOptionsCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInternetGatewaysCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
  DisassociateVpcCidrBlockCommand,
  ModifyVpcAttributeCommand,
  type Vpc as Ec2Vpc,
} from '@aws-sdk/client-ec2';
import type { AwsClients } from '../clients.js';
import { DhcpOptions, DhcpOptionsAssociation, EgressOnlyInternetGateway, InternetGateway, Vpc, VpcIpv4CidrBlockAssociation } from '../resources/index.js';
import { fromAwsTags, ownerFilters, tagSpecifications } from '../tags.js';
import { awsOps, orUndefined, single, writeEc2Tags } from './common.js';

export async function describeVpc(aws: AwsClients, id: string): Promise<Ec2Vpc | undefined> {
  const out = await orUndefined(aws.ec2.send(new DescribeVpcsCommand({ VpcIds: [id] })));
  return out?.Vpcs?.[0];
}

/** The IPv6 block in use: any association not on its way out (states are not reported uniformly). */
export function liveIpv6Block(set: readonly { Ipv6CidrBlock?: string; Ipv6CidrBlockState?: { State?: string } }[] | undefined): string | undefined {
  const dead = ['disassociating', 'disassociated', 'failing', 'failed'];
  return set?.find((a) => a.Ipv6CidrBlock && !dead.includes(String(a.Ipv6CidrBlockState?.State)))?.Ipv6CidrBlock;
}

function vpcIpv6Block(vpc: Ec2Vpc): string | undefined {
  return liveIpv6Block(vpc.Ipv6CidrBlockAssociationSet);
}

async function vpcAttribute(aws: AwsClients, id: string, attribute: 'enableDnsHostnames' | 'enableDnsSupport'): Promise<boolean | undefined> {
  const out = await aws.ec2.send(new DescribeVpcAttributeCommand({ VpcId: id, Attribute: attribute }));
  return attribute === 'enableDnsHostnames' ? out.EnableDnsHostnames?.Value : out.EnableDnsSupport?.Value;
}

async function setVpcAttribute(aws: AwsClients, id: string, attribute: 'enableDnsHostnames' | 'enableDnsSupport', on: boolean): Promise<void> {
  const value = { Value: on };
  await aws.ec2.send(new ModifyVpcAttributeCommand(attribute === 'enableDnsHostnames' ? { VpcId: id, EnableDnsHostnames: value } : { VpcId: id, EnableDnsSupport: value }));
}

export const vpcOps = awsOps(Vpc, {
  async find(aws, spec) {
    let vpc: Ec2Vpc | undefined;
    if (spec.id) vpc = await describeVpc(aws, spec.id);
    else {
      const filters = ownerFilters(spec.tags);
      if (!filters) return undefined;
      vpc = single((await aws.ec2.send(new DescribeVpcsCommand({ Filters: filters }))).Vpcs, 'VPC', filters);
    }
    if (!vpc?.VpcId) return undefined;
    const id = vpc.VpcId;
    const ipv6 = vpcIpv6Block(vpc);
    return {
      id,
      attrs: { cidr_block: vpc.CidrBlock, ipv6_cidr_block: ipv6 ?? '' },
      fields: {
        id: spec.id === undefined ? undefined : id,
        cidrBlock: vpc.CidrBlock,
        enableDnsHostnames: spec.enableDnsHostnames === undefined ? undefined : await vpcAttribute(aws, id, 'enableDnsHostnames'),
        enableDnsSupport: spec.enableDnsSupport === undefined ? undefined : await vpcAttribute(aws, id, 'enableDnsSupport'),
        assignGeneratedIpv6CidrBlock: ipv6 !== undefined,
        tags: fromAwsTags(vpc.Tags),
      },
    };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new CreateVpcCommand({ CidrBlock: spec.cidrBlock, AmazonProvidedIpv6CidrBlock: spec.assignGeneratedIpv6CidrBlock, TagSpecifications: tagSpecifications('vpc', spec.tags) }),
    );
    const vpc = out.Vpc!;
    if (spec.enableDnsSupport !== undefined) await setVpcAttribute(aws, vpc.VpcId!, 'enableDnsSupport', spec.enableDnsSupport);
    if (spec.enableDnsHostnames !== undefined) await setVpcAttribute(aws, vpc.VpcId!, 'enableDnsHostnames', spec.enableDnsHostnames);
    const ipv6 = spec.assignGeneratedIpv6CidrBlock ? vpcIpv6Block((await describeVpc(aws, vpc.VpcId!)) ?? vpc) : undefined;
    return { id: vpc.VpcId!, attrs: { cidr_block: vpc.CidrBlock, ipv6_cidr_block: ipv6 ?? '' } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('enableDnsSupport')) await setVpcAttribute(aws, actual.id, 'enableDnsSupport', spec.enableDnsSupport!);
    if (changed.includes('enableDnsHostnames')) await setVpcAttribute(aws, actual.id, 'enableDnsHostnames', spec.enableDnsHostnames!);
    if (changed.includes('assignGeneratedIpv6CidrBlock') && spec.assignGeneratedIpv6CidrBlock) {
      await aws.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: actual.id, AmazonProvidedIpv6CidrBlock: true }));
    }
    if (changed.includes('tags')) await writeEc2Tags(aws, actual.id, spec.tags, actual.fields.tags as Record<string, string>);
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteVpcCommand({ VpcId: actual.id }));
  },
});

export const vpcCidrBlockOps = awsOps(VpcIpv4CidrBlockAssociation, {
  async find(aws, spec) {
    const vpc = await describeVpc(aws, spec.vpcId);
    const assoc = vpc?.CidrBlockAssociationSet?.find(
      (a) => a.CidrBlock === spec.cidrBlock && ['associated', 'associating'].includes(a.CidrBlockState?.State ?? ''),
    );
    if (!assoc?.AssociationId) return undefined;
    return { id: assoc.AssociationId, fields: { vpcId: spec.vpcId, cidrBlock: assoc.CidrBlock } };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: spec.vpcId, CidrBlock: spec.cidrBlock }));
    return { id: out.CidrBlockAssociation!.AssociationId! };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DisassociateVpcCidrBlockCommand({ AssociationId: actual.id }));
  },
});

export const dhcpOptionsOps = awsOps(DhcpOptions, {
  unordered: ['domainNameServers'],
  async find(aws, spec) {
    const filters = ownerFilters(spec.tags);
    if (!filters) return undefined;
    const found = single((await aws.ec2.send(new DescribeDhcpOptionsCommand({ Filters: filters }))).DhcpOptions, 'DHCP options set', filters);
    if (!found?.DhcpOptionsId) return undefined;
    const values = (key: string) => found.DhcpConfigurations?.find((c) => c.Key === key)?.Values?.map((v) => v.Value!) ?? [];
    return {
      id: found.DhcpOptionsId,
      fields: { domainName: values('domain-name')[0], domainNameServers: values('domain-name-servers'), tags: fromAwsTags(found.Tags) },
    };
  },
  async create(aws, spec) {
    const configurations = [
      ...(spec.domainName ? [{ Key: 'domain-name', Values: [spec.domainName] }] : []),
      ...(spec.domainNameServers?.length ? [{ Key: 'domain-name-servers', Values: spec.domainNameServers }] : []),
    ];
    const out = await aws.ec2.send(new CreateDhcpOptionsCommand({ DhcpConfigurations: configurations, TagSpecifications: tagSpecifications('dhcp-options', spec.tags) }));
    const id = out.DhcpOptions!.DhcpOptionsId!;
    // Some implementations drop tags given at creation; write any that did not stick.
    await writeEc2Tags(aws, id, spec.tags, fromAwsTags(out.DhcpOptions!.Tags));
    return { id };
  },
  async update(aws, actual, spec) {
    await writeEc2Tags(aws, actual.id, spec.tags, actual.fields.tags as Record<string, string>);
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: actual.id }));
  },
});

export const dhcpOptionsAssociationOps = awsOps(DhcpOptionsAssociation, {
  async find(aws, spec) {
    // A VPC always has some options set (the default one at first): only ours counts as the association.
    const vpc = await describeVpc(aws, spec.vpcId);
    if (vpc?.DhcpOptionsId !== spec.dhcpOptionsId) return undefined;
    return { id: spec.vpcId, fields: { vpcId: spec.vpcId, dhcpOptionsId: vpc.DhcpOptionsId } };
  },
  async create(aws, spec) {
    await aws.ec2.send(new AssociateDhcpOptionsCommand({ VpcId: spec.vpcId, DhcpOptionsId: spec.dhcpOptionsId }));
    return { id: spec.vpcId };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new AssociateDhcpOptionsCommand({ VpcId: actual.id, DhcpOptionsId: 'default' }));
  },
});

export const internetGatewayOps = awsOps(InternetGateway, {
  async find(aws, spec) {
    const filters = spec.id ? undefined : ownerFilters(spec.tags);
    if (!spec.id && !filters) return undefined;
    const out = await orUndefined(aws.ec2.send(new DescribeInternetGatewaysCommand(spec.id ? { InternetGatewayIds: [spec.id] } : { Filters: filters })));
    const igw = single(out?.InternetGateways, 'internet gateway', filters);
    if (!igw?.InternetGatewayId) return undefined;
    // AWS reports an attached internet gateway as "available", outside its own enum.
    const attached = igw.Attachments?.find((a) => ['available', 'attached', 'attaching'].includes(String(a.State)));
    return {
      id: igw.InternetGatewayId,
      attrs: { vpcId: attached?.VpcId },
      fields: { id: spec.id === undefined ? undefined : igw.InternetGatewayId, vpcId: attached?.VpcId ?? '', tags: fromAwsTags(igw.Tags) },
    };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(new CreateInternetGatewayCommand({ TagSpecifications: tagSpecifications('internet-gateway', spec.tags) }));
    const id = out.InternetGateway!.InternetGatewayId!;
    await aws.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: spec.vpcId }));
    return { id, attrs: { vpcId: spec.vpcId } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('vpcId')) {
      const was = actual.fields.vpcId as string;
      if (was) await aws.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: actual.id, VpcId: was }));
      await aws.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: actual.id, VpcId: spec.vpcId }));
    }
    if (changed.includes('tags')) await writeEc2Tags(aws, actual.id, spec.tags, actual.fields.tags as Record<string, string>);
  },
  async delete(aws, actual) {
    const vpcId = (actual.attrs?.vpcId ?? actual.fields.vpcId) as string | undefined;
    if (vpcId) await orUndefined(aws.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: actual.id, VpcId: vpcId })));
    await aws.ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: actual.id }));
  },
});

export const egressOnlyInternetGatewayOps = awsOps(EgressOnlyInternetGateway, {
  async find(aws, spec) {
    const filters = ownerFilters(spec.tags);
    if (!filters) return undefined;
    const out = await aws.ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: filters }));
    const live = out.EgressOnlyInternetGateways?.filter((g) => g.Attachments?.some((a) => a.State !== 'detached'));
    const eigw = single(live, 'egress-only internet gateway', filters);
    if (!eigw?.EgressOnlyInternetGatewayId) return undefined;
    return { id: eigw.EgressOnlyInternetGatewayId, fields: { vpcId: eigw.Attachments?.[0]?.VpcId, tags: fromAwsTags(eigw.Tags) } };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new CreateEgressOnlyInternetGatewayCommand({ VpcId: spec.vpcId, TagSpecifications: tagSpecifications('egress-only-internet-gateway', spec.tags) }),
    );
    return { id: out.EgressOnlyInternetGateway!.EgressOnlyInternetGatewayId! };
  },
  async update(aws, actual, spec) {
    await writeEc2Tags(aws, actual.id, spec.tags, actual.fields.tags as Record<string, string>);
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: actual.id }));
  },
});
