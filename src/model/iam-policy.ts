import type { ModelContext } from './context.js';

/**
 * IAM policy documents of instance roles, statement for statement as the Go kops's PolicyBuilder writes them:
 * explicit statements in the order the permission sets add them, then one statement each for the collected
 * unconditional, cluster-tagged and tag-on-create actions.
 */
export type NodeRole = 'master' | 'apiserver' | 'node' | 'bastion';

/** A string, or a list that stays a list in JSON even with one element (Go's stringorslice.Slice). */
type StringOrList = string | string[];

interface Statement {
  Action: StringOrList;
  Condition?: Record<string, Record<string, StringOrList>>;
  Effect: 'Allow';
  Principal?: Record<string, string>;
  Resource?: StringOrList;
}

export class Policy {
  readonly statements: Statement[] = [];
  readonly unconditional = new Set<string>();
  readonly clusterTagged = new Set<string>();
  readonly clusterTaggedCreate = new Set<string>();

  constructor(
    readonly clusterName: string,
    readonly partition: string,
  ) {}

  add(statement: Statement): void {
    this.statements.push(statement);
  }

  /** Actions that create tagged EC2 resources: tagging on create, and re-tagging only the cluster's own. */
  addEc2CreateAction(actions: string[], resources: string[]): void {
    const arns = [...resources].sort().map((r) => `arn:${this.partition}:ec2:*:*:${r}/*`);
    for (const a of actions) this.clusterTaggedCreate.add(`ec2:${a}`);
    this.add({
      Action: 'ec2:CreateTags',
      Condition: { StringEquals: { 'aws:RequestTag/KubernetesCluster': this.clusterName, 'ec2:CreateAction': [...actions].sort() } },
      Effect: 'Allow',
      Resource: arns,
    });
    this.add({
      Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
      Condition: { Null: { 'aws:RequestTag/KubernetesCluster': 'true' }, StringEquals: { 'aws:ResourceTag/KubernetesCluster': this.clusterName } },
      Effect: 'Allow',
      Resource: arns,
    });
  }

  get empty(): boolean {
    return !this.statements.length && !this.unconditional.size && !this.clusterTagged.size && !this.clusterTaggedCreate.size;
  }

  toJSON(): string {
    const statements = [...this.statements];
    const sorted = (s: Set<string>) => [...s].sort();
    const actions = (s: Set<string>): StringOrList => (s.size === 1 ? [...s][0] : sorted(s));
    if (this.unconditional.size) statements.push({ Action: actions(this.unconditional), Effect: 'Allow', Resource: '*' });
    const onClusterTag = (set: Set<string>, tag: 'ResourceTag' | 'RequestTag'): Statement => ({
      Action: actions(set),
      Condition: { StringEquals: { [`aws:${tag}/KubernetesCluster`]: this.clusterName } },
      Effect: 'Allow',
      Resource: '*',
    });
    if (this.clusterTagged.size) statements.push(onClusterTag(this.clusterTagged, 'ResourceTag'));
    if (this.clusterTaggedCreate.size) {
      statements.push(onClusterTag(this.clusterTaggedCreate, 'RequestTag'));
      if (this.clusterTaggedCreate.has('ec2:CreateSecurityGroup')) {
        statements.push({ Action: 'ec2:CreateSecurityGroup', Effect: 'Allow', Resource: `arn:${this.partition}:ec2:*:*:vpc/*` });
      }
    }
    return JSON.stringify({ Statement: statements.map(orderStatement), Version: '2012-10-17' }, null, 2);
  }
}

/** Key order of Go's Statement marshaller; condition maps come out sorted like Go maps. */
function orderStatement(s: Statement): Statement {
  const out: Statement = { Action: s.Action } as Statement;
  if (s.Condition) {
    out.Condition = Object.fromEntries(
      Object.keys(s.Condition)
        .sort()
        .map((k) => [k, Object.fromEntries(Object.keys(s.Condition![k]).sort().map((kk) => [kk, s.Condition![k][kk]]))]),
    );
  }
  out.Effect = s.Effect;
  if (s.Principal) out.Principal = s.Principal;
  if (s.Resource !== undefined) out.Resource = s.Resource;
  return out;
}

