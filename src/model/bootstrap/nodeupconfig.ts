import { ARCHITECTURES, nodeAssets, type NodeAssetSpec } from '../../assets/index.js';
import { toGoYaml } from '../../apis/go/yaml.js';
import { toNodeupNames, type ComponentStruct } from '../../apis/component-flags.js';
import { DISCOVERY_CA, discoveryServiceUrl } from '../../apis/service-account-issuer.js';
import { UserError } from '../../errors.js';
import { containerdConfigOf, gvisorConfigOf, nvidiaConfigOf } from './containerd.js';
import { buildKubeletConfig } from './kubelet.js';
import { kubeSchedulerConfigFile } from './kube-scheduler.js';
import { wantsWarmPoolImages, warmPoolImages } from './warm-pool-images.js';
import {
  configBase,
  etcdClusterNames,
  hasAPIServer,
  installCNIAssets,
  roleOf,
  usesNoneDNS,
  type Role,
} from './cluster-facts.js';
import type { BootstrapContext } from './types.js';
import type { AdditionalObject, AuthenticationSpec, CloudConfiguration, Cluster, ClusterSpec, InstanceGroup, KubeAPIServerConfig } from '../../apis/types.js';

type Data = Record<string, unknown>;

/**
 * The nodeup configuration of one instance group (igconfig/<role>/<ig>/nodeupconfig.yaml): everything nodeup
 * needs on the host beyond the small boot config in the user data.
 */
