/**
 * Validation of a user's Cluster and InstanceGroups (the v1alpha2 objects as stored), each problem with the object
 * and the field path it is about.
 */
import { UserError } from '../errors.js';
import { cidrContains, parseCidr, type Cidr } from './cidr.js';
import { validateAddons } from './validation-addons.js';
import { validateCilium } from './validation-cilium.js';
import { validateGceInstanceGroup, validateGceSubnets } from './validation-gce.js';
import { CLUSTER_LABEL, INSTANCE_GROUP_ROLES, type Cluster, type ClusterSubnetSpec, type InstanceGroup } from './types.js';

export interface FieldError {
  /** The object, e.g. `Cluster "minimal.example.com"` or `InstanceGroup "nodes"`. */
  object: string;
  /** Field path inside the object, e.g. `spec.subnets[1].cidr`. */
  path: string;
  message: string;
  hint?: string;
}

const SUBNET_TYPES = ['Public', 'Private', 'Utility', 'DualStack'];
const DNS_TYPES = ['Public', 'Private', 'None'];
const LOAD_BALANCER_TYPES = ['Public', 'Internal'];
const CLOUD_PROVIDERS = ['aws', 'azure', 'digitalocean', 'gce', 'hetzner', 'openstack', 'scaleway', 'metal'];
const CONTROL_PLANE_ROLES = ['Master', 'ControlPlane'];
const KUBERNETES_VERSION = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** kops's IPv6 subnet notation: a prefix length and an index into the VPC's IPv6 block, e.g. `/64#1`. */
const IPV6_SUBNET_SHORTHAND = /^\/\d{1,3}#[0-9a-fA-F]+$/;

export function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && name.split('.').every((label) => DNS_LABEL.test(label));
}

/** Every problem found in a cluster and its instance groups (empty when valid). */
export function validateCluster(cluster: Cluster, instanceGroups: readonly InstanceGroup[]): FieldError[] {
  const errors: FieldError[] = [];
  const clusterName = cluster.metadata.name ?? '';
  const add = (path: string, message: string, hint?: string) => errors.push({ object: `Cluster ${JSON.stringify(clusterName)}`, path, message, hint });
  const spec = cluster.spec ?? {};

  if (!clusterName) add('metadata.name', 'is required', 'name the cluster with a DNS name such as mycluster.example.com');
  else if (!isDnsSubdomain(clusterName)) add('metadata.name', `${JSON.stringify(clusterName)} is not a valid DNS name`, 'use lower-case letters, digits, "-" and "."');
  else if (!clusterName.includes('.')) add('metadata.name', `${JSON.stringify(clusterName)} is not a fully-qualified DNS name`, 'use a name such as mycluster.example.com (or mycluster.k8s.local for gossip DNS)');

  if (spec.cloudProvider !== undefined && !CLOUD_PROVIDERS.includes(spec.cloudProvider)) {
    add('spec.cloudProvider', `unsupported cloud provider ${JSON.stringify(spec.cloudProvider)}`, `use one of ${CLOUD_PROVIDERS.join(', ')}`);
  }
  const version = spec.kubernetesVersion;
  if (version !== undefined && !KUBERNETES_VERSION.test(version) && !/^https?:\/\//.test(version)) {
    add('spec.kubernetesVersion', `${JSON.stringify(version)} is not a Kubernetes version`, 'write it as v1.32.0 (or a release URL)');
  }

  const parsed = (path: string, value: string | undefined): Cidr | undefined => {
    if (value === undefined) return undefined;
    const cidr = parseCidr(value);
    if (!cidr) add(path, `${JSON.stringify(value)} is not a valid CIDR`, 'write it as address/prefix, e.g. 172.20.0.0/16');
    return cidr;
  };
  const networkCidrs: Cidr[] = [];
  const network = parsed('spec.networkCIDR', spec.networkCIDR);
  if (network) networkCidrs.push(network);
  (spec.additionalNetworkCIDRs ?? []).forEach((c, i) => {
    const extra = parsed(`spec.additionalNetworkCIDRs[${i}]`, c);
    if (extra) networkCidrs.push(extra);
  });
  parsed('spec.nonMasqueradeCIDR', spec.nonMasqueradeCIDR);
  parsed('spec.serviceClusterIPRange', spec.serviceClusterIPRange);
  parsed('spec.podCIDR', spec.podCIDR);
  for (const field of ['kubernetesApiAccess', 'sshAccess', 'nodePortAccess'] as const) {
    (spec[field] ?? []).forEach((c, i) => {
      // AWS managed prefix lists are allowed in place of a CIDR.
      if (!c.startsWith('pl-')) parsed(`spec.${field}[${i}]`, c);
    });
  }

  if (spec.cloudConfig?.useIPBasedNodeNames && String(spec.nonMasqueradeCIDR ?? '').includes(':')) {
    add('spec.cloudConfig.useIPBasedNodeNames', 'is forbidden: IP-based node names are not supported on IPv6-only clusters', 'remove useIPBasedNodeNames: IPv6-only nodes are named after their instance ids');
  }
  validateSubnets(cluster, networkCidrs, add);
  validateTopologyAndApi(cluster, add);
  validateEtcd(cluster, instanceGroups, add);
  validateAddons(cluster, add);
  validateCilium(cluster, add);

  validateContainerRuntime(cluster, add);

  const authorizers = Object.keys(spec.authorization ?? {});
  if (authorizers.length > 1) add('spec.authorization', `only one authorizer may be set, found ${authorizers.join(' and ')}`);
  const networkingProviders = Object.keys(spec.networking ?? {});
  if (networkingProviders.length > 1) {
    add('spec.networking', `only one networking provider may be set, found ${networkingProviders.join(', ')}`, 'keep the one you want and remove the others');
  }

  const subnetNames = new Set((spec.subnets ?? []).map((s) => s.name));
  const seen = new Set<string>();
  for (const ig of instanceGroups) {
    errors.push(...validateInstanceGroup(ig, clusterName, subnetNames, spec.cloudProvider));
    const name = ig.metadata.name ?? '';
    if (seen.has(name)) {
      errors.push({ object: `InstanceGroup ${JSON.stringify(name)}`, path: 'metadata.name', message: 'is used by more than one instance group', hint: 'give each instance group its own name' });
    }
    seen.add(name);
  }
  return errors;
}

