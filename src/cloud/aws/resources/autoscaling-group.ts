import {
  AttachLoadBalancerTargetGroupsCommand,
  AttachLoadBalancersCommand,
  CreateAutoScalingGroupCommand,
  DeleteAutoScalingGroupCommand,
  DeleteLifecycleHookCommand,
  DeleteWarmPoolCommand,
  DescribeAutoScalingGroupsCommand,
  DescribeLifecycleHooksCommand,
  DescribeWarmPoolCommand,
  DetachLoadBalancerTargetGroupsCommand,
  DetachLoadBalancersCommand,
  DisableMetricsCollectionCommand,
  EnableMetricsCollectionCommand,
  PutLifecycleHookCommand,
  PutWarmPoolCommand,
  ResumeProcessesCommand,
  SuspendProcessesCommand,
  UpdateAutoScalingGroupCommand,
  paginateDescribeAutoScalingGroups,
  type AutoScalingGroup as AsgDescription,
  type LaunchTemplateOverrides,
  type MixedInstancesPolicy as AwsMixedInstancesPolicy,
} from '@aws-sdk/client-auto-scaling';
import type { AwsClients } from '../clients.js';
import { autoscalingTagging, asgTags } from '../tagging.js';
import { fromAwsTags, type Tags } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, clusterFilter, collect, orUndefined, type Resolved } from './common.js';
import { byOwnership, discovery } from './discovery.js';

export interface LaunchTemplateRef {
  id: Val<string>;
  version: Val<string>;
}

export interface MixedInstancesPolicy {
  instancesDistribution: {
    onDemandAllocationStrategy?: string;
    onDemandBaseCapacity?: number;
    onDemandPercentageAboveBaseCapacity?: number;
    spotAllocationStrategy?: string;
    spotInstancePools?: number;
    spotMaxPrice?: string;
  };
  launchTemplate: {
    launchTemplateSpecification: { launchTemplateId: Val<string>; version: Val<string> };
    override: { instanceType: string }[];
    /** Instance types chosen by their attributes (an attribute-based override). Not rendered to Terraform, as kops. */
    instanceRequirements?: InstanceRequirements | null;
  };
}

export interface InstanceRequirements {
  vCpuCount: { min?: number; max?: number };
  memoryMiB: { min?: number; max?: number };
  excludedInstanceTypes?: string[];
}

export interface AutoscalingGroupSpec {
  name: string;
  minSize: number;
  maxSize: number;
  maxInstanceLifetime?: number;
  enabledMetrics?: string[];
  metricsGranularity?: string;
  protectFromScaleIn?: boolean;
  launchTemplate?: LaunchTemplateRef;
  mixedInstancesPolicy?: MixedInstancesPolicy;
  vpcZoneIdentifier: Val<string>[];
  targetGroupArns?: Val<string>[];
  loadBalancers?: Val<string>[];
  suspendedProcesses?: string[];
  capacityRebalance?: boolean;
  instanceProtection?: boolean;
  warmPool?: { minSize: number; maxGroupPreparedCapacity?: number; instanceReusePolicy?: { reuseOnScaleIn: boolean } };
  tags: Record<string, string>;
}

