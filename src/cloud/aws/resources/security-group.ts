import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  paginateDescribeSecurityGroups,
  type IpPermission,
  type SecurityGroup as Ec2SecurityGroup,
} from '@aws-sdk/client-ec2';
import { fromAwsTags, tagSpecifications } from '../tags.js';
import type { AwsClients } from '../clients.js';
import { ec2Tagging } from '../tagging.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, clusterFilter, collect, orUndefined, single, type Resolved } from './common.js';
import { deletedIds, discoverOnly, discovery, ignoreGone, type Found } from './discovery.js';
import { interfaceHolders } from './network-interface.js';

export interface SecurityGroupSpec {
  id?: string;
  name: string;
  description: string;
  vpcId: Val<string>;
  tags?: Record<string, string>;
}

export const SecurityGroup = awsResource<SecurityGroupSpec>({
  type: 'aws_security_group',
  kopsKind: 'SecurityGroup',
  tagging: ec2Tagging(),
  fields: {
    description: { tf: 'description', immutable: true },
    name: { tf: 'name', immutable: true },
    tags: { tf: 'tags', kind: 'tags' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
  list: (aws, cluster) => collect(paginateDescribeSecurityGroups({ client: aws.ec2 }, { Filters: clusterFilter(cluster) }), (p) => p.SecurityGroups),
  async find(aws, spec, ctx) {
    let group: Ec2SecurityGroup | undefined;
    if (spec.id) group = await describeGroup(aws, spec.id);
    else {
      // A group's name is unique within its VPC: that is how the Go kops finds it too.
      const listed = (ctx.listed as readonly Ec2SecurityGroup[] | undefined)?.find((g) => g.GroupName === spec.name && g.VpcId === spec.vpcId);
      const filters = [
        { Name: 'group-name', Values: [spec.name] },
        { Name: 'vpc-id', Values: [spec.vpcId] },
      ];
      group = listed ?? single((await aws.ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters }))).SecurityGroups, 'security group', filters);
    }
    if (!group?.GroupId) return undefined;
    return {
      id: group.GroupId,
      attrs: { name: group.GroupName },
      fields: { name: group.GroupName, description: group.Description, vpcId: group.VpcId, tags: fromAwsTags(group.Tags) },
    };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new CreateSecurityGroupCommand({ GroupName: spec.name, Description: spec.description, VpcId: spec.vpcId, TagSpecifications: tagSpecifications('security-group', spec.tags) }),
    );
    return { id: out.GroupId!, attrs: { name: spec.name } };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteSecurityGroupCommand({ GroupId: actual.id }));
  },
  discover: discovery({
    kind: 'security-group',
    by: 'tags',
    after: ['security-group-rules', 'instance', 'autoscaling-group', 'load-balancer', 'network-interface', 'nat-gateway'],
    list: (aws) => collect(paginateDescribeSecurityGroups({ client: aws.ec2 }, {}), (p) => p.SecurityGroups),
    async claim(groups, ctx) {
      const ownedVpcs = await deletedIds(ctx, 'vpc');
      const found: Found[] = [];
      // A VPC's default group goes with it.
      for (const sg of groups.filter((g) => g.GroupName !== 'default')) {
        const id = sg.GroupId!;
        const tags = fromAwsTags(sg.Tags);
        const owner = ctx.rules.ownership(tags);
        if (owner) found.push({ id, name: sg.GroupName ?? tags.Name ?? '', action: owner === 'owned' ? 'delete' : 'untag', actual: { id, fields: {} }, tags });
        else if (ownedVpcs.has(sg.VpcId ?? '')) {
          ctx.block({ blockedId: sg.VpcId!, by: ctx.rules.foreign('security group', id, { Name: sg.GroupName ?? '', ...tags }), hint: ctx.rules.hint(`delete ${id}`) });
        }
      }
      return found;
    },
    holders: interfaceHolders('group-id'),
  }),
});

/**
 * Rules that name the cluster's groups: the cluster's own groups drop all their group references (they may name
 * each other), other groups only the references to the cluster's groups.
 */
export const SecurityGroupReferences = discoverOnly({
  kind: 'security-group-rules',
  by: 'relation',
  after: ['instance', 'autoscaling-group', 'load-balancer'],
  async claim(_listed, ctx) {
    const owned = await deletedIds(ctx, 'security-group');
    const groups = await ctx.listing<Ec2SecurityGroup>(SecurityGroup.discover!);
    const found: Found[] = [];
    for (const sg of groups) {
      const id = sg.GroupId!;
      const isOwned = owned.has(id);
      const dropFrom = (perms: IpPermission[] | undefined) =>
        (perms ?? [])
          .map((p) => ({ ...p, IpRanges: undefined, Ipv6Ranges: undefined, PrefixListIds: undefined, UserIdGroupPairs: (p.UserIdGroupPairs ?? []).filter((g) => (isOwned ? !!g.GroupId : owned.has(g.GroupId ?? ''))) }))
          .filter((p) => p.UserIdGroupPairs.length > 0)
          .map((p) => ({ ...p, UserIdGroupPairs: p.UserIdGroupPairs.map((g) => ({ GroupId: g.GroupId, UserId: g.UserId })) }));
      const ingress = dropFrom(sg.IpPermissions);
      const egress = dropFrom(sg.IpPermissionsEgress);
      if (ingress.length === 0 && egress.length === 0) continue;
      found.push({ id, name: sg.GroupName ?? '', action: 'delete', internal: isOwned, actual: { id, attrs: { ingress, egress }, fields: {} } });
    }
    return found;
  },
  async delete(aws, actual) {
    const { ingress, egress } = actual.attrs as { ingress: IpPermission[]; egress: IpPermission[] };
    if (ingress.length) await ignoreGone(() => aws.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: actual.id, IpPermissions: ingress })));
    if (egress.length) await ignoreGone(() => aws.ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: actual.id, IpPermissions: egress })));
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