type Add = (path: string, message: string, hint?: string) => void;

function validateSubnets(cluster: Cluster, networkCidrs: Cidr[], add: Add): void {
  const spec = cluster.spec;
  const names = new Set<string>();
  const regions = new Set<string>();
  (spec.subnets ?? []).forEach((subnet, i) => {
    const path = `spec.subnets[${i}]`;
    if (!subnet.name) add(`${path}.name`, 'is required');
    else if (names.has(subnet.name)) add(`${path}.name`, `subnet name ${JSON.stringify(subnet.name)} is used more than once`);
    else names.add(subnet.name);
    if (subnet.type === undefined) add(`${path}.type`, 'is required', `set one of ${SUBNET_TYPES.join(', ')}`);
    else if (!SUBNET_TYPES.includes(subnet.type)) add(`${path}.type`, `unknown subnet type ${JSON.stringify(subnet.type)}`, `use one of ${SUBNET_TYPES.join(', ')}`);
    if (spec.cloudProvider === 'aws') {
      // A shared subnet (given by id) may leave its zone to be looked up.
      if (subnet.zone) regions.add(subnet.zone.slice(0, -1));
      else if (!subnet.id) add(`${path}.zone`, 'is required for AWS', 'set the availability zone, e.g. us-east-1a');
    }
    if (subnet.cidr !== undefined) {
      const cidr = parseCidr(subnet.cidr);
      if (!cidr) add(`${path}.cidr`, `${JSON.stringify(subnet.cidr)} is not a valid CIDR`);
      else if (networkCidrs.length && !networkCidrs.some((n) => cidrContains(n, cidr))) {
        const inside = [spec.networkCIDR, ...(spec.additionalNetworkCIDRs ?? [])].filter(Boolean).join(', ');
        add(`${path}.cidr`, `${subnet.cidr} is not inside spec.networkCIDR or spec.additionalNetworkCIDRs (${inside})`, `set a CIDR inside ${inside}, or widen spec.networkCIDR`);
      }
    }
    if (subnet.ipv6CIDR !== undefined && !IPV6_SUBNET_SHORTHAND.test(subnet.ipv6CIDR) && parseCidr(subnet.ipv6CIDR)?.family !== 6) {
      add(`${path}.ipv6CIDR`, `${JSON.stringify(subnet.ipv6CIDR)} is not an IPv6 CIDR`, 'write it as 2001:db8::/64, or /64#N for the Nth /64 of the VPC block');
    }
    if (subnet.egress) validateEgress(subnet, path, add);
    if (spec.cloudProvider === 'aws' && subnet.additionalRoutes) validateAdditionalRoutes(cluster, subnet, path, networkCidrs, add);
  });
  if (regions.size > 1) add('spec.subnets', `subnets are in more than one region (${[...regions].sort().join(', ')})`, 'a cluster lives in one region: use zones of a single region');
  const shared = !!spec.subnets?.[0]?.id;
  (spec.subnets ?? []).forEach((subnet, i) => {
    if (!!subnet.id !== shared) add(`spec.subnets[${i}].id`, 'is forbidden: cannot mix subnets with specified ID and unspecified ID', 'give every subnet an id (all shared), or none');
  });
  if (spec.cloudProvider === 'gce') validateGceSubnets(cluster, add);
}

