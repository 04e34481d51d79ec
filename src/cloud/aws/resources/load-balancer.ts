import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeleteListenerCommand,
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  ModifyListenerCommand,
  ModifyLoadBalancerAttributesCommand,
  ModifyTargetGroupAttributesCommand,
  ModifyTargetGroupCommand,
  SetSecurityGroupsCommand,
  SetSubnetsCommand,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
  type Action,
  type ProtocolEnum,
  type LoadBalancer as ElbLoadBalancer,
  type TargetGroup as ElbTargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { RunSession } from '../../../engine/ops.js';
import type { Task } from '../../../engine/task.js';
import type { AwsClients } from '../clients.js';
import { elbv2Tagging } from '../tagging.js';
import { fromAwsTags, toAwsTags, type Tags } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, clusterOf, collect, orUndefined, type FindContext, type Resolved } from './common.js';
import { byOwnership, deletedIds, discovery, type DiscoverContext } from './discovery.js';

export interface LoadBalancerSpec {
  name: string;
  internal: boolean;
  loadBalancerType: string;
  ipAddressType?: string;
  enableCrossZoneLoadBalancing?: boolean;
  securityGroups?: Val<string>[];
  subnetMappings: { subnetId: Val<string>; allocationId?: string; privateIpv4Address?: string }[];
  accessLogs?: { bucket: string; bucketPrefix?: string; enabled: boolean };
  tags?: Record<string, string>;
}