export function buildNodeupConfig(cluster: Cluster, ig: InstanceGroup, ctx: BootstrapContext, additionalObjects: AdditionalObject[] = []): Data {
  const spec = cluster.spec;
  const role = roleOf(ig);
  const apiServer = hasAPIServer(role);
  const controlPlane = role === 'ControlPlane';
  const base = configBase(cluster);

  const config: Data = {
    Assets: assetsOf(cluster, ctx),
    CAs: {},
    ClusterName: cluster.metadata.name,
    Hooks: [orNull(keepForRole(ig.spec.hooks, role)), orNull(keepForRole(spec.hooks, role))],
    KeypairIDs: {},
    KubeProxy: kubeProxyOf(cluster, role),
    KubeletConfig: internal('KubeletConfigSpec', buildKubeletConfig(cluster, ig, ctx)),
    KubernetesVersion: spec.kubernetesVersion,
    Networking: networkingOf(cluster),
    UpdatePolicy: ig.spec.updatePolicy ?? spec.updatePolicy ?? 'automatic',
    containerdConfig: containerdConfigOf(cluster, ig),
    usesNoneDNS: usesNoneDNS(cluster),
  };

  const fileAssets: object[] = [...keepForRole(ig.spec.fileAssets, role), ...keepForRole(spec.fileAssets, role)];
  if (apiServer) fileAssets.push(kubeSchedulerConfigFile(cluster, additionalObjects));
  if (fileAssets.length > 0) config.FileAssets = fileAssets;
  const sysctls = [...(spec.sysctlParameters ?? []), ...(ig.spec.sysctlParameters ?? [])];
  if (sysctls.length) config.SysctlParameters = sysctls;
  const packages = [...(spec.packages ?? []), ...(ig.spec.packages ?? [])];
  if (packages.length) config.packages = packages;
  if (spec.ntp?.managed === false) config.NTPUnmanaged = true;
  if (warmPoolLifecycleHook(cluster, ig)) config.EnableLifecycleHook = true;
  if (wantsWarmPoolImages(cluster, ig)) {
    const images = warmPoolImages(cluster, ig, ctx.managedImages ?? []);
    if (images.length) config.warmPoolImages = images;
  }
  if (ig.spec.volumeMounts?.length) config.VolumeMounts = ig.spec.volumeMounts;
  if (installCNIAssets(cluster)) config.InstallCNIAssets = true;
  if (spec.networking?.amazonvpc || spec.networking?.cilium?.ipam === 'eni') {
    config.DefaultMachineType = String(ig.spec.machineType ?? '').split(',')[0];
  }
  if (spec.kubeAPIServer?.serviceNodePortRange) config.ServiceNodePortRange = spec.kubeAPIServer.serviceNodePortRange;
  if (spec.networking?.kubenet || spec.networking?.kopeio) config.UsesKubenet = true;
  if (etcdClusterNames(cluster).includes('cilium')) config.UseCiliumEtcd = true;
  const nvidia = nvidiaConfigOf(cluster, ig);
  if (nvidia) config.NvidiaGPU = nvidia;
  const gvisor = gvisorConfigOf(ig);
  if (gvisor) config.GVisor = gvisor;
  if (spec.cloudProvider === 'aws' && spec.cloudConfig?.useIPBasedNodeNames) config.useIPBasedNodeNames = true;
  if (spec.cloudProvider === 'gce') {
    const cloudConfig = spec.cloudConfig ?? {};
    if (cloudConfig.multizone !== undefined) config.multizone = cloudConfig.multizone;
    if (cloudConfig.nodeTags !== undefined) config.nodeTags = cloudConfig.nodeTags;
    if (cloudConfig.nodeInstancePrefix !== undefined) config.nodeInstancePrefix = cloudConfig.nodeInstancePrefix;
  }

  addKeysets(config, cluster, role, ctx);
  const discoveryService = spec.serviceAccountIssuerDiscovery?.discoveryService;
  if (discoveryService) config.discoveryServiceWithUniverse = discoveryService.url ? { url: discoveryService.url } : {};

  if (apiServer && spec.egressProxy) (config.Networking as Data).egressProxy = spec.egressProxy;
  if (apiServer) {
    config.APIServerConfig = {
      API: apiOf(spec),
      ClusterDNSDomain: spec.clusterDNSDomain,
      KubeAPIServer: internal('KubeAPIServerConfig', spec.kubeAPIServer),
      ServiceAccountPublicKeys: keyset(ctx, 'service-account').publicKeysPem ?? '',
      ...(ctx.encryptionConfigSecretHash ? { EncryptionConfigSecretHash: ctx.encryptionConfigSecretHash } : {}),
      ...authenticationOf(spec.authentication, spec.kubeAPIServer),
    };
    config.configStore = { keypairs: spec.keyStore, secrets: spec.secretStore };
    config.staticManifests = [{ key: 'kube-apiserver-healthcheck', path: 'manifests/static/kube-apiserver-healthcheck.yaml' }];
    if (spec.cloudProvider === 'aws') Object.assign(config, cloudControllerSettings(spec.cloudConfig));
  }
  if (controlPlane) {
    config.ControlPlaneConfig = {
      KubeControllerManager: internal('KubeControllerManagerConfig', spec.kubeControllerManager),
      KubeScheduler: internal('KubeSchedulerConfig', spec.kubeScheduler),
    };
    if (!usesNoneDNS(cluster) && spec.dnsZone) config.DNSZone = spec.dnsZone;
    config.EtcdClusterNames = etcdClusterNames(cluster);
    const etcdManifests = etcdManifestNames(cluster, ig.metadata.name).map((name) => `${base}/manifests/etcd/${name}.yaml`);
    if (etcdManifests.length > 0) config.etcdManifests = etcdManifests;
    config.channelsManifest = `${base}/manifests/channels/kops-channels.yaml`;
  }
  return config;
}

/** kube-proxy's settings, unless the cluster disables it, or isolates control planes from the pod network. */
function kubeProxyOf(cluster: Cluster, role: Role): Data | null {
  const proxy = cluster.spec.kubeProxy;
  if (proxy?.enabled === false) return null;
  if (role === 'ControlPlane' && cluster.spec.isolateMasters === true) return null;
  return internal('KubeProxyConfig', proxy ?? {}) ?? null;
}

/** The AWS cloud-controller settings nodes running an API server write to their cloud.config. */
function cloudControllerSettings(cloudConfig: CloudConfiguration | undefined): Data {
  const out: Data = {};
  if (cloudConfig?.disableSecurityGroupIngress != null) out.disableSecurityGroupIngress = cloudConfig.disableSecurityGroupIngress;
  if (cloudConfig?.elbSecurityGroup != null) out.elbSecurityGroup = cloudConfig.elbSecurityGroup;
  if (cloudConfig?.nlbSecurityGroupMode != null) out.nlbSecurityGroupMode = cloudConfig.nlbSecurityGroupMode;
  if (cloudConfig?.nodeIPFamilies?.length) out.nodeIPFamilies = cloudConfig.nodeIPFamilies;
  return out;
}