/** Egress kinds by the part before the first `-`: NAT gateway, Elastic IP, NAT instance, transit gateway, or External. */
const EGRESS_KINDS = ['nat', 'eipalloc', 'i', 'tgw', 'External'];

/** A subnet's egress names a known kind, and only a private (or IPv6-capable public) subnet routes through it. */
function validateEgress(subnet: ClusterSubnetSpec, path: string, add: Add): void {
  const egress = subnet.egress ?? '';
  if (!EGRESS_KINDS.includes(egress.split('-')[0])) {
    add(`${path}.egress`, `unsupported egress ${JSON.stringify(egress)}`, 'use a NAT gateway (nat-...), an Elastic IP (eipalloc-...), a NAT instance (i-...), a transit gateway (tgw-...), or External');
  }
  const ipv6Public = subnet.type === 'Public' && !!subnet.ipv6CIDR;
  if (egress !== 'External' && subnet.type !== 'Private' && subnet.type !== 'DualStack' && !ipv6Public) {
    add(`${path}.egress`, 'is forbidden: egress can only be specified for private or IPv6-capable public subnets', 'remove it, or make the subnet Private');
  }
}

/** containerd is the only runtime (kops 1.37): the legacy containerRuntime field may only say so. */
function validateContainerRuntime(cluster: Cluster, add: Add): void {
  const runtime = cluster.spec.containerRuntime;
  if (runtime === 'docker') add('spec.containerRuntime', 'is forbidden: Docker CRI support was removed in Kubernetes 1.24', 'remove the field, or set it to containerd');
  else if (runtime !== undefined && runtime !== '' && runtime !== 'containerd') add('spec.containerRuntime', `unsupported value ${JSON.stringify(runtime)}`, 'remove the field, or set it to containerd');
  const version = cluster.spec.containerd?.version;
  if (version !== undefined && !versionAtLeast(version, [2, 1, 0])) {
    add('spec.containerd.version', `${JSON.stringify(version)} is an unsupported legacy version; containerd 2.1.0 or newer is required`, 'set a containerd version of 2.1.0 or newer, or remove it for the default');
  }
}

function versionAtLeast(version: string, minimum: readonly number[]): boolean {
  const parts = version.replace(/^v/, '').split(/[-+]/)[0].split('.').map((n) => Number(n) || 0);
  for (let i = 0; i < minimum.length; i++) if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) > minimum[i];
  return true;
}

/** The targets a route may point at, by id prefix: peering connection, instance, NAT, transit, internet and egress-only gateways. */
const ROUTE_TARGET_PREFIXES = ['pcx-', 'i-', 'nat-', 'tgw-', 'igw-', 'eigw-'];

