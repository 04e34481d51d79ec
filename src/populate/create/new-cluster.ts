/**
 * `kops create cluster` inference, first half (the Go kops's NewCluster): options → a Cluster and its
 * InstanceGroups, before the command's own tweaks and the CIDR assignments. Pure apart from the injected look-ups.
 */
import type { Cluster, ClusterSubnetSpec, EtcdClusterSpec, InstanceGroup } from '../../apis/types.js';
import { API_VERSION } from '../../apis/types.js';
import { kopsArchitecture, regionOfZone, type AwsLookup, type InstanceRole } from '../../cloud/aws/lookup.js';
import type { GceLookup } from '../../cloud/gce/lookup.js';
import { UserError } from '../../errors.js';
import { findImage, recommendedKubernetesVersion, type Channel } from '../channel.js';
import { kubernetesLT, parseSemVer, type SemVer } from '../semver.js';
import { checkNetworkCidrs } from './assignments.js';
import { GCE_DEFAULT_MACHINE_TYPES, setupGceProject, setupGceZones } from './gce.js';
import type { CreateClusterOptions } from './options.js';

export interface NewClusterContext {
  lookup: AwsLookup;
  /** Needed for `--cloud gce` only. */
  gceLookup?: GceLookup;
  channel: Channel;
  /** The state store URL (`--state`); the cluster's configBase is `<store>/<name>` unless --config-base is given. */
  stateStore: string;
  /** The kops version whose channel recommendation picks the Kubernetes version. */
  kopsVersion: string;
}

export interface NewClusterResult {
  cluster: Cluster;
  instanceGroups: InstanceGroup[];
}

type Spec = Cluster['spec'];
type IG = InstanceGroup;

/** Roles as the v1alpha2 API spells them. */
export const ROLE_CONTROL_PLANE = 'Master';