export const AutoscalingGroup = awsResource<AutoscalingGroupSpec>({
  type: 'aws_autoscaling_group',
  kopsKind: 'AutoscalingGroup',
  tagging: autoscalingTagging,
  fields: {
    capacityRebalance: { tf: 'capacity_rebalance' },
    enabledMetrics: { tf: 'enabled_metrics' },
    launchTemplate: { tf: 'launch_template', kind: 'block', fields: { id: { tf: 'id' }, version: { tf: 'version' } } },
    loadBalancers: { tf: 'load_balancers' },
    maxInstanceLifetime: { tf: 'max_instance_lifetime' },
    maxSize: { tf: 'max_size' },
    metricsGranularity: { tf: 'metrics_granularity' },
    minSize: { tf: 'min_size' },
    mixedInstancesPolicy: {
      tf: 'mixed_instances_policy',
      kind: 'block',
      fields: {
        instancesDistribution: {
          tf: 'instances_distribution',
          kind: 'block',
          fields: {
            onDemandAllocationStrategy: { tf: 'on_demand_allocation_strategy' },
            onDemandBaseCapacity: { tf: 'on_demand_base_capacity' },
            onDemandPercentageAboveBaseCapacity: { tf: 'on_demand_percentage_above_base_capacity' },
            spotAllocationStrategy: { tf: 'spot_allocation_strategy' },
            spotInstancePools: { tf: 'spot_instance_pools' },
            spotMaxPrice: { tf: 'spot_max_price' },
          },
        },
        launchTemplate: {
          tf: 'launch_template',
          kind: 'block',
          fields: {
            launchTemplateSpecification: {
              tf: 'launch_template_specification',
              kind: 'block',
              fields: { launchTemplateId: { tf: 'launch_template_id' }, version: { tf: 'version' } },
            },
            override: { tf: 'override', kind: 'blocks', fields: { instanceType: { tf: 'instance_type' } } },
            instanceRequirements: {
              tf: 'instance_requirements',
              kind: 'block',
              notInTerraform: true,
              fields: {
                vCpuCount: { tf: 'vcpu_count', kind: 'block', fields: { min: { tf: 'min' }, max: { tf: 'max' } } },
                memoryMiB: { tf: 'memory_mib', kind: 'block', fields: { min: { tf: 'min' }, max: { tf: 'max' } } },
                excludedInstanceTypes: { tf: 'excluded_instance_types' },
              },
            },
          },
        },
      },
    },
    name: { tf: 'name', immutable: true },
    protectFromScaleIn: { tf: 'protect_from_scale_in' },
    suspendedProcesses: { tf: 'suspended_processes' },
    tags: { tf: 'tag', kind: 'tagBlocks' },
    targetGroupArns: { tf: 'target_group_arns' },
    vpcZoneIdentifier: { tf: 'vpc_zone_identifier' },
    warmPool: {
      tf: 'warm_pool',
      kind: 'block',
      fields: {
        instanceReusePolicy: { tf: 'instance_reuse_policy', kind: 'block', fields: { reuseOnScaleIn: { tf: 'reuse_on_scale_in' } } },
        maxGroupPreparedCapacity: { tf: 'max_group_prepared_capacity' },
        minSize: { tf: 'min_size' },
      },
    },
  },
  unordered: ['vpcZoneIdentifier', 'targetGroupArns', 'loadBalancers', 'enabledMetrics', 'suspendedProcesses'],
  list: async (aws, cluster) =>
    (await collect(paginateDescribeAutoScalingGroups({ client: aws.autoScaling }, { Filters: clusterFilter(cluster) }), (p) => p.AutoScalingGroups)).filter(
      (g) => g.Status !== 'Delete in progress',
    ),
  async find(aws, spec, ctx) {
    // Groups are tagged in the call that creates them, so the run's cluster listing, when there is one, is complete.
    const listing = ctx.listed as readonly AsgDescription[] | undefined;
    const g = listing ? listing.find((group) => group.AutoScalingGroupName === spec.name) : await describeGroup(aws, spec.name);
    if (!g?.AutoScalingGroupName) return undefined;
    const warmPool = spec.warmPool ? (await aws.autoScaling.send(new DescribeWarmPoolCommand({ AutoScalingGroupName: spec.name }))).WarmPoolConfiguration : undefined;
    return {
      id: g.AutoScalingGroupName,
      attrs: { arn: g.AutoScalingGroupARN, name: g.AutoScalingGroupName },
      fields: {
        name: g.AutoScalingGroupName,
        minSize: g.MinSize,
        maxSize: g.MaxSize,
        // A group runs either a launch template or a mixed instances policy: the one it lacks is reported as absent
        // (null, not unknown), so that moving from one to the other is a change.
        launchTemplate: g.LaunchTemplate ? { id: g.LaunchTemplate.LaunchTemplateId ?? '', version: g.LaunchTemplate.Version ?? '' } : null,
        mixedInstancesPolicy: reportedMixedInstancesPolicy(g.MixedInstancesPolicy) ?? null,
        vpcZoneIdentifier: g.VPCZoneIdentifier ? g.VPCZoneIdentifier.split(',').filter(Boolean) : [],
        targetGroupArns: g.TargetGroupARNs ?? [],
        loadBalancers: g.LoadBalancerNames ?? [],
        maxInstanceLifetime: g.MaxInstanceLifetime,
        capacityRebalance: g.CapacityRebalance,
        protectFromScaleIn: g.NewInstancesProtectedFromScaleIn,
        enabledMetrics: g.EnabledMetrics?.map((m) => m.Metric!) ?? [],
        metricsGranularity: g.EnabledMetrics?.length ? g.EnabledMetrics[0].Granularity : undefined,
        suspendedProcesses: g.SuspendedProcesses?.map((p) => p.ProcessName!) ?? [],
        warmPool: spec.warmPool && {
          minSize: warmPool?.MinSize ?? -1,
          maxGroupPreparedCapacity: warmPool?.MaxGroupPreparedCapacity,
          instanceReusePolicy: warmPool?.InstanceReusePolicy && { reuseOnScaleIn: warmPool.InstanceReusePolicy.ReuseOnScaleIn ?? false },
        },
        tags: Object.fromEntries((g.Tags ?? []).map((t) => [t.Key!, t.Value ?? ''])),
      },
    };
  },
  async create(aws, spec) {
    await aws.autoScaling.send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: spec.name,
        ...groupSettings(spec),
        TargetGroupARNs: spec.targetGroupArns?.length ? spec.targetGroupArns : undefined,
        LoadBalancerNames: spec.loadBalancers?.length ? spec.loadBalancers : undefined,
        Tags: asgTags(spec.name, spec.tags ?? {}),
      }),
    );
    if (spec.enabledMetrics?.length) {
      await aws.autoScaling.send(new EnableMetricsCollectionCommand({ AutoScalingGroupName: spec.name, Granularity: spec.metricsGranularity ?? '1Minute', Metrics: spec.enabledMetrics }));
    }
    if (spec.suspendedProcesses?.length) await aws.autoScaling.send(new SuspendProcessesCommand({ AutoScalingGroupName: spec.name, ScalingProcesses: spec.suspendedProcesses }));
    if (spec.warmPool) await putWarmPool(aws, spec);
    return { id: spec.name, attrs: { name: spec.name } };
  },
  async update(aws, actual, spec, changed) {
    const name = actual.id;
    if (changed.some((f) => GROUP_SETTINGS.includes(f))) await aws.autoScaling.send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: name, ...groupSettings(spec) }));
    if (changed.includes('targetGroupArns')) {
      const { add, remove } = setChange(actual.fields.targetGroupArns as string[], spec.targetGroupArns ?? []);
      if (add.length) await aws.autoScaling.send(new AttachLoadBalancerTargetGroupsCommand({ AutoScalingGroupName: name, TargetGroupARNs: add }));
      if (remove.length) await aws.autoScaling.send(new DetachLoadBalancerTargetGroupsCommand({ AutoScalingGroupName: name, TargetGroupARNs: remove }));
    }
    if (changed.includes('loadBalancers')) {
      const { add, remove } = setChange(actual.fields.loadBalancers as string[], spec.loadBalancers ?? []);
      if (add.length) await aws.autoScaling.send(new AttachLoadBalancersCommand({ AutoScalingGroupName: name, LoadBalancerNames: add }));
      if (remove.length) await aws.autoScaling.send(new DetachLoadBalancersCommand({ AutoScalingGroupName: name, LoadBalancerNames: remove }));
    }
    if (changed.includes('enabledMetrics') || changed.includes('metricsGranularity')) {
      const { remove } = setChange(actual.fields.enabledMetrics as string[], spec.enabledMetrics ?? []);
      if (remove.length) await aws.autoScaling.send(new DisableMetricsCollectionCommand({ AutoScalingGroupName: name, Metrics: remove }));
      if (spec.enabledMetrics?.length) {
        await aws.autoScaling.send(new EnableMetricsCollectionCommand({ AutoScalingGroupName: name, Granularity: spec.metricsGranularity ?? '1Minute', Metrics: spec.enabledMetrics }));
      }
    }
    if (changed.includes('suspendedProcesses')) {
      const { add, remove } = setChange(actual.fields.suspendedProcesses as string[], spec.suspendedProcesses ?? []);
      if (add.length) await aws.autoScaling.send(new SuspendProcessesCommand({ AutoScalingGroupName: name, ScalingProcesses: add }));
      if (remove.length) await aws.autoScaling.send(new ResumeProcessesCommand({ AutoScalingGroupName: name, ScalingProcesses: remove }));
    }
    if (changed.includes('warmPool')) {
      if (spec.warmPool) await putWarmPool(aws, spec);
      else await aws.autoScaling.send(new DeleteWarmPoolCommand({ AutoScalingGroupName: name, ForceDelete: true }));
    }
  },
  async delete(aws, actual) {
    // Its members are terminated with it; what uses the subnets and groups they leave is retried until they are gone.
    await aws.autoScaling.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: actual.id, ForceDelete: true }));
  },
  discover: discovery<AsgDescription>({
    kind: 'autoscaling-group',
    by: 'tags',
    after: [],
    claim: (groups, ctx) => byOwnership(groups, ctx, (g) => ({ id: g.AutoScalingGroupName, name: fromAwsTags(g.Tags).Name ?? g.AutoScalingGroupName, tags: fromAwsTags(g.Tags) })),
  }),
});

