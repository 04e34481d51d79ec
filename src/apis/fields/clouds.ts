/**
 * The blocks of the specs that belong to one cloud (pkg/apis/kops/v1alpha2: the per-cloud structs and fields). On a
 * cluster of another cloud they are refused.
 */
import type { ObjectKind } from './registry.js';
import { patternMatches } from './registry.js';

export const CLOUDS = ['aws', 'azure', 'digitalocean', 'gce', 'hetzner', 'openstack', 'scaleway', 'metal'] as const;
export type Cloud = (typeof CLOUDS)[number];

export interface CloudBlock {
  kind: ObjectKind;
  pattern: string;
  cloud: Cloud;
}

export const CLOUD_BLOCKS: readonly CloudBlock[] = [
  { kind: 'Cluster', pattern: 'spec.cloudConfig.azure.*', cloud: 'azure' },
  { kind: 'Cluster', pattern: 'spec.cloudControllerManager.azureNodeManagerImage', cloud: 'azure' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.openstack.*', cloud: 'openstack' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.gceServiceAccount', cloud: 'gce' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.gceUseStartupScript', cloud: 'gce' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.gcpPDCSIDriver.*', cloud: 'gce' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.multizone', cloud: 'gce' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.nodeTags', cloud: 'gce' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.nodeInstancePrefix', cloud: 'gce' },
  { kind: 'Cluster', pattern: 'spec.networking.gce', cloud: 'gce' },
  { kind: 'Cluster', pattern: 'spec.project', cloud: 'gce' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.awsEBSCSIDriver.*', cloud: 'aws' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.elbSecurityGroup', cloud: 'aws' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.nlbSecurityGroupMode', cloud: 'aws' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.disableSecurityGroupIngress', cloud: 'aws' },
  { kind: 'Cluster', pattern: 'spec.cloudConfig.nodeIPFamilies', cloud: 'aws' },
  { kind: 'Cluster', pattern: 'spec.awsLoadBalancerController.*', cloud: 'aws' },
  { kind: 'Cluster', pattern: 'spec.nodeTerminationHandler.*', cloud: 'aws' },
  { kind: 'Cluster', pattern: 'spec.podIdentityWebhook.*', cloud: 'aws' },
  { kind: 'Cluster', pattern: 'spec.karpenter.*', cloud: 'aws' },
  { kind: 'Cluster', pattern: 'spec.authentication.aws.*', cloud: 'aws' },
  { kind: 'Cluster', pattern: 'spec.networking.amazonvpc.*', cloud: 'aws' },
  ...awsOnly('Cluster', [
    'spec.DisableSubnetTags',
    'spec.additionalPolicies',
    'spec.externalPolicies',
    'spec.iam.permissionsBoundary',
    'spec.iam.serviceAccountExternalPermissions[].aws.*',
    'spec.serviceAccountIssuerDiscovery.enableAWSOIDCProvider',
    'spec.sshKeyName',
    'spec.api.loadBalancer.accessLog.*',
    'spec.api.loadBalancer.additionalSecurityGroups',
    'spec.api.loadBalancer.class',
    'spec.api.loadBalancer.crossZoneLoadBalancing',
    'spec.api.loadBalancer.securityGroupOverride',
    'spec.api.loadBalancer.sslCertificate',
    'spec.api.loadBalancer.sslPolicy',
    'spec.api.loadBalancer.subnets[].allocationId',
    'spec.etcdClusters[].etcdMembers[].kmsKeyId',
    'spec.etcdClusters[].etcdMembers[].encryptedVolume',
    'spec.subnets[].publicIP',
    'spec.subnets[].additionalRoutes[].*',
    'spec.topology.bastion.loadBalancer.*',
    'spec.warmPool.*',
    'spec.containerd.useECRCredentialsForMirrors',
    'spec.certManager.hostedZoneIDs',
    'spec.clusterAutoscaler.awsUseStaticInstanceList',
    'spec.networking.calico.awsSrcDstCheck',
    'spec.cloudConfig.useIPBasedNodeNames',
  ]),
  ...awsOnly('InstanceGroup', [
    'spec.capacityRebalance',
    'spec.cpuCredits',
    'spec.detailedInstanceMonitoring',
    'spec.externalLoadBalancers[].*',
    'spec.iam.profile',
    'spec.instanceInterruptionBehavior',
    'spec.instanceMetadata.*',
    'spec.instanceProtection',
    'spec.maxInstanceLifetime',
    'spec.maxPrice',
    'spec.mixedInstancesPolicy.*',
    'spec.rootVolumeEncryption',
    'spec.rootVolumeEncryptionKey',
    'spec.rootVolumeOptimization',
    'spec.securityGroupOverride',
    'spec.spotDurationInMinutes',
    'spec.suspendProcesses',
    'spec.tenancy',
    'spec.volumes[].*',
    'spec.warmPool.*',
    'spec.manager',
  ]),
  { kind: 'InstanceGroup', pattern: 'spec.gcpProvisioningModel', cloud: 'gce' },
  { kind: 'InstanceGroup', pattern: 'spec.guestAccelerators[].*', cloud: 'gce' },
];

/**
 * Settings outside the `aws` structs that only the AWS model reads (pkg/model/awsmodel, pkg/model/iam, the AWS
 * add-on templates): no builder of another cloud reads them, so another cloud's cluster refuses them.
 */
function awsOnly(kind: ObjectKind, patterns: readonly string[]): CloudBlock[] {
  return patterns.map((pattern) => ({ kind, pattern, cloud: 'aws' }));
}

/** The cloud a leaf belongs to, when it is part of one cloud's block. */
export function cloudOfLeaf(kind: ObjectKind, leaf: string): Cloud | undefined {
  return CLOUD_BLOCKS.find((b) => b.kind === kind && patternMatches(b.pattern, leaf))?.cloud;
}