/** A component config of the cluster spec under the field names of the nodeup configuration. */
function internal(struct: ComponentStruct, config: object | undefined): Data | undefined {
  return config ? toNodeupNames(struct, { ...config }) : undefined;
}

export function renderNodeupConfig(config: Data): string {
  return toGoYaml(config);
}

/**
 * Whether nodes of a warm pool complete a lifecycle hook once nodeup is done: the group's warm pool settings over the
 * cluster's defaults; control-plane and bastion groups only have one if they set it themselves.
 */
function warmPoolLifecycleHook(cluster: Cluster, ig: InstanceGroup): boolean {
  const role = roleOf(ig);
  const own = ig.spec.warmPool;
  const inherited = role === 'ControlPlane' || role === 'Bastion' ? undefined : cluster.spec.warmPool;
  const pool = own ? { ...(role === 'ControlPlane' || role === 'Bastion' ? {} : inherited), ...own } : inherited;
  if (!pool || pool.maxSize === 0) return false;
  return pool.enableLifecycleHook === true;
}

/** `<etcd cluster>-<ig>` for every etcd cluster with a member on this instance group. */
export function etcdManifestNames(cluster: Cluster, igName: string): string[] {
  const names: string[] = [];
  for (const etcd of cluster.spec.etcdClusters ?? []) {
    if ((etcd.etcdMembers ?? []).some((m: { instanceGroup?: string }) => m.instanceGroup === igName)) names.push(`${etcd.name}-${igName}`);
  }
  return names;
}

/** What decides the binaries a node of this cluster downloads (also used to fetch hashes not in the tables). */
export function nodeAssetSpecOf(cluster: Cluster): NodeAssetSpec {
  const spec = cluster.spec;
  return {
    kubernetesVersion: String(spec.kubernetesVersion),
    cloudProvider: spec.cloudProvider,
    installCNIAssets: installCNIAssets(cluster),
    containerd: spec.containerd,
    fileRepository: spec.assets?.fileRepository,
  };
}

function assetsOf(cluster: Cluster, ctx: BootstrapContext): Data {
  const assets: Data = {};
  for (const arch of ARCHITECTURES) {
    assets[arch] = nodeAssets(nodeAssetSpecOf(cluster), arch, ctx.assetHashes).map((a) => `${a.sha256}@${a.url}`);
  }
  return assets;
}

/** The CNI marker nodeup needs (which plugin, and Cilium's IPAM mode), plus the two cluster-wide ranges. */
function networkingOf(cluster: Cluster): Data {
  const networking = cluster.spec.networking ?? {};
  const out: Data = {
    nonMasqueradeCIDR: cluster.spec.nonMasqueradeCIDR,
    serviceClusterIPRange: cluster.spec.serviceClusterIPRange,
  };
  if (networking.amazonvpc) out.amazonVPC = {};
  if (networking.calico) out.calico = networking.calico.wireguardEnabled ? { wireguardEnabled: true } : {};
  if (networking.cilium) out.cilium = networking.cilium.ipam === 'eni' ? { ipam: 'eni' } : {};
  if (networking.cni?.usesSecondaryIP) out.cni = { usesSecondaryIP: true };
  if (networking.flannel) out.flannel = {};
  if (networking.kindnet) out.kindnet = {};
  if (networking.kuberouter) out.kubeRouter = {};
  return out;
}

/**
 * The API server's authentication settings: spec.authentication (aws-iam-authenticator's own settings stay in its
 * add-on), and the OIDC settings given as kubeAPIServer.oidc* fields, gathered as the internal API holds them.
 */
function authenticationOf(auth: AuthenticationSpec | undefined, kubeAPIServer: KubeAPIServerConfig | undefined): { Authentication?: Data } {
  const oidc = oidcOf({ ...kubeAPIServer });
  if (!auth && !oidc) return {};
  const out: Data = auth?.aws ? { ...auth, aws: {} } : { ...auth };
  if (oidc) out.oidc = oidc;
  return { Authentication: out };
}

