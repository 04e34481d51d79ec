import { defineResource, type Val } from './declare.js';

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

export const LoadBalancer = defineResource<LoadBalancerSpec>({
  type: 'aws_lb',
  kopsKind: 'NetworkLoadBalancer',
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
    tags: { tf: 'tags', kind: 'map' },
  },
});

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

export const TargetGroup = defineResource<TargetGroupSpec>({
  type: 'aws_lb_target_group',
  kopsKind: 'TargetGroup',
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
    tags: { tf: 'tags', kind: 'map' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
});

export interface ListenerSpec {
  loadBalancerArn: Val<string>;
  port: number;
  protocol: string;
  certificateArn?: string;
  sslPolicy?: string;
  defaultAction: { targetGroupArn: Val<string>; type: string };
}

export const Listener = defineResource<ListenerSpec>({
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
});
