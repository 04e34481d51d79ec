/**
 * Validation of a completed cluster (after populate), as the Go kops runs it at `update cluster` with strict=true
 * (pkg/apis/kops/validation: ValidateCluster in legacy.go, the strict branches of validation.go and aws.go, gce.go,
 * DeepValidate with CrossValidateInstanceGroup). The user-input rules of validation.ts apply too; these are the ones
 * that only make sense once every default is filled in, or that the Go kops checks on the completed spec.
 */
import { isIP } from 'node:net';
import { cidrContains, parseCidr, type Cidr } from './cidr.js';
import { validateCompletedGroups } from './validation-completed-groups.js';
import { validateCompletedNetworking } from './validation-completed-networking.js';
import { validateCluster, validationError, type FieldError } from './validation.js';
import type { Cluster, InstanceGroup, KubeletConfigSpec } from './types.js';

export type Add = (path: string, message: string, hint?: string) => void;

export interface CompletedValidationOptions {
  /** Enabled kops feature flags (ExperimentalClusterDNS lifts the kubelet clusterDNS rule). */
  featureFlags?: readonly string[];
}

/** The components a completed spec always configures (populate fills each from its defaults). */
const REQUIRED_COMPONENTS = [
  ['kubelet', 'kubelet'],
  ['masterKubelet', 'controlPlaneKubelet'],
  ['kubeControllerManager', 'kubeControllerManager'],
  ['kubeDNS', 'kubeDNS'],
  ['kubeScheduler', 'kubeScheduler'],
  ['kubeAPIServer', 'kubeAPIServer'],
  ['kubeProxy', 'kubeProxy'],
] as const;

/** The name Kubernetes components give each cloud (`external` is always accepted). */
const K8S_CLOUD_PROVIDER: Record<string, string> = {
  aws: 'aws',
  gce: 'gce',
  digitalocean: 'external',
  hetzner: 'external',
  openstack: 'openstack',
  azure: 'azure',
  scaleway: 'external',
  linode: 'external',
};

const ETCD_CLUSTER_NAMES = ['cilium', 'main', 'events', 'leases'];

/** Every problem of a completed cluster and its completed instance groups (empty when valid). */
export function validateCompletedCluster(cluster: Cluster, groups: readonly InstanceGroup[], options: CompletedValidationOptions = {}): FieldError[] {
  const errors: FieldError[] = [];
  const object = `Cluster ${JSON.stringify(cluster.metadata.name ?? '')}`;
  const add: Add = (path, message, hint) => errors.push({ object, path, message, hint });
  const spec = cluster.spec ?? {};

  const version = parseVersion(spec.kubernetesVersion ?? '');
  if (!spec.kubernetesVersion) add('spec.kubernetesVersion', 'is required', 'set spec.kubernetesVersion, e.g. v1.32.0');
  else if (!version) add('spec.kubernetesVersion', `${JSON.stringify(spec.kubernetesVersion)}: unable to determine kubernetes version`, 'write it as v1.32.0');
  if (!version) return errors;

  for (const [field, goName] of REQUIRED_COMPONENTS) {
    if (spec[field] === undefined) add(`spec.${field}`, `${goName} not configured`, `set spec.${field} (at least {}), or let update fill it in`);
  }
  validateComponentCloudProviders(cluster, version, add);
  validateComponentRanges(cluster, add);
  validateKubeDns(cluster, options, add);
  validateKubelet(spec.kubelet, 'spec.kubelet', add);
  validateKubelet(spec.masterKubelet, 'spec.masterKubelet', add);
  validateKubeProxy(cluster, add);
  validateCompletedNetworking(cluster, add);
  validateCompletedEtcd(cluster, add);
  validateServiceAccountIssuer(cluster, add);
  if (spec.cloudProvider === 'aws' && spec.api?.loadBalancer) {
    const lbClass = spec.api.loadBalancer.class ?? '';
    if (lbClass !== 'Network') add('spec.api.loadBalancer.class', `Unsupported value: ${JSON.stringify(lbClass)}: supported values: "Network"`, 'set class: Network');
  }

  return [...validateCluster(cluster, groups), ...errors, ...validateCompletedGroups(cluster, groups)];
}