const addAll = (set: Set<string>, items: string[]) => items.forEach((i) => set.add(i));

const ECR_PULL = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:DescribeRepositories',
  'ecr:GetAuthorizationToken',
  'ecr:GetDownloadUrlForLayer',
  'ecr:GetRepositoryPolicy',
  'ecr:ListImages',
];
const ECR_PULL_THROUGH = ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository', 'ecr:ReplicateImage', 'ecr:TagResource'];

/** What a CNI giving pods addresses from the nodes' network interfaces needs (amazon-vpc and Cilium's ENI IPAM). */
const POD_ENI_ACTIONS = [
  'ec2:AssignPrivateIpAddresses',
  'ec2:AttachNetworkInterface',
  'ec2:CreateNetworkInterface',
  'ec2:DeleteNetworkInterface',
  'ec2:DescribeInstanceTypes',
  'ec2:DescribeInstances',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSubnets',
  'ec2:ModifyNetworkInterfaceAttribute',
  'ec2:UnassignPrivateIpAddresses',
];
const AMAZON_VPC_CNI = [...POD_ENI_ACTIONS, 'ec2:DescribeTags', 'ec2:DetachNetworkInterface'];
const CILIUM_ENI = [...POD_ENI_ACTIONS, 'ec2:CreateTags', 'ec2:DescribeVpcs'];

/**
 * KMS for customer keys: grants only for AWS resources, and data actions only through EC2 and S3; or, for roles that
 * run kube-apiserver with encryption at rest on (a KMS plugin calls KMS itself), data actions on any key.
 */
export function addKmsStatements(p: Policy, region: string, bypassViaService = false): void {
  p.add({ Action: 'kms:CreateGrant', Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } }, Effect: 'Allow', Resource: '*' });
  const dataActions = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'];
  if (bypassViaService) {
    addAll(p.unconditional, dataActions);
    return;
  }
  p.add({
    Action: dataActions,
    Condition: { StringLike: { 'kms:ViaService': [`ec2.${region}.amazonaws.com`, 's3.*.amazonaws.com'] } },
    Effect: 'Allow',
    Resource: '*',
  });
}