export const LoadBalancer = awsResource<LoadBalancerSpec>({
  type: 'aws_lb',
  kopsKind: 'NetworkLoadBalancer',
  tagging: elbv2Tagging,
  fields: {
    accessLogs: {
      tf: 'access_logs',
      kind: 'block',
      fields: { bucket: { tf: 'bucket' }, bucketPrefix: { tf: 'prefix' }, enabled: { tf: 'enabled' } },
    },
    enableCrossZoneLoadBalancing: { tf: 'enable_cross_zone_load_balancing' },
    internal: { tf: 'internal', immutable: true },
    ipAddressType: { tf: 'ip_address_type' },
    loadBalancerType: { tf: 'load_balancer_type', immutable: true },
    name: { tf: 'name', immutable: true },
    securityGroups: { tf: 'security_groups' },
    subnetMappings: {
      tf: 'subnet_mapping',
      kind: 'blocks',
      fields: {
        allocationId: { tf: 'allocation_id' },
        privateIpv4Address: { tf: 'private_ipv4_address' },
        subnetId: { tf: 'subnet_id' },
      },
    },
    tags: { tf: 'tags', kind: 'tags' },
  },
  unordered: ['securityGroups', 'subnetMappings'],
  list: (aws, _cluster, declared) =>
    describeNamed(declaredNames(declared), async (Names) => (await aws.elbv2.send(new DescribeLoadBalancersCommand({ Names }))).LoadBalancers),
  async find(aws, spec, ctx) {
    const listed = (ctx.listed as readonly ElbLoadBalancer[] | undefined)?.find((l) => l.LoadBalancerName === spec.name);
    const lb = listed ?? (await orUndefined(aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: [spec.name] }))))?.LoadBalancers?.[0];
    if (!lb?.LoadBalancerArn) return undefined;
    const arn = lb.LoadBalancerArn;
    const attr = attributeReader((await aws.elbv2.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }))).Attributes);
    const crossZone = attr('load_balancing.cross_zone.enabled');
    return {
      id: arn,
      attrs: { arn, dns_name: lb.DNSName, zone_id: lb.CanonicalHostedZoneId, name: lb.LoadBalancerName },
      fields: {
        name: lb.LoadBalancerName,
        internal: lb.Scheme === 'internal',
        loadBalancerType: lb.Type,
        ipAddressType: lb.IpAddressType,
        enableCrossZoneLoadBalancing: crossZone === undefined ? undefined : crossZone === 'true',
        securityGroups: spec.securityGroups === undefined ? undefined : (lb.SecurityGroups ?? []),
        subnetMappings: lb.AvailabilityZones?.map((z) => ({
          subnetId: z.SubnetId!,
          // Not every implementation reports the mapping's address details: unknown unless reported.
          allocationId: z.LoadBalancerAddresses?.[0]?.AllocationId,
          privateIpv4Address: z.LoadBalancerAddresses?.[0]?.PrivateIPv4Address,
        })),
        accessLogs: spec.accessLogs && {
          enabled: attr('access_logs.s3.enabled') === undefined ? undefined : attr('access_logs.s3.enabled') === 'true',
          bucket: attr('access_logs.s3.bucket'),
          bucketPrefix: attr('access_logs.s3.prefix'),
        },
        tags: await elbTags(aws, ctx, arn),
      },
    };
  },
  async create(aws, spec) {
    const out = await aws.elbv2.send(
      new CreateLoadBalancerCommand({
        Name: spec.name,
        Type: spec.loadBalancerType as 'network',
        Scheme: spec.internal ? 'internal' : 'internet-facing',
        IpAddressType: spec.ipAddressType as 'ipv4' | 'dualstack' | undefined,
        SecurityGroups: spec.securityGroups,
        SubnetMappings: spec.subnetMappings.map((m) => ({ SubnetId: m.subnetId, AllocationId: m.allocationId, PrivateIPv4Address: m.privateIpv4Address })),
        Tags: spec.tags ? toAwsTags(spec.tags) : undefined,
      }),
    );
    const lb = out.LoadBalancers![0];
    const attributes = lbAttributes(spec);
    if (attributes.length) await aws.elbv2.send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: lb.LoadBalancerArn, Attributes: attributes }));
    return { id: lb.LoadBalancerArn!, attrs: { arn: lb.LoadBalancerArn, dns_name: lb.DNSName, zone_id: lb.CanonicalHostedZoneId, name: spec.name } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('enableCrossZoneLoadBalancing') || changed.includes('accessLogs')) {
      await aws.elbv2.send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: actual.id, Attributes: lbAttributes(spec) }));
    }
    if (changed.includes('securityGroups')) await aws.elbv2.send(new SetSecurityGroupsCommand({ LoadBalancerArn: actual.id, SecurityGroups: spec.securityGroups }));
    if (changed.includes('subnetMappings')) {
      await aws.elbv2.send(
        new SetSubnetsCommand({ LoadBalancerArn: actual.id, SubnetMappings: spec.subnetMappings.map((m) => ({ SubnetId: m.subnetId, AllocationId: m.allocationId })) }),
      );
    }
  },
  async delete(aws, actual) {
    await aws.elbv2.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: actual.id }));
  },
  discover: discovery({
    kind: 'load-balancer',
    by: 'tags',
    after: [],
    list: async (aws) => withTags(aws, await collect(paginateDescribeLoadBalancers({ client: aws.elbv2 }, {}), (p) => p.LoadBalancers), (l) => l.LoadBalancerArn!),
    async claim(balancers, ctx) {
      for (const { item: lb, arn, tags } of balancers) {
        if (ctx.rules.ownership(tags) === 'owned') continue;
        const subnets = (lb.AvailabilityZones ?? []).map((z) => z.SubnetId).filter((s): s is string => !!s);
        await blockInNetwork(ctx, subnets, lb.VpcId, ctx.rules.foreign('load balancer', lb.LoadBalancerName ?? arn, tags));
      }
      return byOwnership(balancers, ctx, ({ item, arn, tags }) => ({ id: arn, name: item.LoadBalancerName ?? '', tags }));
    },
  }),
});

/** Objects of an ELB API with their tags (DescribeTags takes at most 20 ARNs a call). */
export async function withTags<T>(aws: AwsClients, items: readonly T[], arnOf: (item: T) => string): Promise<{ item: T; arn: string; tags: Tags }[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < items.length; i += 20) chunks.push(items.slice(i, i + 20).map(arnOf));
  const answers = await Promise.all(chunks.map((ResourceArns) => aws.elbv2.send(new DescribeTagsCommand({ ResourceArns }))));
  const tags = new Map(answers.flatMap((a) => a.TagDescriptions ?? []).map((d) => [d.ResourceArn!, fromAwsTags(d.Tags)]));
  return items.map((item) => ({ item, arn: arnOf(item), tags: tags.get(arnOf(item)) ?? {} }));
}

/** A balancer the cluster does not own in one of its subnets, or else in its VPC, stops the deletion. */
export async function blockInNetwork(ctx: DiscoverContext, subnetIds: readonly string[], vpcId: string | undefined, by: string): Promise<void> {
  const [ownedSubnets, ownedVpcs] = await Promise.all([deletedIds(ctx, 'subnet'), deletedIds(ctx, 'vpc')]);
  const blockedId = subnetIds.find((s) => ownedSubnets.has(s)) ?? (ownedVpcs.has(vpcId ?? '') ? vpcId : undefined);
  if (blockedId) ctx.block({ blockedId, by, hint: ctx.rules.notOurs('delete it') });
}

