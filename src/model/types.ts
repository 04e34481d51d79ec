/**
 * The parts of the completed Cluster and of InstanceGroups (kops.k8s.io/v1alpha2 shape) that the AWS model reads.
 * Structural, so that the decoded API objects fit without conversion.
 */
export interface ModelCluster {
  metadata: { name: string };
  spec: ClusterSpecView;
}

export interface SubnetView {
  name: string;
  zone?: string;
  cidr?: string;
  ipv6CIDR?: string;
  type: 'Public' | 'Private' | 'Utility' | 'DualStack';
  id?: string;
  egress?: string;
  publicIP?: string;
}

export interface EtcdClusterView {
  name: string;
  etcdMembers: { name: string; instanceGroup?: string; volumeType?: string; volumeSize?: number; volumeIops?: number; volumeThroughput?: number; kmsKeyId?: string; encryptedVolume?: boolean }[];
  manager?: Record<string, unknown>;
}

export interface ClusterSpecView {
  cloudProvider?: string | Record<string, unknown>;
  configBase?: string;
  networkCIDR?: string;
  networkID?: string;
  additionalNetworkCIDRs?: string[];
  subnets?: SubnetView[];
  sshAccess?: string[];
  kubernetesApiAccess?: string[];
  nodePortAccess?: string[];
  sshKeyName?: string;
  dnsZone?: string;
  masterPublicName?: string;
  masterInternalName?: string;
  cloudLabels?: Record<string, string>;
  DisableSubnetTags?: boolean;
  topology?: { dns?: { type?: string }; masters?: string; nodes?: string; bastion?: { bastionPublicName?: string; loadBalancer?: { type?: string; additionalSecurityGroups?: string[] } } };
  api?: {
    dns?: Record<string, unknown>;
    publicName?: string;
    loadBalancer?: {
      type?: string;
      class?: string;
      idleTimeoutSeconds?: number;
      securityGroupOverride?: string;
      additionalSecurityGroups?: string[];
      crossZoneLoadBalancing?: boolean;
      sslCertificate?: string;
      sslPolicy?: string;
      subnets?: { name: string; privateIPv4Address?: string; allocationId?: string }[];
      accessLog?: { bucket?: string; bucketPrefix?: string; interval?: number };
      targetGroups?: Record<string, unknown>[];
    };
    access?: string[];
  };
  networking?: Record<string, unknown> & {
    networkCIDR?: string;
    networkID?: string;
    subnets?: SubnetView[];
    topology?: ClusterSpecView['topology'];
    cilium?: { etcdManaged?: boolean; ipam?: string };
    amazonvpc?: Record<string, unknown>;
    calico?: Record<string, unknown>;
    kuberouter?: Record<string, unknown>;
  };
  etcdClusters?: EtcdClusterView[];
  iam?: { allowContainerRegistry?: boolean; legacy?: boolean; useServiceAccountExternalPermissions?: boolean; permissionsBoundary?: string; serviceAccountExternalPermissions?: ServiceAccountPermissionView[] };
  externalPolicies?: Record<string, string[]>;
  additionalPolicies?: Record<string, string>;
  serviceAccountIssuerDiscovery?: { discoveryStore?: string; enableAWSOIDCProvider?: boolean; additionalAudiences?: string[] };
  kubeAPIServer?: { serviceAccountIssuer?: string; serviceNodePortRange?: string; [k: string]: unknown };
  kubelet?: { nodeLabels?: Record<string, string>; [k: string]: unknown };
  controlPlaneKubelet?: { nodeLabels?: Record<string, string>; [k: string]: unknown };
  nodeTerminationHandler?: { enabled?: boolean; enableSQSTerminationDraining?: boolean; managedASGTag?: string; enableRebalanceMonitoring?: boolean; enableRebalanceDraining?: boolean };
  cloudConfig?: { awsEBSCSIDriver?: { enabled?: boolean }; [k: string]: unknown };
  externalDns?: { provider?: string };
  certManager?: { enabled?: boolean; hostedZoneIDs?: string[] };
  awsLoadBalancerController?: { enabled?: boolean };
  clusterAutoscaler?: { enabled?: boolean };
  karpenter?: { enabled?: boolean };
  podIdentityWebhook?: { enabled?: boolean };
  snapshotController?: { enabled?: boolean };
  cloudControllerManager?: Record<string, unknown>;
  kubeDNS?: Record<string, unknown>;
  kubernetesVersion?: string;
  [k: string]: unknown;
}

export interface ServiceAccountPermissionView {
  name: string;
  namespace: string;
  aws?: { policyARNs?: string[]; inlinePolicy?: string };
}

export type InstanceGroupRole = 'Master' | 'ControlPlane' | 'APIServer' | 'Node' | 'Bastion';

export interface ModelInstanceGroup {
  metadata: { name: string; labels?: Record<string, string> };
  spec: {
    role: InstanceGroupRole;
    image?: string;
    machineType?: string;
    minSize?: number;
    maxSize?: number;
    subnets?: string[];
    zones?: string[];
    associatePublicIp?: boolean;
    maxInstanceLifetime?: string;
    rootVolume?: { size?: number; type?: string; iops?: number; throughput?: number; encryption?: boolean; encryptionKey?: string; optimization?: boolean };
    rootVolumeSize?: number;
    rootVolumeType?: string;
    rootVolumeIops?: number;
    rootVolumeThroughput?: number;
    rootVolumeEncryption?: boolean;
    rootVolumeEncryptionKey?: string;
    rootVolumeOptimization?: boolean;
    volumes?: { device: string; size: number; type?: string; iops?: number; throughput?: number; encrypted?: boolean; key?: string; deleteOnTermination?: boolean }[];
    cloudLabels?: Record<string, string>;
    nodeLabels?: Record<string, string>;
    taints?: string[];
    securityGroupOverride?: string;
    additionalSecurityGroups?: string[];
    detailedInstanceMonitoring?: boolean;
    instanceMetadata?: { httpPutResponseHopLimit?: number; httpTokens?: string };
    iam?: { profile?: string };
    mixedInstancesPolicy?: {
      instances?: string[];
      onDemandAllocationStrategy?: string;
      onDemandBase?: number;
      onDemandAboveBase?: number;
      spotAllocationStrategy?: string;
      spotInstancePools?: number;
    };
    maxPrice?: string;
    spotDurationInMinutes?: number;
    instanceInterruptionBehavior?: string;
    suspendProcesses?: string[];
    externalLoadBalancers?: { targetGroupArn?: string; loadBalancerName?: string }[];
    instanceProtection?: boolean;
    capacityRebalance?: boolean;
    cpuCredits?: string;
    tenancy?: string;
    warmPool?: { minSize?: number; maxSize?: number; enableLifecycleHook?: boolean; lifecycleHookTimeout?: number };
    manager?: string;
    kubelet?: { nodeLabels?: Record<string, string>; [k: string]: unknown };
    ipv6?: boolean;
    [k: string]: unknown;
  };
}