/** Throws the UserError for the first problem of a completed cluster, if any (update stops before writing anything). */
export function assertCompletedValid(cluster: Cluster, groups: readonly InstanceGroup[], options: CompletedValidationOptions = {}): void {
  const errors = validateCompletedCluster(cluster, groups, options);
  if (errors.length) throw validationError(errors);
}

interface Version {
  core: [number, number, number];
  pre: string[];
}

function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  return m ? { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split('.') : [] } : undefined;
}

/** Semantic-version order, pre-releases before their release. */
function versionLess(a: Version, b: Version): boolean {
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return a.core[i] < b.core[i];
  if (!a.pre.length || !b.pre.length) return a.pre.length > 0 && b.pre.length === 0;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const [x, y] = [a.pre[i], b.pre[i]];
    if (x === y) continue;
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (nx && ny) return Number(x) < Number(y);
    if (nx !== ny) return nx;
    return x < y;
  }
  return a.pre.length < b.pre.length;
}

const API_SERVER_CLOUD_PROVIDER_DROPPED = parseVersion('1.33.0-alpha.3') as Version;

/** Each component's cloudProvider names the cluster's cloud (or `external`). */
function validateComponentCloudProviders(cluster: Cluster, version: Version, add: Add): void {
  const spec = cluster.spec;
  const expected = K8S_CLOUD_PROVIDER[spec.cloudProvider ?? ''];
  if (!expected) return;
  const hint = `set it to ${JSON.stringify(expected)} or "external", or remove it for the default`;
  const check = (path: string, value: string | undefined) => {
    if ((value ?? '') !== 'external' && value !== expected) add(`${path}.cloudProvider`, 'Forbidden: Did not match cluster cloudProvider', hint);
  };
  if (spec.kubelet) check('spec.kubelet', spec.kubelet.cloudProvider);
  if (spec.masterKubelet) check('spec.masterKubelet', spec.masterKubelet.cloudProvider);
  if (spec.kubeAPIServer && versionLess(version, API_SERVER_CLOUD_PROVIDER_DROPPED)) check('spec.kubeAPIServer', spec.kubeAPIServer.cloudProvider);
  if (spec.kubeControllerManager) check('spec.kubeControllerManager', spec.kubeControllerManager.cloudProvider);
}

/** The controller manager's pod range and the API server's service range agree with the cluster's. */
function validateComponentRanges(cluster: Cluster, add: Add): void {
  const spec = cluster.spec;
  const clusterCidr = spec.kubeControllerManager?.clusterCIDR;
  if (clusterCidr) {
    const cidr = parseCidr(clusterCidr);
    const nonMasquerade = parseCidr(spec.nonMasqueradeCIDR ?? '');
    if (!cidr) add('spec.kubeControllerManager.clusterCIDR', `${JSON.stringify(clusterCidr)}: cluster had an invalid kubeControllerManager.clusterCIDR`, 'write it as address/prefix');
    else if (nonMasquerade && !cidrContains(nonMasquerade, cidr)) {
      add('spec.kubeControllerManager.clusterCIDR', `Forbidden: kubeControllerManager.clusterCIDR ${JSON.stringify(clusterCidr)} must be a subnet of nonMasqueradeCIDR ${JSON.stringify(spec.nonMasqueradeCIDR)}`, `set a range inside ${spec.nonMasqueradeCIDR}, or remove it for the default`);
    }
  }
  const apiServer = spec.kubeAPIServer;
  if (apiServer && (apiServer.serviceClusterIPRange ?? '') !== (spec.serviceClusterIPRange ?? '')) {
    add('spec.kubeAPIServer.serviceClusterIPRange', `Forbidden: kubeAPIServer serviceClusterIPRange ${JSON.stringify(apiServer.serviceClusterIPRange ?? '')} did not match cluster serviceClusterIPRange ${JSON.stringify(spec.serviceClusterIPRange ?? '')}`, 'remove spec.kubeAPIServer.serviceClusterIPRange and set spec.serviceClusterIPRange only');
  }
  const mode = apiServer?.authorizationMode;
  if (mode !== undefined && spec.authorization?.rbac !== undefined && spec.cloudProvider === 'aws') {
    const modes = mode.split(',');
    if (!modes.includes('Node') || !modes.includes('RBAC')) {
      add('spec.kubeAPIServer.authorizationMode', 'Required value: As of kubernetes 1.19 on AWS, authorizationMode must include RBAC and Node', 'list Node and RBAC in authorizationMode, e.g. Node,RBAC');
    }
  }
}