export const SecurityGroupRule = awsResource<SecurityGroupRuleSpec>({
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
  async find(aws, spec, { session, listingOf }) {
    // Many rules share a group: its permissions are read once per run, from the groups' listing when it has it.
    const listed = ((await listingOf(SecurityGroup.type)) as readonly Ec2SecurityGroup[] | undefined)?.find((g) => g.GroupId === spec.securityGroupId);
    const group = listed ?? (await session.memo(`security-group:${spec.securityGroupId}`, () => describeGroup(aws, spec.securityGroupId)));
    if (!group) return undefined;
    const existing = spec.type === 'egress' ? group.IpPermissionsEgress : group.IpPermissions;
    if (!granted(existing, spec)) return undefined;
    // A rule is its identity: when found, every field matches.
    return { id: ruleId(spec), attrs: { groupId: spec.securityGroupId, type: spec.type, permission: permission(spec) }, fields: { ...spec } };
  },
  async create(aws, spec) {
    const input = { GroupId: spec.securityGroupId, IpPermissions: [permission(spec)] };
    if (spec.type === 'egress') await aws.ec2.send(new AuthorizeSecurityGroupEgressCommand(input));
    else await aws.ec2.send(new AuthorizeSecurityGroupIngressCommand(input));
    return { id: ruleId(spec), attrs: { groupId: spec.securityGroupId, type: spec.type, permission: permission(spec) } };
  },
  async delete(aws, actual) {
    const a = actual.attrs as { groupId: string; type: string; permission: IpPermission };
    const input = { GroupId: a.groupId, IpPermissions: [a.permission] };
    if (a.type === 'egress') await aws.ec2.send(new RevokeSecurityGroupEgressCommand(input));
    else await aws.ec2.send(new RevokeSecurityGroupIngressCommand(input));
  },
});

async function describeGroup(aws: AwsClients, id: string): Promise<Ec2SecurityGroup | undefined> {
  return (await orUndefined(aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }))))?.SecurityGroups?.[0];
}

type RuleSpec = Resolved<SecurityGroupRuleSpec>;

const PROTOCOL_NUMBERS: Record<string, string> = { all: '-1', tcp: '6', udp: '17', icmp: '1', icmpv6: '58', '58': '58' };

function protocolNumber(p: string | undefined): string {
  const lower = (p ?? '-1').toLowerCase();
  return PROTOCOL_NUMBERS[lower] ?? lower;
}

/** Ports mean nothing for "all protocols" (AWS leaves them out; Terraform writes 0). */
function portsMatter(protocol: string | undefined): boolean {
  return protocolNumber(protocol) !== '-1';
}

/** The permission a rule task stands for: one protocol/port range and exactly one source. */
function permission(spec: RuleSpec): IpPermission {
  const ports = portsMatter(spec.protocol) ? { FromPort: spec.fromPort, ToPort: spec.toPort } : {};
  return {
    IpProtocol: protocolNumber(spec.protocol) === '-1' ? '-1' : spec.protocol.toLowerCase(),
    ...ports,
    IpRanges: spec.cidrBlocks?.map((CidrIp) => ({ CidrIp })),
    Ipv6Ranges: spec.ipv6CidrBlocks?.map((CidrIpv6) => ({ CidrIpv6 })),
    UserIdGroupPairs: spec.sourceSecurityGroupId ? [{ GroupId: spec.sourceSecurityGroupId }] : undefined,
    PrefixListIds: spec.prefixListIds?.map((PrefixListId) => ({ PrefixListId })),
  };
}

/** Whether the group's permissions include every source of the rule (AWS merges rules sharing protocol and ports). */
function granted(existing: readonly IpPermission[] | undefined, spec: RuleSpec): boolean {
  const samePorts = (p: IpPermission) =>
    protocolNumber(p.IpProtocol) === protocolNumber(spec.protocol) && (!portsMatter(spec.protocol) || (p.FromPort === spec.fromPort && p.ToPort === spec.toPort));
  const candidates = (existing ?? []).filter(samePorts);
  const has = (test: (p: IpPermission) => boolean) => candidates.some(test);
  return (
    (spec.cidrBlocks ?? []).every((c) => has((p) => !!p.IpRanges?.some((r) => r.CidrIp === c))) &&
    (spec.ipv6CidrBlocks ?? []).every((c) => has((p) => !!p.Ipv6Ranges?.some((r) => r.CidrIpv6 === c))) &&
    (spec.prefixListIds ?? []).every((c) => has((p) => !!p.PrefixListIds?.some((r) => r.PrefixListId === c))) &&
    (!spec.sourceSecurityGroupId || has((p) => !!p.UserIdGroupPairs?.some((g) => g.GroupId === spec.sourceSecurityGroupId))) &&
    candidates.length > 0
  );
}

function ruleId(spec: RuleSpec): string {
  const source = spec.sourceSecurityGroupId ?? [...(spec.cidrBlocks ?? []), ...(spec.ipv6CidrBlocks ?? []), ...(spec.prefixListIds ?? [])].join(',');
  return `${spec.securityGroupId}_${spec.type}_${protocolNumber(spec.protocol)}_${spec.fromPort}_${spec.toPort}_${source}`;
}
