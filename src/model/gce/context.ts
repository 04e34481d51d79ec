/** What the GCE builders share: the cluster, its groups, naming after the cluster, and the inputs resolved beforehand. */
import type { Cluster, ClusterSubnetSpec, InstanceGroup } from '../../apis/types.js';
import { truncateName } from '../../apis/go/truncate.js';
import { parseNetworkId, safeClusterName } from '../../cloud/gce/lookup.js';
import { clusterSuffixedName, safeObjectName, tagForRole } from '../../cloud/gce/names.js';
import { GceNetwork, GceSubnetwork } from '../../cloud/gce/resources/index.js';
import { ref, type Task } from '../../engine/task.js';
import { UserError } from '../../errors.js';
import type { BootstrapFile } from '../context.js';
import type { DiscoveryStoreFacts } from '../discovery.js';

export interface GceModelInputs {
  /** `spec.project`. */
  project: string;
  /** SSH public key lines for the instances' `ssh-keys` metadata. */
  sshPublicKeys: string[];
  /** State-store files (nodeup configs, add-on manifests, ...). */
  files: BootstrapFile[];
  /** User data (the nodeup script) per instance group. */
  userData: Map<string, string>;
  /** Enabled kops feature flags. */
  featureFlags?: string[];
  /** The service-account signing keys (PEM), published in the issuer discovery store when there is one. */
  serviceAccountPublicKeysPem?: string;
  /** What Cloud Storage tells about an s3:// or gs:// issuer discovery store. */
  discoveryStore?: DiscoveryStoreFacts;
}

export type GceRole = 'control-plane' | 'apiserver' | 'node' | 'bastion';

const ROLES: Record<string, GceRole> = { Master: 'control-plane', ControlPlane: 'control-plane', APIServer: 'apiserver', Node: 'node', Bastion: 'bastion' };

export class GceModel {
  readonly clusterName: string;
  readonly region: string;
  readonly network: { name: string; project?: string; shared: boolean };
  readonly instanceGroups: InstanceGroup[];

  constructor(
    readonly cluster: Cluster,
    instanceGroups: InstanceGroup[],
    readonly inputs: GceModelInputs,
  ) {
    // In name order, as the state store lists them (the order backends are listed in).
    this.instanceGroups = [...instanceGroups].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
    this.clusterName = cluster.metadata.name!;
    const regions = [...new Set((cluster.spec.subnets ?? []).map((s) => s.region).filter((r): r is string => !!r))];
    if (regions.length !== 1) throw new UserError(`spec.subnets: a GCE cluster lives in exactly one region, found ${regions.length ? regions.join(', ') : 'none'}`, 'give every subnet the same region');
    this.region = regions[0];
    const networkId = cluster.spec.networkID;
    if (networkId) {
      const parsed = parseNetworkId(networkId);
      this.network = { ...parsed, shared: true };
    } else {
      this.network = { name: truncateName(safeClusterName(this.clusterName), 63, false), shared: false };
    }
  }

  get spec() {
    return this.cluster.spec;
  }

  role(ig: InstanceGroup): GceRole {
    const role = ROLES[ig.spec.role ?? ''];
    if (!role) throw new UserError(`InstanceGroup ${ig.metadata.name}: unknown role "${ig.spec.role}"`);
    return role;
  }

  /** The network tag of a role; `master` is the tag control-plane instances carry besides `control-plane`. */
  tag(role: GceRole | 'master'): string {
    return tagForRole(this.clusterName, role);
  }

  hasApiServerGroups(): boolean {
    return this.instanceGroups.some((ig) => ig.spec.role === 'APIServer');
  }

  /** Tags of instances serving the API: the control plane, and dedicated API servers when there are any. */
  apiServerTargetTags(): string[] {
    return this.hasApiServerGroups() ? [this.tag('control-plane'), this.tag('apiserver')] : [this.tag('control-plane')];
  }

  /** The control plane's tags as the firewall rules between roles name them. */
  controlPlaneTags(): string[] {
    return [...this.apiServerTargetTags(), this.tag('master')];
  }

  suffixedName(name: string): string {
    return clusterSuffixedName(name, this.clusterName, 63);
  }

  objectName(name: string): string {
    return safeObjectName(name, this.clusterName);
  }

  /** How tasks refer to the network: the managed network's name, or the shared network as `[project/]name`. */
  networkLink(): string | ReturnType<typeof ref> {
    if (this.network.shared) return this.network.project ? `${this.network.project}/${this.network.name}` : this.network.name;
    return ref({ type: GceNetwork.type, name: this.network.name }, 'name');
  }

  subnetName(subnet: ClusterSubnetSpec): string {
    return subnet.id || clusterSuffixedName(subnet.name!, this.clusterName, 63);
  }

  subnetLink(subnet: ClusterSubnetSpec): string | ReturnType<typeof ref> {
    const name = this.subnetName(subnet);
    if (subnet.id) return this.network.project ? `${this.network.project}/${name}` : name;
    return ref({ type: GceSubnetwork.type, name }, 'name');
  }

  subnet(name: string): ClusterSubnetSpec {
    const subnet = (this.spec.subnets ?? []).find((s) => s.name === name);
    if (!subnet) throw new UserError(`no subnet named ${name} in spec.subnets`, 'name a subnet of the cluster');
    return subnet;
  }

  usesIpAliases(): boolean {
    return !!this.spec.networking?.gce || !!this.spec.networking?.kindnet;
  }

  usesGceRoutes(): boolean {
    return !!this.spec.networking?.kubenet;
  }

  isIpv6Only(): boolean {
    return this.spec.nonMasqueradeCIDR === '::/0';
  }

  /** The API is reached through a load balancer (and not published DNS records pointing at the instances). */
  usesLoadBalancerForApi(): boolean {
    return !!this.spec.api?.loadBalancer;
  }

  usesBastion(): boolean {
    return this.instanceGroups.some((ig) => ig.spec.role === 'Bastion');
  }
}

export type { Task };