export async function newCluster(opt: CreateClusterOptions, ctx: NewClusterContext): Promise<NewClusterResult> {
  if (!opt.clusterName) throw new UserError('the cluster name is required', 'give it as the first argument, with --name, or in KOPS_CLUSTER_NAME');
  const spec: Spec = {};
  const cluster: Cluster = { apiVersion: API_VERSION, kind: 'Cluster', metadata: { name: opt.clusterName }, spec };

  spec.channel = opt.channel || 'stable';
  spec.kubernetesVersion = opt.kubernetesVersion || recommendedKubernetesVersion(ctx.channel, ctx.kopsVersion);
  const k8s = spec.kubernetesVersion ? parseSemVer(spec.kubernetesVersion) : undefined;
  if (!k8s) {
    throw new UserError(`--kubernetes-version: cannot parse "${spec.kubernetesVersion ?? ''}" as a Kubernetes version`, 'use a version like v1.32.0');
  }

  spec.configBase = opt.configBase || `${ctx.stateStore.replace(/\/+$/, '')}/${opt.clusterName}`;
  if (opt.authorization.toLowerCase() === 'alwaysallow') spec.authorization = { alwaysAllow: {} };
  else if (!opt.authorization || opt.authorization.toLowerCase() === 'rbac') spec.authorization = { rbac: {} };
  else throw new UserError(`--authorization: unknown mode "${opt.authorization}"`, 'use RBAC or AlwaysAllow');

  spec.iam = { allowContainerRegistry: true, legacy: false };
  spec.kubelet = { anonymousAuth: false };
  applyFeatureGates(spec, opt.kubernetesFeatureGates);

  const adminAccess = opt.adminAccess.length ? opt.adminAccess : ['0.0.0.0/0', '::/0'];
  spec.kubernetesApiAccess = [...adminAccess];
  spec.sshAccess = [...(opt.sshAccess.length ? opt.sshAccess : adminAccess)];

  if (!opt.zones.length) throw new UserError('--zones: at least one zone is required', 'e.g. --zones us-east-1a');
  const repeated = opt.zones.find((z, i) => opt.zones.indexOf(z) !== i);
  if (repeated) throw new UserError(`--zones: ${repeated} is given more than once`, 'name each zone once');
  const allZones = [...new Set([...opt.zones, ...opt.controlPlaneZones])].sort();
  const cloud = opt.cloudProvider || guessCloud(ctx.stateStore, allZones);
  if (cloud !== 'aws' && cloud !== 'gce') throw new UserError(`--cloud: cloud provider "${cloud}" is not supported yet`, 'use --cloud aws or --cloud gce');
  spec.cloudProvider = cloud;
  checkOptionsOffline(opt, cloud);
  if (cloud === 'aws') await checkZones(allZones, ctx.lookup);

  if (opt.discoveryStore) {
    spec.serviceAccountIssuerDiscovery = {
      discoveryStore: `${opt.discoveryStore.replace(/\/+$/, '')}/${opt.clusterName}`,
      enableAWSOIDCProvider: true,
    };
    spec.iam.useServiceAccountExternalPermissions = true;
  }

  let zoneToSubnets: Map<string, ClusterSubnetSpec[]>;
  if (cloud === 'gce') {
    if (opt.networkID) spec.networkID = opt.networkID;
    await setupGceProject(opt, spec, ctx.gceLookup);
    zoneToSubnets = setupGceZones(opt, spec, allZones);
  } else {
    await setupVpc(opt, spec, ctx.lookup);
    zoneToSubnets = await setupZones(opt, spec, allZones, ctx.lookup);
  }
  setupNetworking(opt, spec);
  const topology = opt.topology || (opt.ipv6 ? 'private' : 'public');
  const bastions = await setupTopology(opt, topology, cluster, k8s, allZones, ctx.lookup);
  const controlPlanes = setupControlPlane(opt, topology, spec, zoneToSubnets, k8s);

  let nodes: IG[];
  if (opt.instanceManager === 'karpenter') {
    spec.karpenter = { enabled: true };
    nodes = [karpenterNodes(opt, k8s)];
  } else {
    nodes = setupNodes(opt, spec, zoneToSubnets, k8s);
  }
  const apiServers = setupApiServers(opt, spec, zoneToSubnets, k8s);
  setupApi(opt, topology, cluster);

  const instanceGroups = [...controlPlanes, ...apiServers, ...nodes, ...bastions];
  for (const ig of instanceGroups) await completeInstanceGroup(ig, opt, spec, k8s, ctx);
  return { cluster, instanceGroups };
}

/** Checks that need no cloud look-up, so bad flags fail fast (and without credentials). */
function checkOptionsOffline(opt: CreateClusterOptions, cloud: string): void {
  if (!NETWORKING[opt.networking || 'cilium']) {
    throw new UserError(`--networking: unknown networking mode "${opt.networking}"`, `use one of ${Object.keys(NETWORKING).join(', ')}`);
  }
  dnsType(opt);
  const topology = opt.topology || (opt.ipv6 ? 'private' : 'public');
  if (topology !== 'public' && topology !== 'private') throw new UserError(`--topology: unknown topology "${opt.topology}"`, 'use public or private');
  if (!['', 'cloudgroups', 'karpenter'].includes(opt.instanceManager)) {
    throw new UserError(`--instance-manager: unknown value "${opt.instanceManager}"`, 'use cloudgroups or karpenter');
  }
  if (opt.instanceManager === 'karpenter' && !opt.discoveryStore) {
    throw new UserError('--instance-manager karpenter requires --discovery-store', 'give a public location for the OIDC discovery documents');
  }
  controlPlanePlacement(opt);
  if (opt.nodeCount < 0) throw new UserError('--node-count: must not be negative');
  if (cloud === 'aws') checkNetworkCidrs(opt.networkCIDRs, !!opt.networkID || opt.subnetIDs.length > 0);
  if (cloud !== 'aws' && opt.instanceManager === 'karpenter') throw new UserError('--instance-manager karpenter is only supported on AWS');
}

