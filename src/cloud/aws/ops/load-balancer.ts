import {
  AddTagsCommand,
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
  type Action,
  type ProtocolEnum,
  type TargetGroup as ElbTargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsClients } from '../clients.js';
import { Listener, LoadBalancer, TargetGroup } from '../resources/index.js';
import type { LoadBalancerSpec, TargetGroupSpec } from '../resources/load-balancer.js';
import { fromAwsTags, tagsToWrite, toAwsTags, type Tags } from '../tags.js';
import { awsOps, orUndefined, type Resolved } from './common.js';

async function elbTags(aws: AwsClients, arn: string): Promise<Tags> {
  const out = await aws.elbv2.send(new DescribeTagsCommand({ ResourceArns: [arn] }));
  return fromAwsTags(out.TagDescriptions?.[0]?.Tags);
}

async function addElbTags(aws: AwsClients, arn: string, desired: Tags | undefined, actual: Tags | undefined): Promise<void> {
  const tags = tagsToWrite(desired, actual);
  if (Object.keys(tags).length > 0) await aws.elbv2.send(new AddTagsCommand({ ResourceArns: [arn], Tags: toAwsTags(tags) }));
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

export const loadBalancerOps = awsOps(LoadBalancer, {
  unordered: ['securityGroups', 'subnetMappings'],
  async find(aws, spec) {
    const out = await orUndefined(aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: [spec.name] })));
    const lb = out?.LoadBalancers?.[0];
    if (!lb?.LoadBalancerArn) return undefined;
    const arn = lb.LoadBalancerArn;
    const attributes = (await aws.elbv2.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }))).Attributes ?? [];
    const attr = (key: string) => attributes.find((a) => a.Key === key)?.Value;
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
        tags: await elbTags(aws, arn),
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
    if (changed.includes('tags')) await addElbTags(aws, actual.id, spec.tags, actual.fields.tags as Tags);
  },
  async delete(aws, actual) {
    await aws.elbv2.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: actual.id }));
  },
});

type TgSpec = Resolved<TargetGroupSpec>;

function tgAttributes(spec: TgSpec) {
  const attrs: { Key: string; Value: string }[] = [];
  if (spec.deregistrationDelay !== undefined) attrs.push({ Key: 'deregistration_delay.timeout_seconds', Value: String(spec.deregistrationDelay) });
  if (spec.connectionTermination !== undefined) attrs.push({ Key: 'deregistration_delay.connection_termination.enabled', Value: String(spec.connectionTermination) });
  return attrs;
}

export const targetGroupOps = awsOps(TargetGroup, {
  async find(aws, spec) {
    const out = await orUndefined(aws.elbv2.send(new DescribeTargetGroupsCommand(spec.arn ? { TargetGroupArns: [spec.arn] } : { Names: [spec.name] })));
    const tg: ElbTargetGroup | undefined = out?.TargetGroups?.[0];
    if (!tg?.TargetGroupArn) return undefined;
    const arn = tg.TargetGroupArn;
    const attributes = (await aws.elbv2.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: arn }))).Attributes ?? [];
    const attr = (key: string) => attributes.find((a) => a.Key === key)?.Value;
    const termination = attr('deregistration_delay.connection_termination.enabled');
    return {
      id: arn,
      attrs: { arn, name: tg.TargetGroupName, arn_suffix: arn.split(':').pop() },
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
        tags: await elbTags(aws, arn),
      },
    };
  },
  async create(aws, spec) {
    const h = spec.healthCheck;
    const out = await aws.elbv2.send(
      new CreateTargetGroupCommand({
        Name: spec.name,
        Port: spec.port,
        Protocol: spec.protocol as ProtocolEnum,
        VpcId: spec.vpcId,
        HealthCheckProtocol: h.protocol as ProtocolEnum,
        HealthCheckPath: h.path,
        HealthCheckPort: h.port,
        HealthCheckIntervalSeconds: h.interval,
        HealthyThresholdCount: h.healthyThreshold,
        UnhealthyThresholdCount: h.unhealthyThreshold,
        Tags: spec.tags ? toAwsTags(spec.tags) : undefined,
      }),
    );
    const arn = out.TargetGroups![0].TargetGroupArn!;
    const attributes = tgAttributes(spec);
    if (attributes.length) await aws.elbv2.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: arn, Attributes: attributes }));
    return { id: arn, attrs: { arn, name: spec.name, arn_suffix: arn.split(':').pop() } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('healthCheck')) {
      const h = spec.healthCheck;
      await aws.elbv2.send(
        new ModifyTargetGroupCommand({
          TargetGroupArn: actual.id,
          HealthCheckProtocol: h.protocol as ProtocolEnum,
          HealthCheckPath: h.path,
          HealthCheckPort: h.port,
          HealthCheckIntervalSeconds: h.interval,
          HealthyThresholdCount: h.healthyThreshold,
          UnhealthyThresholdCount: h.unhealthyThreshold,
        }),
      );
    }
    if (changed.includes('deregistrationDelay') || changed.includes('connectionTermination')) {
      await aws.elbv2.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: actual.id, Attributes: tgAttributes(spec) }));
    }
    if (changed.includes('tags')) await addElbTags(aws, actual.id, spec.tags, actual.fields.tags as Tags);
  },
  async delete(aws, actual) {
    await aws.elbv2.send(new DeleteTargetGroupCommand({ TargetGroupArn: actual.id }));
  },
});

export const listenerOps = awsOps(Listener, {
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

function defaultAction(a: { targetGroupArn: string; type: string }): Action {
  return { Type: a.type as 'forward', TargetGroupArn: a.targetGroupArn };
}