export interface TargetGroupSpec {
  /** Set for an existing target group given by ARN. */
  arn?: string;
  name: string;
  port: number;
  protocol: string;
  vpcId: Val<string>;
  connectionTermination?: boolean;
  /** Seconds; the Terraform provider takes it as a string. */
  deregistrationDelay?: string;
  healthCheck: { healthyThreshold: number; interval: number; path?: string; protocol: string; unhealthyThreshold: number; port?: string };
  tags?: Record<string, string>;
}

export const TargetGroup = awsResource<TargetGroupSpec>({
  type: 'aws_lb_target_group',
  kopsKind: 'TargetGroup',
  tagging: elbv2Tagging,
  fields: {
    connectionTermination: { tf: 'connection_termination', tfString: true },
    deregistrationDelay: { tf: 'deregistration_delay' },
    healthCheck: {
      tf: 'health_check',
      kind: 'block',
      fields: {
        healthyThreshold: { tf: 'healthy_threshold' },
        interval: { tf: 'interval' },
        path: { tf: 'path' },
        port: { tf: 'port' },
        protocol: { tf: 'protocol' },
        unhealthyThreshold: { tf: 'unhealthy_threshold' },
      },
    },
    name: { tf: 'name', immutable: true },
    port: { tf: 'port', immutable: true },
    protocol: { tf: 'protocol', immutable: true },
    tags: { tf: 'tags', kind: 'tags' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
  // Target groups given by ARN (not kops's own) are described on their own.
  list: (aws, _cluster, declared) =>
    describeNamed(
      declaredNames(declared.filter((t) => !(t.spec as { arn?: unknown }).arn)),
      async (Names) => (await aws.elbv2.send(new DescribeTargetGroupsCommand({ Names }))).TargetGroups,
    ),
  async find(aws, spec, ctx) {
    const listed = spec.arn ? undefined : (ctx.listed as readonly ElbTargetGroup[] | undefined)?.find((t) => t.TargetGroupName === spec.name);
    const described = async () => (await orUndefined(aws.elbv2.send(new DescribeTargetGroupsCommand(spec.arn ? { TargetGroupArns: [spec.arn] } : { Names: [spec.name] }))))?.TargetGroups?.[0];
    const tg: ElbTargetGroup | undefined = listed ?? (await described());
    if (!tg?.TargetGroupArn) return undefined;
    const arn = tg.TargetGroupArn;
    const attr = attributeReader((await aws.elbv2.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: arn }))).Attributes);
    const termination = attr('deregistration_delay.connection_termination.enabled');
    return {
      id: arn,
      attrs: targetGroupAttrs(arn, tg.TargetGroupName),
      fields: {
        name: tg.TargetGroupName,
        port: tg.Port,
        protocol: tg.Protocol,
        vpcId: tg.VpcId,
        deregistrationDelay: attr('deregistration_delay.timeout_seconds'),
        connectionTermination: termination === undefined ? undefined : termination === 'true',
        healthCheck: {
          healthyThreshold: tg.HealthyThresholdCount,
          unhealthyThreshold: tg.UnhealthyThresholdCount,
          interval: tg.HealthCheckIntervalSeconds,
          protocol: tg.HealthCheckProtocol,
          path: tg.HealthCheckPath,
          port: tg.HealthCheckPort,
        },
        tags: await elbTags(aws, ctx, arn),
      },
    };
  },
  async create(aws, spec) {
    const out = await aws.elbv2.send(
      new CreateTargetGroupCommand({
        Name: spec.name,
        Port: spec.port,
        Protocol: spec.protocol as ProtocolEnum,
        VpcId: spec.vpcId,
        ...healthCheckSettings(spec.healthCheck),
        Tags: spec.tags ? toAwsTags(spec.tags) : undefined,
      }),
    );
    const arn = out.TargetGroups![0].TargetGroupArn!;
    const attributes = tgAttributes(spec);
    if (attributes.length) await aws.elbv2.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: arn, Attributes: attributes }));
    return { id: arn, attrs: targetGroupAttrs(arn, spec.name) };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('healthCheck')) {
      await aws.elbv2.send(new ModifyTargetGroupCommand({ TargetGroupArn: actual.id, ...healthCheckSettings(spec.healthCheck) }));
    }
    if (changed.includes('deregistrationDelay') || changed.includes('connectionTermination')) {
      await aws.elbv2.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: actual.id, Attributes: tgAttributes(spec) }));
    }
  },
  async delete(aws, actual) {
    await aws.elbv2.send(new DeleteTargetGroupCommand({ TargetGroupArn: actual.id }));
  },
  discover: discovery({
    kind: 'target-group',
    by: 'tags',
    after: ['load-balancer', 'autoscaling-group'],
    list: async (aws) => withTags(aws, await collect(paginateDescribeTargetGroups({ client: aws.elbv2 }, {}), (p) => p.TargetGroups), (t) => t.TargetGroupArn!),
    claim: (groups, ctx) => byOwnership(groups, ctx, ({ item, arn, tags }) => ({ id: arn, name: item.TargetGroupName ?? '', tags })),
  }),
});