function applyFeatureGates(spec: Spec, gates: string[]): void {
  if (!gates.length) return;
  const values: Record<string, string> = {};
  for (let gate of gates) {
    let enabled = true;
    if (gate.startsWith('+')) gate = gate.slice(1);
    if (gate.startsWith('-')) {
      enabled = false;
      gate = gate.slice(1);
    }
    if (!gate) throw new UserError('--kubernetes-feature-gates: empty feature gate name');
    values[gate] = String(enabled);
  }
  spec.kubelet = { ...spec.kubelet, featureGates: { ...values } };
  spec.kubeAPIServer = { featureGates: { ...values } };
  spec.kubeControllerManager = { featureGates: { ...values } };
  spec.kubeProxy = { featureGates: { ...values } };
  spec.kubeScheduler = { featureGates: { ...values } };
}

function guessCloud(stateStore: string, zones: string[]): string {
  if (stateStore.startsWith('s3://')) return 'aws';
  if (stateStore.startsWith('gs://')) return 'gce';
  if (zones.some((z) => /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+[a-z]$/.test(z))) return 'aws';
  if (zones.some((z) => /^[a-z]+-[a-z]+\d+-[a-z]$/.test(z))) return 'gce';
  throw new UserError('cannot tell the cloud provider from the zones', 'pass it with --cloud aws or --cloud gce');
}

async function checkZones(zones: string[], lookup: AwsLookup): Promise<void> {
  const region = lookup.region;
  const known = await lookup.zones();
  for (const zone of zones) {
    if (regionOfZone(zone) !== region || !known.includes(zone)) {
      throw new UserError(`--zones: ${zone} is not a zone of region ${region}`, `zones of ${region}: ${known.join(', ')}`);
    }
  }
}

async function setupVpc(opt: CreateClusterOptions, spec: Spec, lookup: AwsLookup): Promise<void> {
  if (opt.networkID) spec.networkID = opt.networkID;
  if (!opt.networkID && opt.subnetIDs.length) {
    const [first] = await lookup.subnets([opt.subnetIDs[0]]);
    if (!first?.vpcId) throw new UserError(`--subnets: subnet ${opt.subnetIDs[0]} does not exist in region ${lookup.region}`, 'check the subnet id and the zones');
    spec.networkID = first.vpcId;
  }
}

/** Which shared subnet serves each zone (one per zone). */
async function zoneToSubnetId(flag: string, vpcId: string | undefined, subnetIds: string[], lookup: AwsLookup): Promise<Map<string, string>> {
  const byZone = new Map<string, string>();
  if (!subnetIds.length) return byZone;
  if (!vpcId || !(await lookup.vpc(vpcId))) throw new UserError(`--network-id: VPC ${vpcId ?? '(none)'} not found in region ${lookup.region}`);
  const inVpc = new Map((await lookup.subnetsOfVpc(vpcId)).map((s) => [s.id, s]));
  for (const id of subnetIds) {
    const subnet = inVpc.get(id);
    if (!subnet) throw new UserError(`${flag}: subnet ${id} not found in VPC ${vpcId}`, 'check the subnet id, or give the VPC it belongs to with --network-id');
    const taken = byZone.get(subnet.zone);
    if (taken) throw new UserError(`${flag}: subnets ${id} and ${taken} are in the same zone ${subnet.zone}`, 'give one subnet per zone');
    byZone.set(subnet.zone, id);
  }
  return byZone;
}

