import type { AwsResourceType } from './common.js';
import { ClassicLoadBalancer } from './classic-load-balancer.js';
import type { AwsDiscovery } from './discovery.js';
import { ClusterInstance } from './instance.js';
import { LeftoverNetworkInterface } from './network-interface.js';
import { AutoscalingGroup, AutoscalingLifecycleHook } from './autoscaling-group.js';
import { DhcpOptions, DhcpOptionsAssociation } from './dhcp-options.js';
import { EbsVolume } from './ebs-volume.js';
import { IamInstanceProfile, IamOidcProvider, IamRole, IamRolePolicy, IamRolePolicyAttachment } from './iam.js';
import { EgressOnlyInternetGateway, InternetGateway } from './internet-gateway.js';
import { KeyPair } from './key-pair.js';
import { LaunchTemplate } from './launch-template.js';
import { Listener, LoadBalancer, TargetGroup } from './load-balancer.js';
import { ManagedFile } from './managed-file.js';
import { ElasticIp, NatGateway } from './nat-gateway.js';
import { EventRule, EventTarget, SqsQueue } from './node-termination.js';
import { Route, RouteTable, RouteTableAssociation } from './route-table.js';
import { Route53Record, Route53ZoneAssociation } from './route53.js';
import { SecurityGroup, SecurityGroupReferences, SecurityGroupRule } from './security-group.js';
import { Subnet } from './subnet.js';
import { Vpc, VpcIpv4CidrBlockAssociation, VpcPeering } from './vpc.js';

/** Every AWS resource type: the one list the direct target, terraform and delete read. */
export const AWS_RESOURCES: readonly AwsResourceType<object>[] = [
  Vpc,
  VpcIpv4CidrBlockAssociation,
  DhcpOptions,
  DhcpOptionsAssociation,
  InternetGateway,
  EgressOnlyInternetGateway,
  Subnet,
  RouteTable,
  Route,
  RouteTableAssociation,
  ElasticIp,
  NatGateway,
  SecurityGroup,
  SecurityGroupRule,
  IamRole,
  IamRolePolicy,
  IamRolePolicyAttachment,
  IamInstanceProfile,
  IamOidcProvider,
  KeyPair,
  LaunchTemplate,
  AutoscalingGroup,
  AutoscalingLifecycleHook,
  EbsVolume,
  LoadBalancer,
  TargetGroup,
  Listener,
  Route53Record,
  Route53ZoneAssociation,
  SqsQueue,
  EventRule,
  EventTarget,
  ManagedFile,
];

/** Kinds `delete cluster` removes (or that stop it) which no model declares. */
const DISCOVER_ONLY: readonly AwsDiscovery[] = [ClusterInstance, SecurityGroupReferences, LeftoverNetworkInterface, ClassicLoadBalancer, VpcPeering];

/** How `delete cluster` finds each kind: the resource types' discoveries, then the kinds only delete knows. */
export const AWS_DISCOVERIES: readonly AwsDiscovery[] = [...AWS_RESOURCES.flatMap((r) => (r.discover ? [r.discover] : [])), ...DISCOVER_ONLY];