export interface ListenerSpec {
  loadBalancerArn: Val<string>;
  port: number;
  protocol: string;
  certificateArn?: string;
  sslPolicy?: string;
  defaultAction: { targetGroupArn: Val<string>; type: string };
}

export const Listener = awsResource<ListenerSpec>({
  type: 'aws_lb_listener',
  kopsKind: 'NetworkLoadBalancerListener',
  fields: {
    certificateArn: { tf: 'certificate_arn' },
    defaultAction: {
      tf: 'default_action',
      kind: 'block',
      fields: { targetGroupArn: { tf: 'target_group_arn' }, type: { tf: 'type' } },
    },
    loadBalancerArn: { tf: 'load_balancer_arn', immutable: true },
    port: { tf: 'port', immutable: true },
    protocol: { tf: 'protocol' },
    sslPolicy: { tf: 'ssl_policy' },
  },
  async find(aws, spec) {
    const out = await orUndefined(aws.elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: spec.loadBalancerArn })));
    const listener = out?.Listeners?.find((l) => l.Port === spec.port);
    if (!listener?.ListenerArn) return undefined;
    const action = listener.DefaultActions?.[0];
    return {
      id: listener.ListenerArn,
      attrs: { arn: listener.ListenerArn },
      fields: {
        loadBalancerArn: listener.LoadBalancerArn,
        port: listener.Port,
        protocol: listener.Protocol,
        certificateArn: spec.certificateArn === undefined ? undefined : (listener.Certificates?.[0]?.CertificateArn ?? ''),
        sslPolicy: spec.sslPolicy === undefined ? undefined : (listener.SslPolicy ?? ''),
        defaultAction: action && { targetGroupArn: action.TargetGroupArn ?? '', type: action.Type },
      },
    };
  },
  async create(aws, spec) {
    const out = await aws.elbv2.send(
      new CreateListenerCommand({
        LoadBalancerArn: spec.loadBalancerArn,
        Port: spec.port,
        Protocol: spec.protocol as ProtocolEnum,
        Certificates: spec.certificateArn ? [{ CertificateArn: spec.certificateArn }] : undefined,
        SslPolicy: spec.sslPolicy,
        DefaultActions: [defaultAction(spec.defaultAction)],
      }),
    );
    const arn = out.Listeners![0].ListenerArn!;
    return { id: arn, attrs: { arn } };
  },
  async update(aws, actual, spec) {
    await aws.elbv2.send(
      new ModifyListenerCommand({
        ListenerArn: actual.id,
        Protocol: spec.protocol as ProtocolEnum,
        Certificates: spec.certificateArn ? [{ CertificateArn: spec.certificateArn }] : undefined,
        SslPolicy: spec.sslPolicy,
        DefaultActions: [defaultAction(spec.defaultAction)],
      }),
    );
  },
  async delete(aws, actual) {
    await aws.elbv2.send(new DeleteListenerCommand({ ListenerArn: actual.id }));
  },
});

/** The names of declared tasks (a name that is a reference is left to the task's own describe). */
function declaredNames(declared: readonly Task[]): string[] {
  return [...new Set(declared.map((t) => (t.spec as { name?: unknown }).name).filter((n): n is string => typeof n === 'string'))].sort();
}

/**
 * The objects of the run's declared names, described 20 names a call. A name that does not exist fails the whole
 * call: then there is no listing and each find describes its own object (a first apply, where none exist yet).
 */
