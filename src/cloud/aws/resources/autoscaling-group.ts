import { defineResource, type Val } from './declare.js';

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
  };
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

export const AutoscalingGroup = defineResource<AutoscalingGroupSpec>({
  type: 'aws_autoscaling_group',
  kopsKind: 'AutoscalingGroup',
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
});

export interface LifecycleHookSpec {
  name: string;
  autoscalingGroupName: Val<string>;
  defaultResult: string;
  heartbeatTimeout: number;
  lifecycleTransition: string;
}

export const AutoscalingLifecycleHook = defineResource<LifecycleHookSpec>({
  type: 'aws_autoscaling_lifecycle_hook',
  kopsKind: 'AutoscalingLifecycleHook',
  fields: {
    autoscalingGroupName: { tf: 'autoscaling_group_name', immutable: true },
    defaultResult: { tf: 'default_result' },
    heartbeatTimeout: { tf: 'heartbeat_timeout' },
    lifecycleTransition: { tf: 'lifecycle_transition' },
    name: { tf: 'name', immutable: true },
  },
});