export interface LifecycleHookSpec {
  name: string;
  autoscalingGroupName: Val<string>;
  defaultResult: string;
  heartbeatTimeout: number;
  lifecycleTransition: string;
}

export const AutoscalingLifecycleHook = awsResource<LifecycleHookSpec>({
  type: 'aws_autoscaling_lifecycle_hook',
  kopsKind: 'AutoscalingLifecycleHook',
  fields: {
    autoscalingGroupName: { tf: 'autoscaling_group_name', immutable: true },
    defaultResult: { tf: 'default_result' },
    heartbeatTimeout: { tf: 'heartbeat_timeout' },
    lifecycleTransition: { tf: 'lifecycle_transition' },
    name: { tf: 'name', immutable: true },
  },
  async find(aws, spec, ctx) {
    // A group missing from the run's cluster listing is new this run: it has no hooks yet.
    const groups = (await ctx.listingOf('aws_autoscaling_group')) as readonly AsgDescription[] | undefined;
    if (groups && !groups.some((g) => g.AutoScalingGroupName === spec.autoscalingGroupName)) return undefined;
    const out = await orUndefined(aws.autoScaling.send(new DescribeLifecycleHooksCommand({ AutoScalingGroupName: spec.autoscalingGroupName, LifecycleHookNames: [spec.name] })));
    const hook = out?.LifecycleHooks?.find((h) => h.LifecycleHookName === spec.name);
    if (!hook) return undefined;
    return {
      id: spec.name,
      attrs: { autoscalingGroupName: spec.autoscalingGroupName },
      fields: {
        name: hook.LifecycleHookName,
        autoscalingGroupName: hook.AutoScalingGroupName,
        defaultResult: hook.DefaultResult,
        heartbeatTimeout: hook.HeartbeatTimeout,
        lifecycleTransition: hook.LifecycleTransition,
      },
    };
  },
  async create(aws, spec) {
    await putHook(aws, spec);
    return { id: spec.name, attrs: { autoscalingGroupName: spec.autoscalingGroupName } };
  },
  async update(aws, _actual, spec) {
    await putHook(aws, spec);
  },
  async delete(aws, actual) {
    await aws.autoScaling.send(new DeleteLifecycleHookCommand({ LifecycleHookName: actual.id, AutoScalingGroupName: actual.attrs?.autoscalingGroupName as string }));
  },
});

