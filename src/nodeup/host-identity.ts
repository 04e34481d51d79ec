import { isIP } from 'node:net';
import { UserError } from '../errors.js';
import type { NodeRole, NodeupConfig } from './config.js';
import type { MetadataReader } from './metadata.js';

/**
 * What only the instance itself knows, read from its cloud's metadata service before any task is built: the name the
 * kubelet and kube-proxy register under, kube-proxy's `@aws` bind address, and whether the instance is warming up in
 * an AWS warm pool.
 */
export interface HostIdentity {
  /** The kubelet's and kube-proxy's --hostname-override; empty on clouds where the OS hostname names the node. */
  hostnameOverride: string;
  /** kube-proxy's bind address with `@aws` resolved; undefined when kube-proxy has none. */
  kubeProxyBindAddress?: string;
  warming: boolean;
  /** On AWS: the instance's ID and region. */
  instanceId?: string;
  region?: string;
}

export async function readHostIdentity(config: NodeupConfig, role: NodeRole, cloudProvider: string, metadata: MetadataReader): Promise<HostIdentity> {
  const bindAddress = config.KubeProxy?.bindAddress;
  const aws = cloudProvider === 'aws' ? { instanceId: await required(metadata, 'instance-id', 'ec2'), region: await required(metadata, 'placement/region', 'ec2') } : {};
  return {
    ...aws,
    hostnameOverride: await hostnameOverride(config, cloudProvider, metadata),
    kubeProxyBindAddress: config.KubeProxy && bindAddress ? await resolveBindAddress(String(bindAddress), metadata) : undefined,
    warming: cloudProvider === 'aws' && (await isWarming(config, role, metadata)),
  };
}

/** The config as this host runs it: the node name and kube-proxy's address filled in, replacing what the config held. */
export function withHostIdentity(config: NodeupConfig, identity: HostIdentity): NodeupConfig {
  const kubelet = { ...config.KubeletConfig, hostnameOverride: identity.hostnameOverride };
  if (!config.KubeProxy) return { ...config, KubeletConfig: kubelet };
  const kubeProxy = { ...config.KubeProxy, hostnameOverride: identity.hostnameOverride, bindAddress: identity.kubeProxyBindAddress };
  return { ...config, KubeletConfig: kubelet, KubeProxy: kubeProxy };
}

/** The node name kops-controller expects: the lower-cased hostname override, else the OS hostname. */
export function nodeNameOf(identity: HostIdentity | undefined, osHostname: string): string {
  return (identity?.hostnameOverride || osHostname).trim().toLowerCase();
}

/**
 * AWS nodes are named after their instance ID, or with `useIPBasedNodeNames` after the EC2 private DNS name of their
 * IPv4 address (as kops-controller names them); GCE nodes after the first label of their hostname; DigitalOcean
 * droplets after their private address.
 */
async function hostnameOverride(config: NodeupConfig, cloudProvider: string, metadata: MetadataReader): Promise<string> {
  if (cloudProvider === 'aws') {
    const instanceID = await required(metadata, 'instance-id', 'ec2');
    if (!config.useIPBasedNodeNames) return instanceID;
    const localHostname = await required(metadata, 'local-hostname', 'ec2');
    if (localHostname.startsWith(instanceID)) {
      throw new UserError(
        `instance ${instanceID} was launched with a resource-based hostname, but the cluster names nodes after their IP (spec.cloudConfig.useIPBasedNodeNames)`,
        'launch the instance group in subnets that assign IP-based hostnames',
      );
    }
    const localIPv4 = await required(metadata, 'local-ipv4', 'ec2');
    if (isIP(localIPv4) !== 4) throw new UserError(`local-ipv4 from the EC2 metadata service is not an IPv4 address: ${JSON.stringify(localIPv4)}`);
    return privateDNSName(localIPv4, await required(metadata, 'placement/region', 'ec2'));
  }
  if (cloudProvider === 'gce') return (await required(metadata, 'instance/hostname', 'gce')).split('.')[0];
  if (cloudProvider === 'digitalocean') return required(metadata, 'interfaces/private/0/ipv4/address', 'digitalocean');
  return '';
}

/** The name EC2 gives an IP-named instance. */
export function privateDNSName(privateIPv4: string, region: string): string {
  const domain = region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
  return `ip-${privateIPv4.replaceAll('.', '-')}.${domain}`;
}

async function resolveBindAddress(bindAddress: string, metadata: MetadataReader): Promise<string> {
  if (bindAddress === '@aws') return (await required(metadata, 'local-ipv4', 'ec2')).split(/\s+/)[0] ?? '';
  if (isIP(bindAddress) === 0) throw new UserError(`KubeProxy.bindAddress: ${JSON.stringify(bindAddress)} is not an IP address`, 'set spec.kubeProxy.bindAddress to an IP address or @aws');
  return bindAddress;
}

/** Workers and API servers with warm-pool images are warming while the auto scaling group keeps them `Warmed:*`. */
async function isWarming(config: NodeupConfig, role: NodeRole, metadata: MetadataReader): Promise<boolean> {
  if (!config.warmPoolImages?.length || role === 'ControlPlane') return false;
  const state = await metadata('autoscaling/target-lifecycle-state');
  return state?.startsWith('Warmed:') ?? false;
}

async function required(metadata: MetadataReader, path: string, service: string): Promise<string> {
  const value = await metadata(path);
  if (value === undefined) throw new UserError(`the ${service} metadata service has no ${path} for this instance`, 'run nodeup on an instance of the cloud the cluster is on (--cloud-provider)');
  return value;
}