async function setupZones(opt: CreateClusterOptions, spec: Spec, allZones: string[], lookup: AwsLookup): Promise<Map<string, ClusterSubnetSpec[]>> {
  const zoneToSubnets = new Map<string, ClusterSubnetSpec[]>();
  const subnetIds = await zoneToSubnetId('--subnets', spec.networkID, opt.subnetIDs, lookup);
  const subnets: ClusterSubnetSpec[] = (spec.subnets = []);
  const add = (zone: string, subnet: ClusterSubnetSpec) => {
    const existing = subnets.find((s) => s.name === subnet.name);
    const kept = existing ?? subnet;
    if (!existing) subnets.push(subnet);
    zoneToSubnets.set(zone, [...(zoneToSubnets.get(zone) ?? []), kept]);
  };
  for (const zone of allZones) {
    const subnet: ClusterSubnetSpec = { name: zone, zone };
    if (opt.egress) subnet.egress = opt.egress;
    const id = subnetIds.get(zone);
    if (id) subnet.id = id;
    add(zone, subnet);
  }
  opt.networkCIDRs.slice(1).forEach((cidr, i) => {
    const zone = opt.zones[i % opt.zones.length];
    const subnet: ClusterSubnetSpec = { name: `${zone}-${i + 1}`, zone, cidr };
    if (opt.egress) subnet.egress = opt.egress;
    const id = subnetIds.get(zone);
    if (id) subnet.id = id;
    add(zone, subnet);
  });
  return zoneToSubnets;
}

/** `--networking` values and the networking block each one selects. */
const NETWORKING: Record<string, (spec: Spec) => void> = {
  kubenet: (s) => (s.networking = { kubenet: {} }),
  external: (s) => (s.networking = { external: {} }),
  cni: (s) => (s.networking = { cni: {} }),
  kopeio: (s) => (s.networking = { kopeio: {} }),
  'kopeio-vxlan': (s) => (s.networking = { kopeio: {} }),
  flannel: (s) => (s.networking = { flannel: { backend: 'vxlan' } }),
  'flannel-vxlan': (s) => (s.networking = { flannel: { backend: 'vxlan' } }),
  'flannel-udp': (s) => (s.networking = { flannel: { backend: 'udp' } }),
  calico: (s) => (s.networking = { calico: {} }),
  canal: (s) => (s.networking = { canal: {} }),
  'kube-router': (s) => {
    s.networking = { kuberouter: {} };
    s.kubeProxy = { ...s.kubeProxy, enabled: false };
  },
  amazonvpc: (s) => (s.networking = { amazonvpc: {} }),
  'amazon-vpc-routed-eni': (s) => (s.networking = { amazonvpc: {} }),
  kindnet: (s) => (s.networking = { kindnet: {} }),
  cilium: (s) => cilium(s, {}),
  'cilium-etcd': (s) => cilium(s, { etcdManaged: true }),
  'cilium-eni': (s) => cilium(s, { ipam: 'eni' }),
  gce: (s) => (s.networking = { gce: {} }),
  gcp: (s) => (s.networking = { gce: {} }),
};

function cilium(spec: Spec, extra: Record<string, unknown>): void {
  spec.networking = { cilium: { enableNodePort: true, ...extra } };
  spec.kubeProxy = { ...spec.kubeProxy, enabled: false };
}

function setupNetworking(opt: CreateClusterOptions, spec: Spec): void {
  const apply = NETWORKING[opt.networking || 'cilium'];
  if (!apply) throw new UserError(`--networking: unknown networking mode "${opt.networking}"`, `use one of ${Object.keys(NETWORKING).join(', ')}`);
  apply(spec);
}