function ipIn(range: Cidr | undefined, address: string): boolean {
  const ip = parseCidr(`${address}/${isIP(address) === 6 ? 128 : 32}`);
  return !range || (ip !== undefined && cidrContains(range, ip));
}

/** The DNS server address lies in the service range, and kubelets point at it (or at the node-local cache). */
function validateKubeDns(cluster: Cluster, options: CompletedValidationOptions, add: Add): void {
  const spec = cluster.spec;
  const dns = spec.kubeDNS;
  if (!dns) return;
  const serverIP = dns.serverIP ?? '';
  if (serverIP) {
    if (isIP(serverIP) === 0) add('spec.kubeDNS.serverIP', `${JSON.stringify(serverIP)}: Cluster had an invalid kubeDNS.serverIP`, 'write it as an IP address inside spec.serviceClusterIPRange');
    else {
      if (!ipIn(parseCidr(spec.serviceClusterIPRange ?? ''), serverIP)) {
        add('spec.kubeDNS.serverIP', `Forbidden: ServiceClusterIPRange ${JSON.stringify(spec.serviceClusterIPRange)} must contain the DNS Server IP ${JSON.stringify(serverIP)}`, `use an address inside ${spec.serviceClusterIPRange}, or remove serverIP for the default`);
      }
      if (!options.featureFlags?.includes('ExperimentalClusterDNS')) {
        const mismatched = (k: KubeletConfigSpec | undefined) => k !== undefined && (k.clusterDNS ?? '') !== serverIP && dns.nodeLocalDNS !== undefined && (k.clusterDNS ?? '') !== (dns.nodeLocalDNS.localIP ?? '');
        const hint = 'remove clusterDNS for the default, or set it to spec.kubeDNS.serverIP (or nodeLocalDNS.localIP)';
        if (mismatched(spec.kubelet)) add('spec.kubelet.clusterDNS', 'Forbidden: Kubelet ClusterDNS did not match cluster kubeDNS.serverIP or nodeLocalDNS.localIP', hint);
        if (mismatched(spec.masterKubelet)) add('spec.masterKubelet.clusterDNS', 'Forbidden: ControlPlaneKubelet ClusterDNS did not match cluster kubeDNS.serverIP or nodeLocalDNS.localIP', hint);
      }
    }
    if (dns.nodeLocalDNS?.enabled === true) validateNodeLocalDns(cluster, add);
  }
  (dns.upstreamNameservers ?? []).forEach((server, i) => {
    if (isIP(server) === 0) add(`spec.kubeDNS.upstreamNameservers[${i}]`, `${JSON.stringify(server)}: Invalid nameserver given, should be a valid ip address`);
  });
}