function oidcOf(api: Data): Data | undefined {
  const fields = ['oidcClientID', 'oidcGroupsClaim', 'oidcGroupsPrefix', 'oidcIssuerURL', 'oidcRequiredClaim', 'oidcUsernameClaim', 'oidcUsernamePrefix'];
  if (!fields.some((f) => api[f] != null)) return undefined;
  const oidc: Data = {
    clientID: api.oidcClientID,
    groupsClaims: api.oidcGroupsClaim == null ? undefined : String(api.oidcGroupsClaim).split(','),
    groupsPrefix: api.oidcGroupsPrefix,
    issuerURL: api.oidcIssuerURL,
    usernameClaim: api.oidcUsernameClaim,
    usernamePrefix: api.oidcUsernamePrefix,
  };
  if (api.oidcRequiredClaim != null) {
    const claims = (api.oidcRequiredClaim as string[]).map((claim, i) => {
      const at = claim.indexOf('=');
      if (at < 0) throw new UserError(`spec.kubeAPIServer.oidcRequiredClaim[${i}]: ${JSON.stringify(claim)} is not claim=value`, 'give each required claim as name=value');
      return [claim.slice(0, at), claim.slice(at + 1)];
    });
    oidc.requiredClaims = Object.fromEntries(claims);
  }
  return Object.fromEntries(Object.entries(oidc).filter(([, v]) => v != null));
}

function apiOf(spec: ClusterSpec): Data {
  const api: Data = { publicName: spec.masterPublicName };
  if (spec.api?.dns) api.dns = spec.api.dns;
  if (spec.api?.loadBalancer?.useForInternalApi) api.loadBalancer = { useForInternalAPI: true };
  if (spec.additionalSans?.length) api.additionalSANs = spec.additionalSans;
  return api;
}

/** CA certificates and primary keypair ids this role needs: nodes only trust the cluster CA. */
function addKeysets(config: Data, cluster: Cluster, role: Role, ctx: BootstrapContext): void {
  const cas = config.CAs as Record<string, string>;
  const ids = config.KeypairIDs as Record<string, string>;
  const etcdNames = etcdClusterNames(cluster);
  const trusted: string[] = [];
  if (hasAPIServer(role)) {
    trusted.push('kubernetes-ca', 'apiserver-aggregator-ca', 'etcd-clients-ca');
    if (role === 'ControlPlane') for (const name of etcdNames) trusted.push(`etcd-manager-ca-${name}`, `etcd-peers-ca-${name}`);
    if (etcdNames.includes('cilium')) trusted.push('etcd-clients-ca-cilium');
    ids['service-account'] = keyset(ctx, 'service-account').primaryId;
  } else if (etcdNames.includes('cilium')) {
    trusted.push('etcd-clients-ca-cilium');
  }
  for (const name of trusted) {
    const ks = keyset(ctx, name);
    if (name !== 'kubernetes-ca' || hasAPIServer(role)) cas[name] = ks.certificatesPem;
    ids[name] = ks.primaryId;
  }
  if (role !== 'Bastion') ids['kubernetes-ca'] = keyset(ctx, 'kubernetes-ca').primaryId;
  // Control-plane nodes register with the discovery service under a certificate of its CA.
  if (role === 'ControlPlane' && discoveryServiceUrl(cluster.spec)) ids[DISCOVERY_CA] = keyset(ctx, DISCOVERY_CA).primaryId;
}

function keyset(ctx: BootstrapContext, name: string) {
  const ks = ctx.keysets[name];
  if (!ks) throw new UserError(`keyset ${name} is missing from the keystore`, 'run `kops update cluster` once to create it');
  return ks;
}

/** Hooks and file assets apply to the roles they list (all when none), and reach nodeup without the list. */
function keepForRole<T extends { roles?: string[] }>(items: T[] | undefined, role: Role): Omit<T, 'roles'>[] {
  return (items ?? [])
    .filter((item) => {
      const roles = item.roles ?? [];
      return roles.length === 0 || roles.some((r) => (r === 'Master' ? 'ControlPlane' : r) === role);
    })
    .map(({ roles: _roles, ...rest }) => rest);
}

function orNull<T>(list: T[]): T[] | null {
  return list.length > 0 ? list : null;
}