type AsgSpec = Resolved<AutoscalingGroupSpec>;

async function describeGroup(aws: AwsClients, name: string): Promise<AsgDescription | undefined> {
  const out = await orUndefined(aws.autoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name] })));
  return out?.AutoScalingGroups?.find((g) => g.Status !== 'Delete in progress');
}

function mixedInstancesPolicy(spec: AsgSpec): AwsMixedInstancesPolicy | undefined {
  const m = spec.mixedInstancesPolicy;
  if (!m) return undefined;
  const d = m.instancesDistribution;
  return {
    InstancesDistribution: {
      OnDemandAllocationStrategy: d.onDemandAllocationStrategy,
      OnDemandBaseCapacity: d.onDemandBaseCapacity,
      OnDemandPercentageAboveBaseCapacity: d.onDemandPercentageAboveBaseCapacity,
      SpotAllocationStrategy: d.spotAllocationStrategy,
      SpotInstancePools: d.spotInstancePools,
      SpotMaxPrice: d.spotMaxPrice,
    },
    LaunchTemplate: {
      LaunchTemplateSpecification: {
        LaunchTemplateId: m.launchTemplate.launchTemplateSpecification.launchTemplateId,
        Version: m.launchTemplate.launchTemplateSpecification.version,
      },
      Overrides: [...m.launchTemplate.override.map((o) => ({ InstanceType: o.instanceType })), ...requirementsOverride(m.launchTemplate.instanceRequirements)],
    },
  };
}

/** The attribute-based override kops adds after the instance types: burstable types included, as kops asks. */
function requirementsOverride(r: InstanceRequirements | null | undefined): LaunchTemplateOverrides[] {
  if (!r) return [];
  return [
    {
      InstanceRequirements: {
        VCpuCount: { Min: r.vCpuCount.min, Max: r.vCpuCount.max },
        MemoryMiB: { Min: r.memoryMiB.min, Max: r.memoryMiB.max },
        BurstablePerformance: 'included',
        ExcludedInstanceTypes: r.excludedInstanceTypes?.length ? r.excludedInstanceTypes : undefined,
      },
    },
  ];
}