function validateNodeLocalDns(cluster: Cluster, add: Add): void {
  const spec = cluster.spec;
  const localIP = spec.kubeDNS?.nodeLocalDNS?.localIP ?? '';
  if (localIP && isIP(localIP) === 0) add('spec.kubeDNS.nodeLocalDNS.localIP', `${JSON.stringify(localIP)}: Cluster had an invalid kubeDNS.nodeLocalDNS.localIP`, 'write it as an IP address, e.g. 169.254.20.10');
  if (spec.kubeProxy?.proxyMode !== 'ipvs' && !spec.networking?.cilium) return;
  const hint = 'remove clusterDNS for the default, or set it to spec.kubeDNS.nodeLocalDNS.localIP';
  if (spec.kubelet?.clusterDNS && spec.kubelet.clusterDNS !== localIP) add('spec.kubelet.clusterDNS', 'Forbidden: Kubelet ClusterDNS must be set to the default IP address for LocalIP', hint);
  if (spec.masterKubelet?.clusterDNS && spec.masterKubelet.clusterDNS !== localIP) add('spec.masterKubelet.clusterDNS', 'Forbidden: ControlPlaneKubelet ClusterDNS must be set to the default IP address for LocalIP', hint);
}

/** Kubelet flags Kubernetes removed, and values it does not take (validateKubelet). */
function validateKubelet(k: KubeletConfigSpec | undefined, path: string, add: Add): void {
  if (!k) return;
  const removed = (field: string, present: boolean, why: string, hint = `remove ${path}.${field}`) => {
    if (present) add(`${path}.${field}`, `Forbidden: ${why}`, hint);
  };
  const raw = k as Record<string, unknown>;
  removed('configureCbr0', raw.configureCbr0 !== undefined, 'configure-cbr0 flag was removed in 1.5');
  removed('apiServers', !!raw.apiServers, 'api-servers flag was removed in 1.6');
  removed('podInfraContainerImage', !!raw.podInfraContainerImage, 'pod-infra-container-image flag was deprecated in 1.24 and removed in 1.35, use containerd.sandboxImage instead', `remove it and set spec.containerd.sandboxImage`);
  removed('requireKubeconfig', raw.requireKubeconfig !== undefined, 'require-kubeconfig flag was removed in 1.10');
  removed('experimentalAllowedUnsafeSysctls', raw.experimentalAllowedUnsafeSysctls !== undefined, 'experimentalAllowedUnsafeSysctls was renamed in k8s 1.11; please use allowedUnsafeSysctls instead', 'rename it to allowedUnsafeSysctls');
  removed('bootstrapKubeconfig', !!raw.bootstrapKubeconfig, 'bootstrap tokens are not supported');
  removed('enableCadvisorJsonEndpoints', raw.enableCadvisorJsonEndpoints !== undefined, 'enableCadvisorJsonEndpoints requires Kubernetes 1.18-1.20');
  removed('cpuCFSQuotaPeriod', raw.cpuCFSQuotaPeriod !== undefined, 'cpuCFSQuotaPeriod has been removed on Kubernetes >=1.20');
  removed('networkPluginName', raw.networkPluginName !== undefined, 'networkPluginName has been removed on Kubernetes >=1.24');
  removed('networkPluginMTU', raw.networkPluginMTU !== undefined, 'networkPluginMTU has been removed on Kubernetes >=1.24');
  removed('nonMasqueradeCIDR', raw.nonMasqueradeCIDR !== undefined, 'nonMasqueradeCIDR has been removed on Kubernetes >=1.24', 'remove it; spec.nonMasqueradeCIDR is the cluster\'s');
  oneOf(add, `${path}.topologyManagerPolicy`, k.topologyManagerPolicy, ['none', 'best-effort', 'restricted', 'single-numa-node']);
  oneOf(add, `${path}.logFormat`, k.logFormat, ['text', 'json']);
  oneOf(add, `${path}.memorySwapBehavior`, k.memorySwapBehavior, ['LimitedSwap', 'UnlimitedSwap']);
}

export function oneOf(add: Add, path: string, value: string | undefined, valid: readonly string[]): void {
  if (value === undefined || value === '' || valid.includes(value)) return;
  add(path, `Unsupported value: ${JSON.stringify(value)}: supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}`, `use one of ${valid.join(', ')}`);
}