async function setupTopology(opt: CreateClusterOptions, topology: string, cluster: Cluster, k8s: SemVer, allZones: string[], lookup: AwsLookup): Promise<IG[]> {
  const spec = cluster.spec;
  spec.topology = { dns: { type: dnsType(opt) } };
  const subnets = spec.subnets!;
  const bastions: IG[] = [];
  if (topology === 'public') {
    if (opt.bastion) throw new UserError('--bastion needs --topology private', 'a bastion is only useful when the nodes have no public address');
    for (const s of subnets) s.type = 'Public';
  } else {
    if (spec.networking?.kubenet) throw new UserError('--networking kubenet does not support --topology private', 'choose another networking mode, e.g. cilium or calico');
    for (const s of subnets) s.type = 'Private';
    const utilityIds = await zoneToSubnetId('--utility-subnets', spec.networkID, opt.utilitySubnetIDs, lookup);
    const derived = (prefix: string, type: string) =>
      subnets
        .filter((s) => s.type === 'Private')
        .map((s): ClusterSubnetSpec => {
          const subnet: ClusterSubnetSpec = { name: `${prefix}-${s.name}`, zone: s.zone, type };
          if (s.region) subnet.region = s.region;
          const id = utilityIds.get(s.zone ?? '');
          if (id) subnet.id = id;
          return subnet;
        });
    if (opt.ipv6) subnets.push(...derived('dualstack', 'DualStack'));
    // GCE subnets are regional and need no utility subnets beside them.
    if (spec.cloudProvider !== 'gce') subnets.push(...derived('utility', 'Utility'));
    if (opt.bastion) {
      const bastion = instanceGroup('bastions', 'Bastion', 1);
      if (publishesDnsRecords(cluster)) spec.topology.bastion = { bastionPublicName: `bastion.${cluster.metadata.name}` };
      if (opt.ipv6) bastion.spec.subnets = subnets.filter((s) => s.type === 'DualStack').map((s) => s.name!);
      if (spec.cloudProvider === 'gce') bastion.spec.zones = [...allZones];
      if (kubernetesLT(k8s, '1.27') && spec.cloudProvider === 'aws') bastion.spec.instanceMetadata = { httpPutResponseHopLimit: 1, httpTokens: 'required' };
      if (opt.bastionImage) bastion.spec.image = opt.bastionImage;
      bastions.push(bastion);
    }
  }
  if (opt.ipv6) {
    spec.nonMasqueradeCIDR = '::/0';
    spec.cloudControllerManager = {};
    subnets.forEach((s, i) => (s.ipv6CIDR = `/64#${i.toString(16)}`));
  }
  return bastions;
}

function dnsType(opt: CreateClusterOptions): string {
  switch (opt.dnsType.toLowerCase()) {
    case '':
      return opt.dnsZone ? 'Public' : 'None';
    case 'public':
      return 'Public';
    case 'private':
      return 'Private';
    case 'none':
      return 'None';
    default:
      throw new UserError(`--dns: unknown DNS type "${opt.dnsType}"`, 'use public, private or none');
  }
}

function publishesDnsRecords(cluster: Cluster): boolean {
  return cluster.spec.topology?.dns?.type !== 'None' && !cluster.metadata.name!.endsWith('.k8s.local');
}

function instanceGroup(name: string, role: string, size?: number): IG {
  const ig: IG = { apiVersion: API_VERSION, kind: 'InstanceGroup', metadata: { name }, spec: { role } };
  if (size !== undefined) {
    ig.spec.minSize = size;
    ig.spec.maxSize = size;
  }
  return ig;
}

function applySizes(ig: IG, sizes: string[], cloud: string | undefined): void {
  if (sizes.length) ig.spec.machineType = sizes[0];
  if (sizes.length > 1 && cloud === 'aws') ig.spec.mixedInstancesPolicy = { instances: [...sizes] };
}

/** GCE instance groups name the zone they run in; AWS ones take it from their subnets. */
function placeInZone(ig: IG, zone: string, cloud: string | undefined): void {
  if (cloud === 'gce') ig.spec.zones = [zone];
}

/** How many control-plane groups, over which zones (round robin). */
function controlPlanePlacement(opt: CreateClusterOptions): { count: number; zones: string[] } {
  let count = opt.controlPlaneCount;
  let zones = opt.controlPlaneZones;
  if (count < 0) throw new UserError('--control-plane-count: must not be negative');
  if (zones.length) {
    if (count !== 0 && count < zones.length) {
      throw new UserError(
        `--control-plane-count: ${count} control-plane nodes cannot cover ${zones.length} control-plane zones`,
        'give as many control-plane nodes as zones (or more), or fewer --control-plane-zones',
      );
    }
    if (count === 0) count = zones.length;
  } else {
    zones = opt.zones;
    if (count === 0) count = 1;
  }
  return { count, zones };
}

