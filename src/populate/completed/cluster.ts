import { UNCONVERTED_NETWORKING_PATHS } from '../../apis/unconverted.js';
import { UserError } from '../../errors.js';
import { byDefault, inferred } from '../origin.js';
import type { SpecFiller } from './filler.js';
import type { PopulateState } from './state.js';

/**
 * Fields of v1alpha2 that the internal API no longer has: reading a spec and writing it back drops them
 * (topology now follows from the subnet types; containerd is the only runtime; the EBS CSI driver is always on).
 */
const DROPPED_ON_CONVERSION = [
  'containerRuntime',
  'masterInternalName',
  'cloudConfig.awsEBSCSIDriver.enabled',
  'topology.masters',
  'topology.nodes',
];

export function dropRemovedFields(spec: SpecFiller): void {
  for (const path of [...DROPPED_ON_CONVERSION, ...UNCONVERTED_NETWORKING_PATHS]) spec.remove(path);
}

export function normalizeKubernetesVersion(spec: SpecFiller): string {
  const version = spec.get<string>('kubernetesVersion');
  if (!version) throw new UserError('spec.kubernetesVersion: required', 'set spec.kubernetesVersion, e.g. 1.34.0');
  const normalized = version.trim().replace(/^v(?=\d)/, '');
  if (normalized !== version) spec.set('kubernetesVersion', normalized, inferred('kubernetesVersion without its leading "v"'));
  return normalized;
}

/** Key store, secret store and etcd backups live under configBase unless set elsewhere. */
export function fillStores(s: PopulateState): void {
  const configBase = s.spec.get<string>('configBase');
  if (!configBase) throw new UserError('spec.configBase: required', 'set spec.configBase to the cluster path in the state store');
  s.spec.default('keyStore', `${configBase}/pki`, inferred('keyStore is configBase/pki'));
  s.spec.default('secretStore', `${configBase}/secrets`, inferred('secretStore is configBase/secrets'));
}

/**
 * Defaults the v1alpha2 API applies when it reads a spec. They run before the fields the internal API lost are
 * dropped, because the API access default still follows the legacy control-plane topology.
 */
export function applyV1alpha2Defaults(spec: SpecFiller): void {
  spec.default('topology.dns.type', 'Public', byDefault('DNS topology'));
  if (!spec.has('authorization')) spec.set('authorization.rbac', {}, byDefault('RBAC authorization'));
  if (spec.has('networking.flannel')) {
    // New clusters get vxlan from `create cluster`; a spec without a backend predates that and meant udp.
    spec.default('networking.flannel.backend', 'udp', byDefault('legacy flannel backend'));
  }
}

/**
 * How clients reach the API when the spec does not say: through a load balancer if an API server runs in a private
 * subnet, else through DNS if one runs in a public subnet (the API server groups, or the control plane without them).
 */
export function fillApiAccess(s: PopulateState): void {
  const { spec } = s;
  if (spec.get('cloudProvider') === 'openstack') return;
  if (!spec.has('api.dns') && !spec.has('api.loadBalancer')) {
    const typeOf = new Map((spec.get<Array<{ name: string; type?: string }>>('subnets') ?? []).map((x) => [x.name, x.type]));
    const apiServerNodes = s.instanceGroups.some((ig) => ig.spec.role === 'APIServer');
    const servingTypes = s.instanceGroups
      .filter((ig) => ig.spec.role === 'APIServer' || (!apiServerNodes && (ig.spec.role === 'Master' || ig.spec.role === 'ControlPlane')))
      .flatMap((ig) => (ig.spec.subnets ?? []).map((name) => typeOf.get(name)));
    if (servingTypes.includes('Private')) spec.set('api.loadBalancer', {}, inferred('an API server in a private subnet is reached through a load balancer'));
    else if (servingTypes.includes('Public')) spec.set('api.dns', {}, inferred('API servers in public subnets are reached through DNS'));
  }
  if (spec.has('api.loadBalancer')) {
    spec.default('api.loadBalancer.type', 'Public', byDefault('API load balancer is public'));
    if (spec.get('cloudProvider') === 'aws') spec.default('api.loadBalancer.class', 'Network', byDefault('API load balancer is an NLB'));
  }
}

/** Defaults of kops itself that depend on nothing else. */
export function fillClusterDefaults(s: PopulateState): void {
  const { spec } = s;
  if (spec.has('iam')) spec.default('iam.legacy', false, byDefault('IAM policies are not the legacy ones'));
  spec.default('clusterDNSDomain', 'cluster.local', byDefault('cluster DNS domain'));
  spec.default('cloudConfig.manageStorageClasses', true, byDefault('kops manages storage classes'));
}

export function fillDns(s: PopulateState): void {
  const { spec } = s;
  const gossip = s.clusterName.endsWith('.k8s.local');
  const dnsType = spec.get<string>('topology.dns.type');
  if (!spec.has('dnsZone') && !gossip && dnsType !== 'None') {
    const zone = s.ctx.findDnsZone(s.clusterName, dnsType === 'Private' ? 'Private' : 'Public');
    if (!zone) {
      throw new UserError(`spec.dnsZone: no ${dnsType === 'Private' ? 'private' : 'public'} hosted zone found for ${s.clusterName}`, 'create a hosted zone for a parent domain, or set spec.dnsZone');
    }
    spec.set('dnsZone', zone, inferred(`hosted zone serving ${s.clusterName}`));
  }
  // disable: true is provider none for kops, which leaves the provider unset in v1alpha2.
  if (!gossip && dnsType !== 'None' && spec.get('externalDns.disable') !== true) spec.default('externalDns.provider', 'dns-controller', byDefault('dns-controller manages DNS records'));
}

/** On AWS a shared subnet (one with an id) may leave its zone out: the cloud knows it. GCE subnets are regional. */
export function fillSharedSubnetZones(s: PopulateState): void {
  if (s.spec.get('cloudProvider') !== 'aws') return;
  const subnets = s.spec.get<{ id?: string; name?: string; zone?: string }[]>('subnets') ?? [];
  subnets.forEach((subnet, i) => {
    if (subnet.zone || !subnet.id) return;
    const zone = s.ctx.findSubnetZone(subnet.id);
    if (!zone) throw new UserError(`spec.subnets[${i}].zone: subnet ${subnet.id} (${subnet.name ?? ''}) was not found in the cloud`, 'check the subnet id, or set zone');
    s.spec.set(['subnets', i, 'zone'], zone, inferred(`zone of existing subnet ${subnet.id}`));
  });
}

/** Every etcd member runs on a control-plane instance group of the cluster. */
export function checkEtcdMembers(s: PopulateState): void {
  const groups = new Set(s.instanceGroups.map((g) => g.metadata.name));
  const clusters = s.spec.get<{ name?: string; etcdMembers?: { name?: string; instanceGroup?: string }[] }[]>('etcdClusters') ?? [];
  clusters.forEach((cluster, i) => {
    (cluster.etcdMembers ?? []).forEach((member, j) => {
      if (member.instanceGroup && !groups.has(member.instanceGroup)) {
        throw new UserError(
          `spec.etcdClusters[${i}].etcdMembers[${j}].instanceGroup: no instance group named ${member.instanceGroup} in cluster ${s.clusterName}`,
          'create that instance group, or point the member at an existing control-plane group',
        );
      }
    });
  });
}