/** A private subnet's extra routes, as Go's awsValidateAdditionalRoutes. */
function validateAdditionalRoutes(cluster: Cluster, subnet: ClusterSubnetSpec, path: string, networkCidrs: Cidr[], add: Add): void {
  if (subnet.id) add(`${path}.additionalRoutes`, 'is forbidden: additional routes cannot be added if the subnet is shared', 'add the routes to the shared subnet\'s route table yourself');
  else if (subnet.type !== 'Private') add(`${path}.additionalRoutes`, 'is forbidden: additional routes can only be added on private subnets', 'move the routes to a subnet of type Private');
  const seen = new Set([cluster.spec.networkCIDR, ...(cluster.spec.additionalNetworkCIDRs ?? [])].filter((c): c is string => !!c));
  (subnet.additionalRoutes ?? []).forEach((route, j) => {
    const at = `${path}.additionalRoutes[${j}]`;
    const target = route.target ?? '';
    if (!ROUTE_TARGET_PREFIXES.some((p) => target.startsWith(p))) add(`${at}.target`, `unknown target type for route ${JSON.stringify(target)}`, `use the id of a ${ROUTE_TARGET_PREFIXES.map((p) => `${p}...`).join(', ')}`);
    const cidr = parseCidr(route.cidr ?? '');
    if (!cidr) add(`${at}.cidr`, `${JSON.stringify(route.cidr ?? '')} is not a valid CIDR`);
    else if (target.startsWith('pcx-')) {
      const first: Cidr = { ...cidr, prefix: cidr.family === 4 ? 32 : 128 };
      if (networkCidrs.some((n) => cidrContains(n, first))) {
        add(`${at}.target`, 'is forbidden: target is more specific than a network CIDR block. This route can target only an interface or an instance.');
      }
    }
    if (route.cidr !== undefined && seen.has(route.cidr)) add(`${at}.cidr`, `duplicate value ${JSON.stringify(route.cidr)}`, 'each route needs its own CIDR, distinct from the network CIDRs');
    if (route.cidr !== undefined) seen.add(route.cidr);
  });
}

function validateTopologyAndApi(cluster: Cluster, add: Add): void {
  const dnsType = cluster.spec.topology?.dns?.type;
  if (dnsType !== undefined && !DNS_TYPES.includes(dnsType)) add('spec.topology.dns.type', `unknown DNS type ${JSON.stringify(dnsType)}`, `use one of ${DNS_TYPES.join(', ')}`);
  const lbType = cluster.spec.api?.loadBalancer?.type;
  if (lbType !== undefined && !LOAD_BALANCER_TYPES.includes(lbType)) {
    add('spec.api.loadBalancer.type', `unknown load balancer type ${JSON.stringify(lbType)}`, `use one of ${LOAD_BALANCER_TYPES.join(', ')}`);
  }
  if (lbType === 'Internal' && !(cluster.spec.subnets ?? []).some((s) => s.type === 'Private')) {
    add('spec.api.loadBalancer.type', 'is forbidden: Internal LoadBalancers must have at least one subnet of type Private', 'add a Private subnet, or make the load balancer Public');
  }
}