function setupControlPlane(opt: CreateClusterOptions, topology: string, spec: Spec, zoneToSubnets: Map<string, ClusterSubnetSpec[]>, k8s: SemVer): IG[] {
  const { count, zones } = controlPlanePlacement(opt);
  const controlPlanes: IG[] = [];
  for (let i = 0; i < count; i++) {
    const zone = zones[i % zones.length];
    const name = count > zones.length ? `${zone}-${1 + Math.floor(i / zones.length)}` : zone;
    const ig = instanceGroup(`control-plane-${name}`, ROLE_CONTROL_PLANE, 1);
    const main = zoneToSubnets.get(zone)![0];
    ig.spec.subnets = [opt.ipv6 && topology === 'private' ? `dualstack-${main.name}` : main.name!];
    placeInZone(ig, zone, spec.cloudProvider);
    if (kubernetesLT(k8s, '1.27') && spec.cloudProvider === 'aws') ig.spec.instanceMetadata = { httpTokens: 'required' };
    applySizes(ig, opt.controlPlaneSizes, spec.cloudProvider);
    if (opt.controlPlaneImage) ig.spec.image = opt.controlPlaneImage;
    controlPlanes.push(ig);
  }

  const clusters = [...opt.etcdClusters];
  if (opt.networking === 'cilium-etcd') clusters.push('cilium');
  const encrypted = opt.encryptEtcdStorage ?? spec.cloudProvider === 'aws';
  spec.etcdClusters = clusters.map((name) => etcdCluster(name, controlPlanes, encrypted, opt.etcdStorageType));
  return controlPlanes;
}

function etcdCluster(name: string, controlPlanes: IG[], encrypted: boolean, storageType: string): EtcdClusterSpec {
  const memberNames = trimCommonPrefix(controlPlanes.map((ig) => ig.metadata.name!.replace(/^control-plane-/, '').replace(/^master-/, '')));
  const etcd: EtcdClusterSpec = {
    name,
    cpuRequest: name === 'main' ? '200m' : '100m',
    memoryRequest: '100Mi',
    manager: { backupRetentionDays: 90 },
    etcdMembers: controlPlanes.map((ig, i) => {
      const member: NonNullable<EtcdClusterSpec['etcdMembers']>[number] = { name: memberNames[i], instanceGroup: ig.metadata.name };
      if (encrypted) member.encryptedVolume = true;
      if (storageType) member.volumeType = storageType;
      return member;
    }),
  };
  return etcd;
}

/** Member names: the IG names without their shared leading characters; a name starting with a digit gets `etcd-`. */
function trimCommonPrefix(names: string[]): string[] {
  while (names.length && names[0].length > 1) {
    const prefix = names[0][0];
    if (!names.every((n) => n.startsWith(prefix))) break;
    names = names.map((n) => n.slice(1));
  }
  return names.map((n) => (/^[0-9]/.test(n) ? `etcd-${n}` : n));
}

function setupNodes(opt: CreateClusterOptions, spec: Spec, zoneToSubnets: Map<string, ClusterSubnetSpec[]>, k8s: SemVer): IG[] {
  if (opt.nodeCount < 0) throw new UserError('--node-count: must not be negative');
  const zones = opt.zones;
  const total = opt.nodeCount || zones.length;
  const perZone = Math.floor(total / zones.length);
  const remainder = total % zones.length;
  return zones.map((zone, i) => {
    const ig = instanceGroup(`nodes-${zone}`, 'Node', perZone + (i < remainder ? 1 : 0));
    const subnets = zoneToSubnets.get(zone)!;
    // The main subnet of a zone may be small; extra subnets (from extra network CIDRs) are for the nodes.
    ig.spec.subnets = (subnets.length === 1 ? subnets : subnets.slice(1)).map((s) => s.name!);
    placeInZone(ig, zone, spec.cloudProvider);
    if (kubernetesLT(k8s, '1.27') && spec.cloudProvider === 'aws') ig.spec.instanceMetadata = { httpPutResponseHopLimit: 1, httpTokens: 'required' };
    applySizes(ig, opt.nodeSizes, spec.cloudProvider);
    if (opt.nodeImage) ig.spec.image = opt.nodeImage;
    return ig;
  });
}