async function describeNamed<T>(names: string[], describe: (names: string[]) => Promise<T[] | undefined>): Promise<T[] | undefined> {
  if (names.length === 0) return undefined;
  const out: T[] = [];
  for (let i = 0; i < names.length; i += 20) {
    const page = await orUndefined(describe(names.slice(i, i + 20)));
    if (!page) return undefined;
    out.push(...page);
  }
  return out;
}

/**
 * An object's tags. The load balancers and target groups of the run's listings have theirs read together (a describe
 * takes 20 ARNs), once for the run; any other object is read on its own.
 */
async function elbTags(aws: AwsClients, ctx: FindContext, arn: string): Promise<Tags> {
  const cluster = clusterOf(ctx.task.spec.tags as Tags | undefined);
  const listed = cluster === undefined ? undefined : await listedTags(aws, ctx.session, cluster);
  return listed?.get(arn) ?? describeTags(aws, [arn]).then((tags) => tags.get(arn) ?? {});
}

function listedTags(aws: AwsClients, session: RunSession, cluster: string): Promise<Map<string, Tags>> {
  return session.memo('elbv2-tags', async () => {
    const [lbs, tgs] = await Promise.all([LoadBalancer.listing(aws, session, cluster), TargetGroup.listing(aws, session, cluster)]);
    const arns = [
      ...((lbs ?? []) as ElbLoadBalancer[]).map((l) => l.LoadBalancerArn),
      ...((tgs ?? []) as ElbTargetGroup[]).map((t) => t.TargetGroupArn),
    ].filter((a): a is string => Boolean(a));
    return describeTags(aws, arns);
  });
}

async function describeTags(aws: AwsClients, arns: string[]): Promise<Map<string, Tags>> {
  return new Map((await withTags(aws, arns, (arn) => arn)).map(({ arn, tags }) => [arn, tags]));
}

type LbSpec = Resolved<LoadBalancerSpec>;

function lbAttributes(spec: LbSpec) {
  const attrs: { Key: string; Value: string }[] = [];
  if (spec.enableCrossZoneLoadBalancing !== undefined) attrs.push({ Key: 'load_balancing.cross_zone.enabled', Value: String(spec.enableCrossZoneLoadBalancing) });
  if (spec.accessLogs) {
    attrs.push({ Key: 'access_logs.s3.enabled', Value: String(spec.accessLogs.enabled) });
    attrs.push({ Key: 'access_logs.s3.bucket', Value: spec.accessLogs.bucket });
    if (spec.accessLogs.bucketPrefix !== undefined) attrs.push({ Key: 'access_logs.s3.prefix', Value: spec.accessLogs.bucketPrefix });
  }
  return attrs;
}

type TgSpec = Resolved<TargetGroupSpec>;

function tgAttributes(spec: TgSpec) {
  const attrs: { Key: string; Value: string }[] = [];
  if (spec.deregistrationDelay !== undefined) attrs.push({ Key: 'deregistration_delay.timeout_seconds', Value: String(spec.deregistrationDelay) });
  if (spec.connectionTermination !== undefined) attrs.push({ Key: 'deregistration_delay.connection_termination.enabled', Value: String(spec.connectionTermination) });
  return attrs;
}

/** The health-check parameters of CreateTargetGroup and ModifyTargetGroup, from the declared health check. */
function healthCheckSettings(h: TgSpec['healthCheck']) {
  return {
    HealthCheckProtocol: h.protocol as ProtocolEnum,
    HealthCheckPath: h.path,
    HealthCheckPort: h.port,
    HealthCheckIntervalSeconds: h.interval,
    HealthyThresholdCount: h.healthyThreshold,
    UnhealthyThresholdCount: h.unhealthyThreshold,
  };
}

/** What other tasks read of a target group (Terraform's attribute names). */
function targetGroupAttrs(arn: string, name: string | undefined) {
  return { arn, name, arn_suffix: arn.split(':').pop() };
}

/** Looks a value up by key in the attribute list a Describe*Attributes answers with. */
function attributeReader(attributes: readonly { Key?: string; Value?: string }[] | undefined): (key: string) => string | undefined {
  return (key) => attributes?.find((a) => a.Key === key)?.Value;
}

function defaultAction(a: { targetGroupArn: string; type: string }): Action {
  return { Type: a.type as 'forward', TargetGroupArn: a.targetGroupArn };
}
