/**
 * What the generator needs from the Go API and the CRDs do not say.
 *
 * GO_TYPE_NAMES: the Go type of every struct-valued field, by the Go type that holds it and the field's JSON name
 * (list and map fields name their element type). Read from kops's pkg/apis/kops/v1alpha2 and, for the Kubernetes
 * types it embeds (affinity, environment variables), from k8s.io/api/core/v1. Each struct of the CRDs becomes one
 * TypeScript interface and one JSON Schema definition of that name; a type used in several places is written once.
 *
 * GO_ENUMS: fields of a Go string type with a closed set of constants, by `<Kind>.<path>` (`[]` for list items).
 */
export const GO_TYPE_NAMES: Record<string, Record<string, string>> = {
  ClusterSpec: {
    addons: 'AddonSpec', gossipConfig: 'GossipConfig', subnets: 'ClusterSubnetSpec', topology: 'TopologySpec',
    dnsControllerGossipConfig: 'DNSControllerGossipConfig', egressProxy: 'EgressProxySpec',
    fileAssets: 'FileAssetSpec', etcdClusters: 'EtcdClusterSpec', docker: 'DockerConfig',
    containerd: 'ContainerdConfig', kubeDNS: 'KubeDNSConfig', kubeAPIServer: 'KubeAPIServerConfig',
    kubeControllerManager: 'KubeControllerManagerConfig', cloudControllerManager: 'CloudControllerManagerConfig',
    kubeScheduler: 'KubeSchedulerConfig', kubeProxy: 'KubeProxyConfig', kubelet: 'KubeletConfigSpec',
    masterKubelet: 'KubeletConfigSpec', cloudConfig: 'CloudConfiguration', externalDns: 'ExternalDNSConfig',
    ntp: 'NTPConfig', nodeTerminationHandler: 'NodeTerminationHandlerSpec',
    nodeProblemDetector: 'NodeProblemDetectorConfig', metricsServer: 'MetricsServerConfig',
    certManager: 'CertManagerConfig', awsLoadBalancerController: 'LoadBalancerControllerSpec',
    networking: 'NetworkingSpec', api: 'APISpec', authentication: 'AuthenticationSpec',
    authorization: 'AuthorizationSpec', nodeAuthorization: 'NodeAuthorizationSpec', hooks: 'HookSpec',
    assets: 'AssetsSpec', iam: 'IAMSpec', target: 'TargetSpec', rollingUpdate: 'RollingUpdate',
    clusterAutoscaler: 'ClusterAutoscalerConfig', warmPool: 'WarmPoolSpec',
    serviceAccountIssuerDiscovery: 'ServiceAccountIssuerDiscoveryConfig',
    snapshotController: 'SnapshotControllerConfig', karpenter: 'KarpenterConfig',
    podIdentityWebhook: 'PodIdentityWebhookSpec',
  },
  GossipConfig: { secondary: 'GossipConfigSecondary' },
  ClusterSubnetSpec: { additionalRoutes: 'RouteSpec' },
  TopologySpec: { bastion: 'BastionSpec', dns: 'DNSSpec' },
  BastionSpec: { loadBalancer: 'BastionLoadBalancerSpec' },
  DNSControllerGossipConfig: { secondary: 'DNSControllerGossipConfigSecondary' },
  EgressProxySpec: { httpProxy: 'HTTPProxy' },
  EtcdClusterSpec: { etcdMembers: 'EtcdMemberSpec', backups: 'EtcdBackupSpec', manager: 'EtcdManagerSpec' },
  EtcdManagerSpec: { env: 'EnvVar' },
  DockerConfig: { packages: 'PackagesConfig' },
  ContainerdConfig: {
    packages: 'PackagesConfig', nvidiaGPU: 'NvidiaGPUConfig', gvisor: 'GVisorConfig', runc: 'Runc', nri: 'NRIConfig',
  },
  NvidiaGPUConfig: { dcgmExporter: 'DCGMExporterConfig' },
  Runc: { packages: 'PackagesConfig' },
  KubeDNSConfig: { tolerations: 'Toleration', affinity: 'Affinity', nodeLocalDNS: 'NodeLocalDNSConfig' },
  KubeAPIServerConfig: { env: 'CoreEnvVar' },
  KubeControllerManagerConfig: { leaderElection: 'LeaderElectionConfiguration' },
  CloudControllerManagerConfig: { leaderElection: 'LeaderElectionConfiguration' },
  KubeSchedulerConfig: { leaderElection: 'LeaderElectionConfiguration' },
  CloudConfiguration: {
    openstack: 'OpenstackSpec', azure: 'AzureSpec', awsEBSCSIDriver: 'EBSCSIDriverSpec',
    gcpPDCSIDriver: 'PDCSIDriver',
  },
  OpenstackSpec: {
    loadbalancer: 'OpenstackLoadbalancerConfig', monitor: 'OpenstackMonitor', router: 'OpenstackRouter',
    blockStorage: 'OpenstackBlockStorageConfig', network: 'OpenstackNetwork', metadata: 'OpenstackMetadata',
  },
  NetworkingSpec: {
    cni: 'CNINetworkingSpec', weave: 'WeaveNetworkingSpec', flannel: 'FlannelNetworkingSpec',
    calico: 'CalicoNetworkingSpec', canal: 'CanalNetworkingSpec', kuberouter: 'KuberouterNetworkingSpec',
    romana: 'RomanaNetworkingSpec', amazonvpc: 'AmazonVPCNetworkingSpec', cilium: 'CiliumNetworkingSpec',
    lyftvpc: 'LyftVPCNetworkingSpec', kindnet: 'KindnetNetworkingSpec', classic: 'ClassicNetworkingSpec',
    external: 'ExternalNetworkingSpec', gce: 'GCPNetworkingSpec', kopeio: 'KopeioNetworkingSpec',
    kubenet: 'KubenetNetworkingSpec',
  },
  AmazonVPCNetworkingSpec: { env: 'EnvVar' },
  CiliumNetworkingSpec: { hubble: 'HubbleSpec', ingress: 'CiliumIngressSpec', gatewayAPI: 'CiliumGatewayAPISpec' },
  KindnetNetworkingSpec: { masquerade: 'KindnetMasqueradeSpec' },
  APISpec: { loadBalancer: 'LoadBalancerAccessSpec', dns: 'DNSAccessSpec' },
  LoadBalancerAccessSpec: { subnets: 'LoadBalancerSubnetSpec', accessLog: 'AccessLogSpec' },
  AuthenticationSpec: { aws: 'AWSAuthenticationSpec', kopeio: 'KopeioAuthenticationSpec' },
  AWSAuthenticationSpec: { identityMappings: 'AWSAuthenticationIdentityMappingSpec' },
  NodeAuthorizationSpec: { nodeAuthorizer: 'NodeAuthorizerSpec' },
  HookSpec: { execContainer: 'ExecContainerAction' },
  IAMSpec: { serviceAccountExternalPermissions: 'ServiceAccountExternalPermission' },
  ServiceAccountExternalPermission: { aws: 'AWSPermission' },
  TargetSpec: { terraform: 'TerraformSpec' },
  ServiceAccountIssuerDiscoveryConfig: { discoveryService: 'DiscoveryServiceOptions' },
  InstanceGroupSpec: {
    volumes: 'VolumeSpec', volumeMounts: 'VolumeMountSpec', hooks: 'HookSpec', fileAssets: 'FileAssetSpec',
    kubelet: 'KubeletConfigSpec', mixedInstancesPolicy: 'MixedInstancesPolicySpec', additionalUserData: 'UserData',
    externalLoadBalancers: 'LoadBalancerSpec', iam: 'IAMProfileSpec', rollingUpdate: 'RollingUpdate',
    instanceMetadata: 'InstanceMetadataOptions', warmPool: 'WarmPoolSpec', containerd: 'ContainerdConfig',
    guestAccelerators: 'AcceleratorConfig',
  },
  MixedInstancesPolicySpec: { instanceRequirements: 'InstanceRequirementsSpec' },
  InstanceRequirementsSpec: { cpu: 'MinMaxSpec', memory: 'MinMaxSpec' },
  KeysetSpec: { keys: 'KeysetItem' },
  CoreEnvVar: { valueFrom: 'EnvVarSource' },
  EnvVarSource: {
    configMapKeyRef: 'ConfigMapKeySelector', secretKeyRef: 'SecretKeySelector', fieldRef: 'ObjectFieldSelector',
    resourceFieldRef: 'ResourceFieldSelector', fileKeyRef: 'FileKeySelector',
  },
  Affinity: { nodeAffinity: 'NodeAffinity', podAffinity: 'PodAffinity', podAntiAffinity: 'PodAntiAffinity' },
  NodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: 'NodeSelector',
    preferredDuringSchedulingIgnoredDuringExecution: 'PreferredSchedulingTerm',
  },
  NodeSelector: { nodeSelectorTerms: 'NodeSelectorTerm' },
  NodeSelectorTerm: { matchExpressions: 'NodeSelectorRequirement', matchFields: 'NodeSelectorRequirement' },
  PreferredSchedulingTerm: { preference: 'NodeSelectorTerm' },
  PodAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: 'PodAffinityTerm',
    preferredDuringSchedulingIgnoredDuringExecution: 'WeightedPodAffinityTerm',
  },
  PodAntiAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: 'PodAffinityTerm',
    preferredDuringSchedulingIgnoredDuringExecution: 'WeightedPodAffinityTerm',
  },
  WeightedPodAffinityTerm: { podAffinityTerm: 'PodAffinityTerm' },
  PodAffinityTerm: { labelSelector: 'LabelSelector', namespaceSelector: 'LabelSelector' },
  LabelSelector: { matchExpressions: 'LabelSelectorRequirement' },
  AuthorizationSpec: { alwaysAllow: 'AlwaysAllowAuthorizationSpec', rbac: 'RBACAuthorizationSpec' },
};