/** The group's attribute-based override; null when it has none (known absent, so that adding one is a change). */
function reportedRequirements(overrides: readonly LaunchTemplateOverrides[]): InstanceRequirements | null {
  const r = overrides.find((o) => o.InstanceRequirements)?.InstanceRequirements;
  if (!r) return null;
  const reported: InstanceRequirements = {
    vCpuCount: { min: r.VCpuCount?.Min, max: r.VCpuCount?.Max },
    memoryMiB: { min: r.MemoryMiB?.Min, max: r.MemoryMiB?.Max },
  };
  if (r.ExcludedInstanceTypes?.length) reported.excludedInstanceTypes = r.ExcludedInstanceTypes;
  return reported;
}

function reportedMixedInstancesPolicy(m: AwsMixedInstancesPolicy | undefined): AsgSpec['mixedInstancesPolicy'] {
  if (!m) return undefined;
  const d = m.InstancesDistribution ?? {};
  return {
    instancesDistribution: {
      onDemandAllocationStrategy: d.OnDemandAllocationStrategy,
      onDemandBaseCapacity: d.OnDemandBaseCapacity,
      onDemandPercentageAboveBaseCapacity: d.OnDemandPercentageAboveBaseCapacity,
      spotAllocationStrategy: d.SpotAllocationStrategy,
      spotInstancePools: d.SpotInstancePools,
      spotMaxPrice: d.SpotMaxPrice,
    },
    launchTemplate: {
      launchTemplateSpecification: {
        launchTemplateId: m.LaunchTemplate?.LaunchTemplateSpecification?.LaunchTemplateId ?? '',
        version: m.LaunchTemplate?.LaunchTemplateSpecification?.Version ?? '',
      },
      override: (m.LaunchTemplate?.Overrides ?? []).filter((o) => o.InstanceType !== undefined).map((o) => ({ instanceType: o.InstanceType ?? '' })),
      instanceRequirements: reportedRequirements(m.LaunchTemplate?.Overrides ?? []),
    },
  };
}

/** The group settings UpdateAutoScalingGroup takes. */
function groupSettings(spec: AsgSpec) {
  return {
    MinSize: spec.minSize,
    MaxSize: spec.maxSize,
    LaunchTemplate: spec.launchTemplate && { LaunchTemplateId: spec.launchTemplate.id, Version: spec.launchTemplate.version },
    MixedInstancesPolicy: mixedInstancesPolicy(spec),
    VPCZoneIdentifier: spec.vpcZoneIdentifier?.join(','),
    MaxInstanceLifetime: spec.maxInstanceLifetime || undefined,
    CapacityRebalance: spec.capacityRebalance,
    NewInstancesProtectedFromScaleIn: spec.protectFromScaleIn,
  };
}

const GROUP_SETTINGS = ['minSize', 'maxSize', 'launchTemplate', 'mixedInstancesPolicy', 'vpcZoneIdentifier', 'maxInstanceLifetime', 'capacityRebalance', 'protectFromScaleIn'];

async function putWarmPool(aws: AwsClients, spec: AsgSpec): Promise<void> {
  const w = spec.warmPool!;
  await aws.autoScaling.send(
    new PutWarmPoolCommand({
      AutoScalingGroupName: spec.name,
      MinSize: w.minSize,
      MaxGroupPreparedCapacity: w.maxGroupPreparedCapacity,
      InstanceReusePolicy: w.instanceReusePolicy && { ReuseOnScaleIn: w.instanceReusePolicy.reuseOnScaleIn },
    }),
  );
}

function setChange(have: readonly string[], want: readonly string[]) {
  return { add: want.filter((x) => !have.includes(x)), remove: have.filter((x) => !want.includes(x)) };
}

async function putHook(aws: AwsClients, spec: { name: string; autoscalingGroupName: string; defaultResult: string; heartbeatTimeout: number; lifecycleTransition: string }) {
  await aws.autoScaling.send(
    new PutLifecycleHookCommand({
      LifecycleHookName: spec.name,
      AutoScalingGroupName: spec.autoscalingGroupName,
      DefaultResult: spec.defaultResult,
      HeartbeatTimeout: spec.heartbeatTimeout,
      LifecycleTransition: spec.lifecycleTransition,
    }),
  );
}