function validateKubeProxy(cluster: Cluster, add: Add): void {
  const proxy = cluster.spec.kubeProxy;
  if (!proxy) return;
  (proxy.ipvsExcludeCidrs ?? []).forEach((c, i) => {
    if (!parseCidr(c)) add(`spec.kubeProxy.ipvsExcludeCidrs[${i}]`, `${JSON.stringify(c)}: Invalid network CIDR`, 'write it as address/prefix');
  });
  const master = proxy.master ?? '';
  if (master && !isApiServerUrl(master)) add('spec.kubeProxy.master', `${JSON.stringify(master)}: Not a valid APIServer URL`, 'write it as https://host[:port]');
}

function isApiServerUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.host !== '' && url.protocol !== '';
  } catch {
    return false;
  }
}

/** Each etcd cluster: a known name, the manager provider, a version 3 shared by all, members naming their group. */
function validateCompletedEtcd(cluster: Cluster, add: Add): void {
  const etcdClusters = cluster.spec.etcdClusters ?? [];
  if (!etcdClusters.length) return add('spec.etcdClusters', 'Required value', 'declare the main and events etcd clusters');
  etcdClusters.forEach((etcd, i) => {
    const path = `spec.etcdClusters[${i}]`;
    oneOf(add, `${path}.name`, etcd.name ?? '', ETCD_CLUSTER_NAMES);
    if (!etcd.name) add(`${path}.name`, `Unsupported value: "": supported values: ${ETCD_CLUSTER_NAMES.map((n) => JSON.stringify(n)).join(', ')}`, 'name it main, events, cilium or leases');
    oneOf(add, `${path}.provider`, etcd.provider, ['Manager']);
    if (etcd.image && !etcd.version) add(`${path}.version`, 'Required value: version must be set when image is set', 'set the etcd version the image runs');
    if (etcd.version) {
      const version = parseVersion(etcd.version);
      if (!version) add(`${path}.version`, `${JSON.stringify(etcd.version)}: the storage version is invalid`, 'write it as 3.5.21');
      else if (version.core[0] !== 3) add(`${path}.version`, `${JSON.stringify(etcd.version)}: unsupported storage version, we only support major version 3`, 'use an etcd 3 version');
    }
    const first = etcdClusters[0].version ?? '';
    if (etcd.version && etcd.version !== first) {
      add(`${path}.version`, `Forbidden: cluster: ${JSON.stringify(etcd.name)}, has a different storage version: ${JSON.stringify(etcd.version)}, both must be the same`, 'give every etcd cluster the same version');
    }
  });
}

/** spec.serviceAccountIssuerDiscovery: where the issuer's documents are served from (legacy.go). */
function validateServiceAccountIssuer(cluster: Cluster, add: Add): void {
  const said = cluster.spec.serviceAccountIssuerDiscovery;
  if (!said) return;
  const path = 'spec.serviceAccountIssuerDiscovery';
  const store = said.discoveryStore ?? '';
  const service = said.discoveryService;
  if (store) {
    const scheme = /^([a-z0-9]+):\/\//.exec(store)?.[1];
    if (scheme === 's3') {
      const bucket = store.slice('s3://'.length).split('/')[0];
      if (bucket.includes('.')) add(`${path}.discoveryStore`, `${JSON.stringify(store)}: Bucket name cannot contain dots`, 'use a bucket whose name has no dots (served under a wildcard certificate)');
    } else if (scheme !== 'gs' && scheme !== 'memfs') {
      add(`${path}.discoveryStore`, `${JSON.stringify(store)}: S3 is the only supported VFS for discoveryStore`, 'use an s3:// (or gs://) location');
    }
  }
  if (service !== undefined && !service.url) add(`${path}.discoveryService.url`, 'Required value: discoveryService URL must be specified', 'set the URL that serves the issuer\'s documents');
  if (said.enableAWSOIDCProvider === true && !store && service === undefined) {
    add(`${path}.enableAWSOIDCProvider`, 'Forbidden: AWS OIDC Provider requires a discoveryStore or discoveryService to be set', 'set spec.serviceAccountIssuerDiscovery.discoveryStore');
  }
}
