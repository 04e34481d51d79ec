import {
  AssociateDhcpOptionsCommand,
  CreateDhcpOptionsCommand,
  DeleteDhcpOptionsCommand,
  DescribeDhcpOptionsCommand,
  paginateDescribeVpcs,
  paginateDescribeDhcpOptions,
  type DhcpOptions as Ec2DhcpOptions,
} from '@aws-sdk/client-ec2';
import { ec2Tagging } from '../tagging.js';
import { listedOrDescribedVpc } from './vpc.js';
import { fromAwsTags, tagSpecifications } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import type { AwsClients } from '../clients.js';
import { awsResource, clusterFilter, clusterTagKeyFilter, collect, findOwned, writeEc2Tags } from './common.js';
import { byOwnership, discovery } from './discovery.js';

export interface DhcpOptionsSpec {
  domainName: string;
  domainNameServers: string[];
  tags?: Record<string, string>;
}

export const DhcpOptions = awsResource<DhcpOptionsSpec>({
  type: 'aws_vpc_dhcp_options',
  kopsKind: 'DHCPOptions',
  tagging: ec2Tagging(),
  fields: {
    domainName: { tf: 'domain_name', immutable: true },
    domainNameServers: { tf: 'domain_name_servers', immutable: true },
    tags: { tf: 'tags', kind: 'tags' },
  },
  unordered: ['domainNameServers'],
  list: (aws, cluster) => collect(paginateDescribeDhcpOptions({ client: aws.ec2 }, { Filters: clusterFilter(cluster) }), (p) => p.DhcpOptions),
  async find(aws, spec, ctx) {
    const owned = await findOwned<Ec2DhcpOptions>(ctx, spec.tags, 'DHCP options set', async (filters) => (await aws.ec2.send(new DescribeDhcpOptionsCommand({ Filters: filters }))).DhcpOptions);
    const found = owned?.DhcpOptionsId ? owned : await findUntaggedOrphan(aws, spec);
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
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: actual.id }));
  },
  discover: discovery({
    kind: 'dhcp-options',
    by: 'tags',
    after: ['vpc'],
    list: (aws, ctx) => collect(paginateDescribeDhcpOptions({ client: aws.ec2 }, { Filters: clusterTagKeyFilter(ctx.rules.clusterName) }), (p) => p.DhcpOptions),
    claim: (sets, ctx) => byOwnership(sets, ctx, (o) => ({ id: o.DhcpOptionsId, tags: fromAwsTags(o.Tags) }), { untag: true }),
  }),
});

/**
 * A set this cluster made in a run that died between the create and the tagging (where the create's own tags did not
 * stick): no tags at all, the same configuration, and no VPC using it. Taking it over (its tags are then written)
 * keeps the next run from leaving it behind and making a second one.
 */
async function findUntaggedOrphan(aws: AwsClients, spec: DhcpOptionsSpec): Promise<Ec2DhcpOptions | undefined> {
  if (!spec.domainName) return undefined;
  const candidates = (await aws.ec2.send(new DescribeDhcpOptionsCommand({ Filters: [{ Name: 'key', Values: ['domain-name'] }, { Name: 'value', Values: [spec.domainName] }] }))).DhcpOptions ?? [];
  const servers = (o: Ec2DhcpOptions) => (o.DhcpConfigurations?.find((c) => c.Key === 'domain-name-servers')?.Values?.map((v) => v.Value!) ?? []).sort().join(',');
  const wanted = [...(spec.domainNameServers ?? [])].sort().join(',');
  const untagged = candidates.filter((c) => !c.Tags?.length && servers(c) === wanted && c.DhcpOptionsId);
  if (untagged.length === 0) return undefined;
  const inUse = new Set<string | undefined>();
  for await (const page of paginateDescribeVpcs({ client: aws.ec2 }, {})) for (const vpc of page.Vpcs ?? []) inUse.add(vpc.DhcpOptionsId);
  return untagged.find((c) => !inUse.has(c.DhcpOptionsId));
}

export interface DhcpOptionsAssociationSpec {
  dhcpOptionsId: Val<string>;
  vpcId: Val<string>;
}

export const DhcpOptionsAssociation = awsResource<DhcpOptionsAssociationSpec>({
  type: 'aws_vpc_dhcp_options_association',
  kopsKind: 'VPCDHCPOptionsAssociation',
  fields: {
    dhcpOptionsId: { tf: 'dhcp_options_id' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
  async find(aws, spec, ctx) {
    // A VPC always has some options set (the default one at first): only ours counts as the association.
    const vpc = await listedOrDescribedVpc(aws, spec.vpcId, ctx);
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