export function addDnsControllerPermissions(p: Policy, hostedZoneId: string): void {
  const zone = hostedZoneId.replace(/^\//, '').replace(/^hostedzone\//, '');
  p.add({
    Action: ['route53:ChangeResourceRecordSets', 'route53:GetHostedZone', 'route53:ListResourceRecordSets'],
    Effect: 'Allow',
    Resource: [`arn:${p.partition}:route53:::hostedzone/${zone}`],
  });
  p.add({ Action: ['route53:GetChange'], Effect: 'Allow', Resource: [`arn:${p.partition}:route53:::change/*`] });
  p.add({ Action: ['route53:ListHostedZones', 'route53:ListTagsForResource'], Effect: 'Allow', Resource: ['*'] });
}

export function addEbsCsiDriverPermissions(p: Policy, snapshots: boolean): void {
  if (snapshots) {
    p.addEc2CreateAction(['CreateSnapshot'], ['volume', 'snapshot']);
    p.add({
      Action: 'ec2:CreateVolume',
      Condition: { StringEquals: { 'aws:ResourceTag/KubernetesCluster': p.clusterName } },
      Effect: 'Allow',
      Resource: [`arn:${p.partition}:ec2:*:*:snapshot/*`],
    });
    addAll(p.unconditional, ['ec2:CreateSnapshot', 'ec2:DescribeAvailabilityZones', 'ec2:DescribeSnapshots']);
    addAll(p.clusterTagged, ['ec2:DeleteSnapshot', 'ec2:EnableFastSnapshotRestores']);
  }
  p.addEc2CreateAction(['CopyVolumes', 'CreateVolume'], ['volume', 'snapshot']);
  addAll(p.unconditional, [
    'ec2:DescribeAvailabilityZones',
    'ec2:DescribeInstanceTypes',
    'ec2:DescribeInstances',
    'ec2:DescribeTags',
    'ec2:DescribeVolumeStatus',
    'ec2:DescribeVolumes',
    'ec2:DescribeVolumesModifications',
  ]);
  addAll(p.clusterTagged, ['ec2:AttachVolume', 'ec2:DeleteVolume', 'ec2:DetachVolume', 'ec2:ModifyVolume']);
}

export function addCloudControllerManagerPermissions(p: Policy, cloudRoutes: boolean): void {
  addAll(p.unconditional, [
    'autoscaling:DescribeAutoScalingGroups',
    'autoscaling:DescribeTags',
    'ec2:DescribeAvailabilityZones',
    'ec2:DescribeInstanceTopology',
    'ec2:DescribeInstances',
    'ec2:DescribeRegions',
    'ec2:DescribeRouteTables',
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeSubnets',
    'ec2:DescribeVpcs',
    'elasticloadbalancing:DescribeListeners',
    'elasticloadbalancing:DescribeLoadBalancerAttributes',
    'elasticloadbalancing:DescribeLoadBalancerPolicies',
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeTargetGroupAttributes',
    'elasticloadbalancing:DescribeTargetGroups',
    'elasticloadbalancing:DescribeTargetHealth',
    'iam:CreateServiceLinkedRole',
    'kms:DescribeKey',
  ]);
  addAll(p.clusterTagged, [
    'ec2:AuthorizeSecurityGroupIngress',
    'ec2:DeleteSecurityGroup',
    'ec2:ModifyInstanceAttribute',
    'ec2:RevokeSecurityGroupIngress',
    'elasticloadbalancing:AddTags',
    'elasticloadbalancing:ApplySecurityGroupsToLoadBalancer',
    'elasticloadbalancing:AttachLoadBalancerToSubnets',
    'elasticloadbalancing:ConfigureHealthCheck',
    'elasticloadbalancing:CreateLoadBalancerListeners',
    'elasticloadbalancing:CreateLoadBalancerPolicy',
    'elasticloadbalancing:DeleteListener',
    'elasticloadbalancing:DeleteLoadBalancer',
    'elasticloadbalancing:DeleteLoadBalancerListeners',
    'elasticloadbalancing:DeleteTargetGroup',
    'elasticloadbalancing:DeregisterInstancesFromLoadBalancer',
    'elasticloadbalancing:DeregisterTargets',
    'elasticloadbalancing:DetachLoadBalancerFromSubnets',
    'elasticloadbalancing:ModifyListener',
    'elasticloadbalancing:ModifyLoadBalancerAttributes',
    'elasticloadbalancing:ModifyTargetGroup',
    'elasticloadbalancing:ModifyTargetGroupAttributes',
    'elasticloadbalancing:RegisterInstancesWithLoadBalancer',
    'elasticloadbalancing:RegisterTargets',
    'elasticloadbalancing:SetLoadBalancerPoliciesForBackendServer',
    'elasticloadbalancing:SetLoadBalancerPoliciesOfListener',
  ]);
  if (cloudRoutes) addAll(p.clusterTagged, ['ec2:CreateRoute', 'ec2:DeleteRoute']);
  addAll(p.clusterTaggedCreate, ['elasticloadbalancing:CreateListener', 'elasticloadbalancing:CreateLoadBalancer', 'elasticloadbalancing:CreateTargetGroup']);
  p.addEc2CreateAction(['CreateSecurityGroup'], ['security-group']);
}

/** What the AWS load balancer controller may do; WAF, WAFv2 and Shield only when the controller is told to use them. */
export function addLoadBalancerControllerPermissions(p: Policy, features: { enableWAF?: boolean; enableWAFv2?: boolean; enableShield?: boolean } = {}): void {
  if (features.enableWAF) {
    addAll(p.unconditional, ['elasticloadbalancing:SetWebACL', 'waf-regional:AssociateWebACL', 'waf-regional:DisassociateWebACL', 'waf-regional:GetWebACL', 'waf-regional:GetWebACLForResource']);
  }
  if (features.enableWAFv2) {
    addAll(p.unconditional, ['elasticloadbalancing:SetWebACL', 'wafv2:AssociateWebACL', 'wafv2:DisassociateWebACL', 'wafv2:GetWebACL', 'wafv2:GetWebACLForResource']);
  }
  if (features.enableShield) {
    addAll(p.unconditional, ['shield:CreateProtection', 'shield:DeleteProtection', 'shield:DescribeProtection', 'shield:GetSubscriptionState']);
  }
  addAll(p.unconditional, [
    'acm:DescribeCertificate',
    'acm:ListCertificates',
    'cognito-idp:DescribeUserPoolClient',
    'ec2:DescribeAccountAttributes',
    'ec2:DescribeAvailabilityZones',
    'ec2:DescribeInstances',
    'ec2:DescribeInternetGateways',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeSubnets',
    'ec2:DescribeVpcPeeringConnections',
    'ec2:DescribeVpcs',
    'ec2:GetSecurityGroupsForVpc',
    'elasticloadbalancing:DescribeCapacityReservation',
    'elasticloadbalancing:DescribeListenerAttributes',
    'elasticloadbalancing:DescribeListenerCertificates',
    'elasticloadbalancing:DescribeListeners',
    'elasticloadbalancing:DescribeLoadBalancerAttributes',
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeRules',
    'elasticloadbalancing:DescribeTags',
    'elasticloadbalancing:DescribeTargetGroupAttributes',
    'elasticloadbalancing:DescribeTargetGroups',
    'elasticloadbalancing:DescribeTargetHealth',
    'elasticloadbalancing:DescribeTrustStores',
    'elasticloadbalancing:SetRulePriorities',
  ]);
  addAll(p.clusterTagged, [
    'ec2:AuthorizeSecurityGroupIngress',
    'ec2:DeleteSecurityGroup',
    'ec2:RevokeSecurityGroupIngress',
    'elasticloadbalancing:AddListenerCertificates',
    'elasticloadbalancing:AddTags',
    'elasticloadbalancing:DeleteListener',
    'elasticloadbalancing:DeleteLoadBalancer',
    'elasticloadbalancing:DeleteRule',
    'elasticloadbalancing:DeleteTargetGroup',
    'elasticloadbalancing:DeregisterTargets',
    'elasticloadbalancing:ModifyCapacityReservation',
    'elasticloadbalancing:ModifyListener',
    'elasticloadbalancing:ModifyListenerAttributes',
    'elasticloadbalancing:ModifyLoadBalancerAttributes',
    'elasticloadbalancing:ModifyRule',
    'elasticloadbalancing:ModifyTargetGroup',
    'elasticloadbalancing:ModifyTargetGroupAttributes',
    'elasticloadbalancing:RegisterTargets',
    'elasticloadbalancing:RemoveListenerCertificates',
    'elasticloadbalancing:RemoveTags',
    'elasticloadbalancing:SetIpAddressType',
    'elasticloadbalancing:SetSecurityGroups',
    'elasticloadbalancing:SetSubnets',
  ]);
  addAll(p.clusterTaggedCreate, [
    'elasticloadbalancing:CreateListener',
    'elasticloadbalancing:CreateLoadBalancer',
    'elasticloadbalancing:CreateRule',
    'elasticloadbalancing:CreateTargetGroup',
  ]);
  p.addEc2CreateAction(['CreateSecurityGroup'], ['security-group']);
}

export function addClusterAutoscalerPermissions(p: Policy): void {
  addAll(p.unconditional, [
    'autoscaling:DescribeAutoScalingGroups',
    'autoscaling:DescribeAutoScalingInstances',
    'autoscaling:DescribeLaunchConfigurations',
    'autoscaling:DescribeScalingActivities',
    'autoscaling:DescribeTags',
    'ec2:DescribeImages',
    'ec2:DescribeInstanceTypes',
    'ec2:DescribeLaunchTemplateVersions',
    'ec2:GetInstanceTypesFromInstanceRequirements',
  ]);
  addAll(p.clusterTagged, ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup']);
}

export function addNodeTerminationHandlerPermissions(p: Policy): void {
  addAll(p.unconditional, ['autoscaling:DescribeAutoScalingInstances', 'autoscaling:DescribeTags', 'ec2:DescribeInstances', 'sqs:DeleteMessage', 'sqs:ReceiveMessage']);
  p.clusterTagged.add('autoscaling:CompleteLifecycleAction');
}

/** Read access to the state store (and write access to etcd backups) as bucket/key ARNs; memfs:// maps to placeholder buckets. */
function addStateStorePermissions(m: ModelContext, p: Policy, role: NodeRole): void {
  const spec = m.spec as Record<string, unknown>;
  const locations = [spec.keyStore, spec.secretStore, spec.configStore ?? spec.configBase]
    .filter((l): l is string => typeof l === 'string' && !!l)
    .map((l) => (l.endsWith('/') ? l : `${l}/`));
  const roots = [...new Set(locations.filter((l) => !locations.some((o) => o !== l && l.startsWith(o))))].sort();
  const buckets = new Set<string>();
  const readable = role === 'master' || role === 'apiserver' ? ['/*'] : [];
  for (const root of roots) {
    const { bucket, key } = s3Location(root, 'placeholder-read-bucket');
    buckets.add(bucket);
    if (readable.length) {
      const path = `${bucket}/${key}`.replace(/\/$/, '');
      const resources = readable.map((r) => `arn:${p.partition}:s3:::${path}${r}`);
      p.add({ Action: ['s3:Get*'], Effect: 'Allow', Resource: resources.length === 1 ? resources[0] : resources });
    }
  }
  if (role === 'master') {
    const stores = [...new Set((m.spec.etcdClusters ?? []).map((e) => (e as { backups?: { backupStore?: string } }).backups?.backupStore).filter((s): s is string => !!s))];
    for (const store of stores) {
      const { bucket, key } = s3Location(store, 'placeholder-write-bucket');
      buckets.add(bucket);
      p.add({
        Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:GetObject', 's3:PutObject'],
        Effect: 'Allow',
        Resource: `arn:${p.partition}:s3:::${`${bucket}/${key}`.replace(/\/$/, '')}/*`,
      });
    }
  }
  for (const bucket of [...buckets].sort()) {
    p.add({
      Action: ['s3:GetBucketLocation', 's3:GetEncryptionConfiguration', 's3:ListBucket', 's3:ListBucketVersions'],
      Effect: 'Allow',
      Resource: [`arn:${p.partition}:s3:::${bucket}`],
    });
  }
}

function s3Location(url: string, placeholder: string): { bucket: string; key: string } {
  const m = /^([a-z0-9]+):\/\/([^/]*)\/?(.*)$/.exec(url);
  if (m?.[1] === 's3') return { bucket: m[2], key: m[3] };
  const rest = url.replace(/^[a-z0-9]+:\/\//, '');
  return { bucket: placeholder, key: rest };
}

function isKopsControllerIpam(m: ModelContext): boolean {
  return m.isIPv6Only;
}

function networking(m: ModelContext) {
  return (m.spec.networking ?? {}) as Record<string, unknown> & { calico?: { awsSrcDstCheck?: string }; cilium?: { ipam?: string } };
}

/** The inline policy of an instance role; undefined when it would be empty (the Go kops then writes none). */
export function nodeRolePolicy(m: ModelContext, role: NodeRole): string | undefined {
  const p = new Policy(m.clusterName, m.aws.partition);
  const net = networking(m);
  const containerd = (m.spec.containerd ?? {}) as { useECRCredentialsForMirrors?: boolean; nvidiaGPU?: { enabled?: boolean } };
  const ecr = () => {
    if (m.spec.iam?.allowContainerRegistry) addAll(p.unconditional, ECR_PULL);
    if (containerd.useECRCredentialsForMirrors) addAll(p.unconditional, ECR_PULL_THROUGH);
  };
  const amazonVpc = () => {
    if (!net.amazonvpc) return;
    p.add({ Action: ['ec2:CreateTags'], Effect: 'Allow', Resource: [`arn:${p.partition}:ec2:*:*:network-interface/*`] });
    addAll(p.unconditional, AMAZON_VPC_CNI);
  };
  const calico = () => {
    // Calico turns off the source/destination check for IPv4 routing; IPv6-only clusters have nothing to turn off.
    if (net.calico && net.calico.awsSrcDstCheck !== 'DoNothing' && !m.isIPv6Only) addAll(p.unconditional, ['ec2:DescribeInstances', 'ec2:ModifyNetworkInterfaceAttribute']);
  };

  if (role === 'master') {
    p.unconditional.add('ec2:DescribeVolumes');
    p.add({
      Action: 'ec2:AttachVolume',
      Condition: { StringEquals: { 'aws:ResourceTag/KubernetesCluster': m.clusterName, 'aws:ResourceTag/k8s.io/role/master': '1' } },
      Effect: 'Allow',
      Resource: ['*'],
    });
    p.unconditional.add('ec2:DescribeInstances');
    if (isKopsControllerIpam(m)) addAll(p.unconditional, ['ec2:AssignIpv6Addresses', 'ec2:DescribeNetworkInterfaces']);
    addStateStorePermissions(m, p, role);
    const serviceAccounts = !!m.spec.iam?.useServiceAccountExternalPermissions;
    if (!serviceAccounts && m.aws.dnsZone && (m.dnsType === 'public' || m.dnsType === 'private')) addDnsControllerPermissions(p, m.aws.dnsZone.id);
    if (!serviceAccounts) {
      addEbsCsiDriverPermissions(p, !!m.spec.snapshotController?.enabled);
      addCloudControllerManagerPermissions(p, !!(m.spec.networking as Record<string, unknown> | undefined)?.kubenet);
      if (m.spec.awsLoadBalancerController?.enabled) addLoadBalancerControllerPermissions(p, m.spec.awsLoadBalancerController);
      addClusterAutoscalerPermissions(p);
      if (m.nthQueueProcessing) addNodeTerminationHandlerPermissions(p);
    }
    ecr();
    amazonVpc();
    if (net.cilium?.ipam === 'eni') addAll(p.unconditional, CILIUM_ENI);
    calico();
    addKmsStatements(p, m.aws.region, m.spec.encryptionConfig === true);
  } else if (role === 'apiserver') {
    addStateStorePermissions(m, p, role);
    ecr();
    amazonVpc();
    calico();
    addKmsStatements(p, m.aws.region, m.spec.encryptionConfig === true);
  } else if (role === 'node') {
    if (isKopsControllerIpam(m)) p.unconditional.add('ec2:AssignIpv6Addresses');
    ecr();
    amazonVpc();
    calico();
    if (containerd.nvidiaGPU?.enabled || net.cilium?.ipam === 'eni') p.unconditional.add('ec2:DescribeInstanceTypes');
    // kube-router and kindnet turn off the source/destination check of the node they run on.
    if (net.kuberouter || net.kindnet) p.clusterTagged.add('ec2:ModifyInstanceAttribute');
  }
  return p.empty ? undefined : p.toJSON();
}

export function addExternalDnsPermissions(p: Policy, hostedZoneId: string): void {
  addDnsControllerPermissions(p, hostedZoneId);
}

/** What cert-manager needs to answer dns-01 challenges in the given hosted zones (and only TXT _acme-challenge records). */
export function addCertManagerPermissions(p: Policy, hostedZoneIds: string[]): void {
  const zones = [...new Set(hostedZoneIds)].sort().map((id) => `arn:${p.partition}:route53:::hostedzone/${id}`);
  p.add({ Action: 'route53:ListResourceRecordSets', Effect: 'Allow', Resource: zones });
  p.add({
    Action: 'route53:ChangeResourceRecordSets',
    Condition: {
      'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': ['TXT'] },
      'ForAllValues:StringLike': { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['_acme-challenge.*'] },
    },
    Effect: 'Allow',
    Resource: zones,
  });
  p.add({ Action: ['route53:GetChange'], Effect: 'Allow', Resource: [`arn:${p.partition}:route53:::change/*`] });
  p.add({ Action: ['route53:ListHostedZonesByName'], Effect: 'Allow', Resource: ['*'] });
}

/** How the Karpenter-managed instance groups launch: with instance profiles of their own, with root volumes under customer keys. */
export interface KarpenterGroups {
  customInstanceProfiles: boolean;
  customerManagedKeys: boolean;
}

/**
 * What karpenter needs to launch and retire nodes it owns (tagged with the cluster and a node pool): it may pass the
 * nodes' role (any role when groups bring their own profiles), and use KMS through EC2 when root volumes use a
 * customer key.
 */
export function addKarpenterPermissions(p: Policy, region: string, nodesRoleName: string, groups: KarpenterGroups): void {
  const arn = (r: string) => `arn:${p.partition}:ec2:*:*:${r}`;
  const owned = { 'aws:ResourceTag/KubernetesCluster': p.clusterName };
  const nodePool = { 'aws:ResourceTag/karpenter.sh/nodepool': '*' };
  const created = ['fleet/*', 'instance/*', 'launch-template/*', 'network-interface/*', 'spot-instances-request/*', 'volume/*'].map(arn);
  p.add({
    Action: ['ec2:CreateFleet', 'ec2:RunInstances'],
    Effect: 'Allow',
    Resource: [arn('capacity-reservation/*'), arn('security-group/*'), arn('subnet/*'), `arn:${p.partition}:ec2:*::image/*`, `arn:${p.partition}:ec2:*::snapshot/*`],
  });
  p.add({ Action: ['ec2:CreateFleet', 'ec2:RunInstances'], Condition: { StringEquals: owned, StringLike: nodePool }, Effect: 'Allow', Resource: [arn('launch-template/*')] });
  p.add({
    Action: ['ec2:CreateFleet', 'ec2:CreateLaunchTemplate', 'ec2:RunInstances'],
    Condition: { StringEquals: { 'aws:RequestTag/KubernetesCluster': p.clusterName }, StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' } },
    Effect: 'Allow',
    Resource: created,
  });
  p.add({
    Action: 'ec2:CreateTags',
    Condition: {
      StringEquals: { 'aws:RequestTag/KubernetesCluster': p.clusterName, 'ec2:CreateAction': ['CreateFleet', 'CreateLaunchTemplate', 'RunInstances'] },
      StringLike: { 'aws:RequestTag/karpenter.sh/nodepool': '*' },
    },
    Effect: 'Allow',
    Resource: created,
  });
  p.add({
    Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
    Condition: { Null: { 'aws:RequestTag/KubernetesCluster': 'true' }, StringEquals: owned, StringLike: nodePool },
    Effect: 'Allow',
    Resource: created,
  });
  p.add({
    Action: ['ec2:DeleteLaunchTemplate', 'ec2:TerminateInstances'],
    Condition: { StringEquals: owned, StringLike: nodePool },
    Effect: 'Allow',
    Resource: [arn('instance/*'), arn('launch-template/*')],
  });
  p.add({
    Action: 'iam:PassRole',
    Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    Effect: 'Allow',
    Resource: `arn:${p.partition}:iam::*:role/${groups.customInstanceProfiles ? '*' : nodesRoleName}`,
  });
  if (groups.customerManagedKeys) addKmsStatements(p, region);
  addAll(p.unconditional, [
    'ec2:DescribeCapacityReservations',
    'ec2:DescribeImages',
    'ec2:DescribeInstanceStatus',
    'ec2:DescribeInstanceTypeOfferings',
    'ec2:DescribeInstanceTypes',
    'ec2:DescribeInstances',
    'ec2:DescribeLaunchTemplates',
    'ec2:DescribePlacementGroups',
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeSpotPriceHistory',
    'ec2:DescribeSubnets',
    'iam:GetInstanceProfile',
    'iam:ListInstanceProfiles',
    'pricing:GetProducts',
    'ssm:GetParameter',
  ]);
}

/** A user's inline policy (a JSON list of statements) as the document the Go kops writes for it. */
export function inlinePolicyDocument(statementsJson: string): string {
  const statements = JSON.parse(statementsJson) as Statement[];
  return JSON.stringify({ Statement: statements.map(orderStatement), Version: '2012-10-17' }, null, 2);
}
