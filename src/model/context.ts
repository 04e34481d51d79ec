import type { Lifecycle } from '../engine/task.js';
import type { DiscoveryStoreFacts } from './discovery.js';
import { roleClass } from '../apis/instance-group-role.js';
import type { Cluster, ClusterSubnetSpec, InstanceGroup } from '../apis/types.js';

/** A state-store file produced by the bootstrap builder (nodeup configs, add-on manifests, ...). */
export interface BootstrapFile {
  /** Task name, e.g. `nodeupconfig-nodes` (the Terraform resource is named after it). */
  tfName: string;
  /** Path relative to `base` (default: the cluster's configBase), e.g. `igconfig/node/nodes/nodeupconfig.yaml`. */
  path: string;
  /** Absolute store location the path is relative to, when not configBase (an etcd backup store). */
  base?: string;
  content: string;
}

export interface ImageInfo {
  id: string;
  rootDeviceName: string;
}

/** Instance type facts the model needs (from DescribeInstanceTypes). */
export interface InstanceTypeInfo {
  /** Number of instance-store volumes; each gets a block device `ephemeralN`. */
  instanceStoreDisks: number;
  gpu?: boolean;
}

/** Everything the AWS model needs beyond the specs, resolved beforehand so that the model stays pure. */
export interface AwsModelContext {
  region: string;
  accountId: string;
  /** `aws`, `aws-cn`, `aws-us-gov` (or `aws-test` in the Go fixtures). */
  partition: string;
  /** Image name (as written in an instance group) -> the AMI it resolves to. */
  images: Record<string, ImageInfo>;
  instanceTypes: Record<string, InstanceTypeInfo>;
  /** The admin SSH public key line (absent: no key pair, or `spec.sshKeyName` names an existing one). */
  sshPublicKey?: string;
  /** The hosted zone `spec.dnsZone` names (by id or name), as found in Route53. */
  dnsZone?: { id: string; name: string; private: boolean };
  /** The internet gateway attached to a shared VPC (`spec.networkID`). */
  sharedInternetGatewayId?: string;
  /** State-store files other than the ones the model writes itself. */
  files: BootstrapFile[];
  /** User data per instance group name. */
  userData: Map<string, string>;
  /** Public keys of the service-account keyset (PEM blocks, ascending id), for the OIDC discovery key set. */
  serviceAccountPublicKeysPem?: string;
  /** What S3 tells about an s3:// issuer discovery store. */
  discoveryStore?: DiscoveryStoreFacts;
  /** Enabled kops feature flags (`KOPS_FEATURE_FLAGS`), e.g. `APIServerNodes`. */
  featureFlags?: string[];
  /** `--phase`: only objects of this phase are managed, the others are left as they are. */
  phase?: 'network' | 'security' | 'cluster';
  /** `kopsKind -> lifecycle`, from --lifecycle-overrides. */
  lifecycleOverrides?: Record<string, Lifecycle>;
}

/** Helpers shared by the builders: naming, tagging, roles; the Go kops's KopsModelContext in spirit. */
export class ModelContext {
  readonly clusterName: string;
  readonly subnets: ClusterSubnetSpec[];

  constructor(
    readonly cluster: Cluster,
    readonly instanceGroups: InstanceGroup[],
    readonly aws: AwsModelContext,
  ) {
    this.clusterName = cluster.metadata.name;
    this.subnets = cluster.spec.subnets ?? [];
  }

  get spec() {
    return this.cluster.spec;
  }

  lifecycle(kopsKind: string): Lifecycle {
    return this.aws.lifecycleOverrides?.[kopsKind] ?? 'Sync';
  }

  get sharedVpc(): boolean {
    return !!this.spec.networkID;
  }

  get networkCIDR(): string | undefined {
    return this.spec.networkCIDR;
  }

  get topology() {
    return this.spec.topology ?? {};
  }

  /** Tags on cluster-owned (or shared) objects: ownership, name, and the user's cloudLabels. */
  cloudTags(name: string, shared = false): Record<string, string> {
    const tags: Record<string, string> = {};
    if (!shared) tags.KubernetesCluster = this.clusterName;
    if (name) tags.Name = name;
    tags[`kubernetes.io/cluster/${this.clusterName}`] = shared ? 'shared' : 'owned';
    Object.assign(tags, this.spec.cloudLabels ?? {});
    return tags;
  }

  isControlPlane(ig: InstanceGroup): boolean {
    return ig.spec.role === 'Master' || ig.spec.role === 'ControlPlane';
  }

  /** The role as kops names its objects after it (`masters`, `master-…`). */
  roleOf(ig: InstanceGroup): 'master' | 'apiserver' | 'node' | 'bastion' {
    const role = roleClass(ig);
    return role === 'control-plane' ? 'master' : role;
  }

  autoscalingGroupName(ig: InstanceGroup): string {
    const role = this.roleOf(ig);
    if (role === 'master') return `${ig.metadata.name}.masters.${this.clusterName}`;
    if (role === 'apiserver') return `${ig.metadata.name}.apiservers.${this.clusterName}`;
    return `${ig.metadata.name}.${this.clusterName}`;
  }

  securityGroupName(role: 'master' | 'apiserver' | 'node' | 'bastion'): string {
    return `${{ master: 'masters', apiserver: 'apiserver', node: 'nodes', bastion: 'bastion' }[role]}.${this.clusterName}`;
  }

  iamName(role: 'master' | 'apiserver' | 'node' | 'bastion'): string {
    return `${{ master: 'masters', apiserver: 'apiservers', node: 'nodes', bastion: 'bastions' }[role]}.${this.clusterName}`;
  }

  get hasBastion(): boolean {
    return this.instanceGroups.some((ig) => ig.spec.role === 'Bastion');
  }

  get hasAPIServerNodes(): boolean {
    return this.instanceGroups.some((ig) => ig.spec.role === 'APIServer');
  }

  /** `gossip` (.k8s.local), `none`, or `public`/`private` Route53. */
  get dnsType(): 'none' | 'gossip' | 'public' | 'private' {
    if (this.clusterName.endsWith('.k8s.local')) return 'gossip';
    const t = this.topology.dns?.type;
    if (t === 'None') return 'none';
    if (t === 'Private') return 'private';
    return 'public';
  }

  get useLoadBalancerForAPI(): boolean {
    return !!this.spec.api?.loadBalancer;
  }

  get nthQueueProcessing(): boolean {
    const nth = this.spec.nodeTerminationHandler;
    return !!nth && nth.enabled !== false && nth.enableSQSTerminationDraining !== false;
  }

  get isIPv6Only(): boolean {
    const nm = this.spec.nonMasqueradeCIDR as string | undefined;
    return !!nm && nm.includes(':');
  }

  subnet(name: string): ClusterSubnetSpec {
    const s = this.subnets.find((x) => x.name === name);
    if (!s) throw new Error(`subnet ${name} is not in spec.subnets`);
    return s;
  }

  subnetTaskName(s: ClusterSubnetSpec): string {
    return `${s.name}.${this.clusterName}`;
  }

  arn(service: string, resource: string, region = '', account = ''): string {
    return `arn:${this.aws.partition}:${service}:${region}:${account}:${resource}`;
  }
}