function validateEtcd(cluster: Cluster, instanceGroups: readonly InstanceGroup[], add: Add): void {
  const controlPlaneGroups = new Set(instanceGroups.filter((ig) => CONTROL_PLANE_ROLES.includes(ig.spec?.role ?? '')).map((ig) => ig.metadata.name));
  const clusterNames = new Set<string>();
  (cluster.spec.etcdClusters ?? []).forEach((etcd, i) => {
    const path = `spec.etcdClusters[${i}]`;
    if (!etcd.name) add(`${path}.name`, 'is required', 'name etcd clusters main and events');
    else if (clusterNames.has(etcd.name)) add(`${path}.name`, `etcd cluster ${JSON.stringify(etcd.name)} is defined more than once`);
    else clusterNames.add(etcd.name);
    const members = etcd.etcdMembers ?? [];
    if (!members.length) add(`${path}.etcdMembers`, 'an etcd cluster needs at least one member');
    else if (members.length % 2 === 0) add(`${path}.etcdMembers`, `${members.length} members: an etcd cluster needs an odd number of members for quorum`, 'use 1, 3 or 5 control-plane zones');
    const memberNames = new Set<string>();
    members.forEach((member, j) => {
      const memberPath = `${path}.etcdMembers[${j}]`;
      if (!member.name) add(`${memberPath}.name`, 'is required');
      else if (memberNames.has(member.name)) add(`${memberPath}.name`, `member ${JSON.stringify(member.name)} appears more than once`);
      else memberNames.add(member.name);
      if (!member.instanceGroup) add(`${memberPath}.instanceGroup`, 'is required', 'name the control-plane instance group that runs this member');
      else if (instanceGroups.length && !controlPlaneGroups.has(member.instanceGroup)) {
        add(`${memberPath}.instanceGroup`, `${JSON.stringify(member.instanceGroup)} is not a control-plane instance group of this cluster`, 'name an instance group with role Master');
      }
    });
  });
}

function validateInstanceGroup(ig: InstanceGroup, clusterName: string, subnetNames: Set<string | undefined>, cloud: string | undefined): FieldError[] {
  const name = ig.metadata.name ?? '';
  const errors: FieldError[] = [];
  const add = (path: string, message: string, hint?: string) => errors.push({ object: `InstanceGroup ${JSON.stringify(name)}`, path, message, hint });
  const spec = ig.spec ?? {};
  if (!name) add('metadata.name', 'is required');
  else if (!isDnsSubdomain(name)) add('metadata.name', `${JSON.stringify(name)} is not a valid name`, 'use lower-case letters, digits, "-" and "."');
  const owner = ig.metadata.labels?.[CLUSTER_LABEL];
  if (owner !== undefined && clusterName && owner !== clusterName) {
    add(`metadata.labels["${CLUSTER_LABEL}"]`, `names cluster ${JSON.stringify(owner)}, not ${JSON.stringify(clusterName)}`);
  }
  if (spec.role === undefined) add('spec.role', 'is required', `set one of ${INSTANCE_GROUP_ROLES.join(', ')}`);
  else if (!(INSTANCE_GROUP_ROLES as readonly string[]).includes(spec.role)) add('spec.role', `unknown role ${JSON.stringify(spec.role)}`, `use one of ${INSTANCE_GROUP_ROLES.join(', ')}`);
  if (spec.minSize !== undefined && spec.minSize < 0) add('spec.minSize', `must not be negative (is ${spec.minSize})`);
  if (spec.maxSize !== undefined && spec.maxSize < 0) add('spec.maxSize', `must not be negative (is ${spec.maxSize})`);
  if (spec.minSize !== undefined && spec.maxSize !== undefined && spec.minSize > spec.maxSize) {
    add('spec.minSize', `${spec.minSize} is greater than spec.maxSize ${spec.maxSize}`, 'raise spec.maxSize or lower spec.minSize');
  }
  (spec.subnets ?? []).forEach((subnet, i) => {
    if (subnetNames.size && !subnetNames.has(subnet)) add(`spec.subnets[${i}]`, `${JSON.stringify(subnet)} is not a subnet of the cluster`, `use one of ${[...subnetNames].join(', ')}`);
  });
  if (cloud === 'gce') validateGceInstanceGroup(ig, add);
  return errors;
}

/** One line per problem: `<object>: <path>: <message>`. */
export function formatFieldError(e: FieldError): string {
  return `${e.object}: ${e.path}: ${e.message}`;
}

/** Turns validation problems into one UserError: the first problem, and how many more there are. */
export function validationError(errors: readonly FieldError[]): UserError {
  if (!errors.length) throw new Error('validationError needs at least one error');
  const [first] = errors;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return new UserError(`${formatFieldError(first)}${more}`, first.hint);
}

/** Throws the UserError for the problems found, if any. */
export function assertValid(cluster: Cluster, instanceGroups: readonly InstanceGroup[]): void {
  const errors = validateCluster(cluster, instanceGroups);
  if (errors.length) throw validationError(errors);
}
