/**
 * Options of `kops create cluster`, named after the Go kops's CreateClusterOptions fields (lower camel case), so an
 * options.yaml of the golden cases (Go field names, case-insensitive) maps onto them one to one.
 */
import { UserError } from '../../errors.js';

export interface CreateClusterOptions {
  clusterName: string;
  cloudProvider: string;
  zones: string[];
  controlPlaneZones: string[];
  authorization: string;
  channel: string;
  configBase: string;
  discoveryStore: string;
  kubernetesVersion: string;
  kubernetesFeatureGates: string[];
  adminAccess: string[];
  sshAccess: string[];
  networkCIDRs: string[];
  networkID: string;
  subnetIDs: string[];
  utilitySubnetIDs: string[];
  /** No CLI flag: copied into the subnets' `egress` (tests use it for NAT/instance egress). */
  egress: string;
  ipv6: boolean;
  controlPlaneCount: number;
  apiServerCount: number;
  nodeCount: number;
  /** Undefined unless given: AWS then encrypts etcd volumes by default. */
  encryptEtcdStorage?: boolean;
  etcdClusters: string[];
  etcdStorageType: string;
  bastion: boolean;
  networking: string;
  topology: string;
  dnsType: string;
  dnsZone: string;
  apiLoadBalancerClass: string;
  apiLoadBalancerType: string;
  apiSSLCertificate: string;
  apiPublicName: string;
  instanceManager: string;
  image: string;
  nodeImage: string;
  controlPlaneImage: string;
  bastionImage: string;
  controlPlaneSizes: string[];
  nodeSizes: string[];
  apiServerSizes: string[];
  controlPlaneVolumeSize: number;
  controlPlaneVolumeType: string;
  nodeVolumeSize: number;
  nodeVolumeType: string;
  controlPlaneTenancy: string;
  nodeTenancy: string;
  nodeSecurityGroups: string[];
  controlPlaneSecurityGroups: string[];
  /** Undefined unless given. */
  associatePublicIP?: boolean;
  disableSubnetTags: boolean;
  cloudLabels: string;
  sets: string[];
  unsets: string[];
  // Fields other clouds and modes use; kept so option files naming them are accepted.
  project: string;
  gceServiceAccount: string;
  etcdCount: number;
  schedulerCount: number;
  kubeControllerManagerCount: number;
  etcdSizes: string[];
  schedulerSizes: string[];
  kubeControllerManagerSizes: string[];
  openstackExternalNet: string;
  openstackExternalSubnet: string;
  openstackStorageIgnoreAZ: boolean;
  openstackDNSServers: string;
  openstackLBSubnet: string;
  openstackLBOctavia: boolean;
  openstackOctaviaProvider: string;
  openstackNetworkID: string;
  containerRuntime: string;
  outDir: string;
  yes: boolean;
  target: string;
  dryRun: boolean;
  output: string;
}

/** The command's defaults (Go InitDefaults). */
export function defaultCreateClusterOptions(): CreateClusterOptions {
  return {
    clusterName: '',
    cloudProvider: '',
    zones: [],
    controlPlaneZones: [],
    authorization: 'RBAC',
    channel: 'stable',
    configBase: '',
    discoveryStore: '',
    kubernetesVersion: '',
    kubernetesFeatureGates: [],
    adminAccess: ['0.0.0.0/0', '::/0'],
    sshAccess: [],
    networkCIDRs: [],
    networkID: '',
    subnetIDs: [],
    utilitySubnetIDs: [],
    egress: '',
    ipv6: false,
    controlPlaneCount: 0,
    apiServerCount: 0,
    nodeCount: 0,
    etcdClusters: ['main', 'events'],
    etcdStorageType: '',
    bastion: false,
    networking: 'cilium',
    topology: '',
    dnsType: '',
    dnsZone: '',
    apiLoadBalancerClass: '',
    apiLoadBalancerType: '',
    apiSSLCertificate: '',
    apiPublicName: '',
    instanceManager: 'cloudgroups',
    image: '',
    nodeImage: '',
    controlPlaneImage: '',
    bastionImage: '',
    controlPlaneSizes: [],
    nodeSizes: [],
    apiServerSizes: [],
    controlPlaneVolumeSize: 0,
    controlPlaneVolumeType: '',
    nodeVolumeSize: 0,
    nodeVolumeType: '',
    controlPlaneTenancy: '',
    nodeTenancy: '',
    nodeSecurityGroups: [],
    controlPlaneSecurityGroups: [],
    disableSubnetTags: false,
    cloudLabels: '',
    sets: [],
    unsets: [],
    project: '',
    gceServiceAccount: '',
    etcdCount: 0,
    schedulerCount: 0,
    kubeControllerManagerCount: 0,
    etcdSizes: [],
    schedulerSizes: [],
    kubeControllerManagerSizes: [],
    openstackExternalNet: '',
    openstackExternalSubnet: '',
    openstackStorageIgnoreAZ: false,
    openstackDNSServers: '',
    openstackLBSubnet: '',
    openstackLBOctavia: false,
    openstackOctaviaProvider: '',
    openstackNetworkID: '',
    containerRuntime: '',
    outDir: '',
    yes: false,
    target: 'direct',
    dryRun: false,
    output: '',
  };
}

/**
 * Overlays a flat map keyed by Go field names (matched case-insensitively, unknown keys rejected) on the defaults,
 * as the golden harness decodes options.yaml. Lists replace lists; `SSHPublicKeys` and Azure fields are accepted
 * and ignored (keys are given separately; Azure is not supported).
 */
export function optionsFromGoFields(fields: Record<string, unknown>, source: string): CreateClusterOptions {
  const options = defaultCreateClusterOptions();
  const byLowerName = new Map(Object.keys(options).map((k) => [k.toLowerCase(), k]));
  for (const extra of ['encryptEtcdStorage', 'associatePublicIP']) byLowerName.set(extra.toLowerCase(), extra);
  const ignored = new Set(['sshpublickeys', 'addonpaths', 'azuresubscriptionid', 'azuretenantid', 'azureresourcegroupname', 'azureroutetablename', 'azureadminuser', 'spotinstproduct', 'spotinstorientation', 'bastionloadbalancertype', 'cloudcontrollermanagercount', 'cloudcontrollermanagersizes']);
  const target = options as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    const name = byLowerName.get(key.toLowerCase());
    if (!name) {
      if (ignored.has(key.toLowerCase())) continue;
      throw new UserError(`${source}: unknown field "${key}"`);
    }
    const current = target[name];
    const kind = Array.isArray(current) ? 'list' : current === undefined ? 'boolean' : typeof current;
    if (kind === 'list') {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' && typeof v !== 'number')) throw new UserError(`${source}: ${key} must be a list of strings`);
      target[name] = value.map(String);
    } else if (kind === 'number') {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new UserError(`${source}: ${key} must be an integer`);
      target[name] = value;
    } else if (kind === 'boolean') {
      if (typeof value !== 'boolean') throw new UserError(`${source}: ${key} must be true or false`);
      target[name] = value;
    } else {
      if (typeof value !== 'string') throw new UserError(`${source}: ${key} must be a string`);
      target[name] = value;
    }
  }
  return options;
}