function karpenterNodes(opt: CreateClusterOptions, k8s: SemVer): IG {
  const ig = instanceGroup('nodes', 'Node');
  ig.spec.manager = 'Karpenter';
  if (opt.nodeCount > 0) ig.spec.minSize = opt.nodeCount;
  if (kubernetesLT(k8s, '1.27')) ig.spec.instanceMetadata = { httpPutResponseHopLimit: 1, httpTokens: 'required' };
  if (opt.nodeImage) ig.spec.image = opt.nodeImage;
  return ig;
}

function setupApiServers(opt: CreateClusterOptions, spec: Spec, zoneToSubnets: Map<string, ClusterSubnetSpec[]>, k8s: SemVer): IG[] {
  const total = opt.apiServerCount;
  if (total <= 0) return [];
  const zones = opt.zones;
  const perZone = Math.floor(total / zones.length);
  const remainder = total % zones.length;
  return zones.map((zone, i) => {
    const ig = instanceGroup(`apiserver-${zone}`, 'APIServer', perZone + (i < remainder ? 1 : 0));
    ig.spec.subnets = zoneToSubnets.get(zone)!.map((s) => s.name!);
    placeInZone(ig, zone, spec.cloudProvider);
    if (kubernetesLT(k8s, '1.27') && spec.cloudProvider === 'aws') ig.spec.instanceMetadata = { httpPutResponseHopLimit: 1, httpTokens: 'required' };
    applySizes(ig, opt.apiServerSizes, spec.cloudProvider);
    return ig;
  });
}

function setupApi(opt: CreateClusterOptions, topology: string, cluster: Cluster): void {
  const spec = cluster.spec;
  spec.api = {};
  // Without published DNS records (dns none, or a gossip .k8s.local name) clients reach the API through a load balancer.
  if (opt.apiLoadBalancerType || opt.apiSSLCertificate || topology === 'private' || !publishesDnsRecords(cluster)) {
    spec.api.loadBalancer = {};
  } else {
    spec.api.dns = {};
  }
  const lb = spec.api.loadBalancer;
  if (!lb) return;
  switch (opt.apiLoadBalancerType) {
    case '':
    case 'public':
      lb.type = 'Public';
      break;
    case 'internal':
      lb.type = 'Internal';
      break;
    default:
      throw new UserError(`--api-loadbalancer-type: unknown type "${opt.apiLoadBalancerType}"`, 'use public or internal');
  }
  if (opt.apiSSLCertificate) lb.sslCertificate = opt.apiSSLCertificate;
  if (spec.cloudProvider !== 'aws') return;
  switch (opt.apiLoadBalancerClass) {
    case '':
    case 'network':
      lb.class = 'Network';
      break;
    case 'classic':
      lb.class = 'Classic';
      break;
    default:
      throw new UserError(`--api-loadbalancer-class: unknown class "${opt.apiLoadBalancerClass}"`, 'use network or classic');
  }
}

const ROLE_FOR_DEFAULTS: Record<string, InstanceRole> = { Master: 'ControlPlane', APIServer: 'APIServer', Node: 'Node', Bastion: 'Bastion' };

/**
 * An instance group's image and machine type when not given: the image from the channel (for the architecture of
 * the machine type when one is set), then the cloud's default machine type for the role in the group's zones.
 */
export async function fillMachineDefaults(ig: IG, spec: Spec, k8s: SemVer, ctx: Pick<NewClusterContext, 'lookup' | 'channel'>, image?: string): Promise<void> {
  if (!ig.spec.image) {
    if (image) ig.spec.image = image;
    else await fillChannelImage(ig, spec, k8s, ctx);
  }
  await fillMachineType(ig, spec, ctx.lookup);
}