export const GO_ENUMS: Record<string, readonly string[]> = {
  'InstanceGroup.spec.role': ['Master', 'ControlPlane', 'APIServer', 'Node', 'Bastion'],
  'InstanceGroup.spec.manager': ['CloudGroup', 'Karpenter'],
  'Cluster.spec.subnets[].type': ['Public', 'Private', 'DualStack', 'Utility'],
  'Cluster.spec.api.loadBalancer.type': ['Public', 'Internal'],
  'Cluster.spec.api.loadBalancer.class': ['Classic', 'Network'],
  'Cluster.spec.topology.dns.type': ['Public', 'Private', 'None'],
  'Cluster.spec.etcdClusters[].provider': ['Manager', 'Legacy'],
  'Cluster.spec.externalDns.provider': ['dns-controller', 'external-dns'],
  'Cluster.spec.networking.cilium.encryptionType': ['ipsec', 'wireguard'],
};

/**
 * Fields kops's validation always requires (pkg/apis/kops/validation), by Go type. The CRDs' `required` lists only
 * say which Go fields lack `omitempty` (iam.legacy, for one), which a user need not write.
 */
export const GO_REQUIRED: Record<string, readonly string[]> = {
  ObjectMeta: ['name'],
  InstanceGroupSpec: ['role'],
  ClusterSubnetSpec: ['name'],
  EtcdMemberSpec: ['name', 'instanceGroup'],
  FileAssetSpec: ['name', 'content'],
  VolumeSpec: ['device'],
  VolumeMountSpec: ['device', 'filesystem', 'path'],
  ServiceAccountExternalPermission: ['name', 'namespace'],
  LoadBalancerSubnetSpec: ['name'],
};