/**
 * The cloud's default machine type for the group's role in its zones, when it has none (Karpenter picks its own). GCE's
 * defaults are fixed per role; AWS's depend on what the zones offer, so they need the AWS look-up.
 */
export async function fillMachineType(ig: IG, spec: Spec, lookup: AwsLookup | undefined): Promise<void> {
  if (ig.spec.machineType || ig.spec.manager === 'Karpenter') return;
  const role = ROLE_FOR_DEFAULTS[ig.spec.role!];
  ig.spec.machineType = spec.cloudProvider === 'gce' ? GCE_DEFAULT_MACHINE_TYPES[role] : await awsLookupFor(spec, lookup).defaultInstanceType(role, zonesOfInstanceGroup(ig, spec));
}

function awsLookupFor(spec: Spec, lookup: AwsLookup | undefined): AwsLookup {
  if (!lookup) throw new Error(`internal: machine defaults of a ${spec.cloudProvider} cluster need the AWS look-up`);
  return lookup;
}

/** The channel's image for the cloud, the Kubernetes version and the architecture of the group's machine type. */
export async function fillChannelImage(ig: IG, spec: Spec, k8s: SemVer, ctx: { lookup: AwsLookup | undefined; channel: Channel }): Promise<void> {
  const cloud = spec.cloudProvider!;
  // Only AWS offers machine types of another architecture than amd64.
  const arch = cloud === 'aws' ? await machineArchitecture(ig.spec.machineType, awsLookupFor(spec, ctx.lookup)) : 'amd64';
  const found = findImage(ctx.channel, cloud, k8s, arch);
  if (!found) {
    throw new UserError(
      `instancegroup ${ig.metadata.name} spec.image: no image in channel ${ctx.channel.source} for ${cloud}/${arch} and Kubernetes ${spec.kubernetesVersion}`,
      'set spec.image of the instance group (or give one with --image)',
    );
  }
  ig.spec.image = found.name;
}

async function completeInstanceGroup(ig: IG, opt: CreateClusterOptions, spec: Spec, k8s: SemVer, ctx: NewClusterContext): Promise<void> {
  const name = ig.metadata.name!;
  await fillMachineDefaults(ig, spec, k8s, ctx, opt.image);
  const subnets = spec.subnets ?? [];
  if (ig.spec.role === ROLE_CONTROL_PLANE) return;
  if (!ig.spec.subnets?.length) {
    const ipv6Only = spec.nonMasqueradeCIDR === '::/0';
    const excluded = ig.spec.role === 'APIServer' && ipv6Only ? ['Private', 'Utility'] : ['DualStack', 'Utility'];
    ig.spec.subnets = subnets.filter((s) => !excluded.includes(s.type!)).map((s) => s.name!);
    if (!ig.spec.subnets.length) ig.spec.subnets = subnets.filter((s) => s.type !== 'Utility').map((s) => s.name!);
  }
  if (!ig.spec.subnets.length) throw new UserError(`InstanceGroup ${name}: no subnet to place it in`);
}

function zonesOfInstanceGroup(ig: IG, spec: Spec): string[] {
  const zones = (ig.spec.subnets ?? []).map((name) => spec.subnets?.find((s) => s.name === name)?.zone).filter((z): z is string => !!z);
  return zones.length ? [...new Set(zones)] : [...new Set((spec.subnets ?? []).map((s) => s.zone!).filter(Boolean))];
}

async function machineArchitecture(machineType: string | undefined, lookup: AwsLookup): Promise<'amd64' | 'arm64'> {
  if (!machineType) return 'amd64';
  const info = await lookup.instanceType(machineType);
  if (!info) throw new UserError(`machine type ${machineType} does not exist in region ${lookup.region}`, 'check --control-plane-size / --node-size');
  if (!info.architectures.length) throw new UserError(`cannot tell the architecture of machine type ${machineType}`, 'give the image with --image');
  const arch = kopsArchitecture(info.architectures);
  if (!arch) throw new UserError(`machine type ${machineType} has no supported architecture (${info.architectures.join(', ')})`);
  return arch;
}
