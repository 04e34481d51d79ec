import { parse } from 'yaml';
import { UserError } from '../errors.js';

type Data = Record<string, unknown>;

/**
 * The nodeup configuration kops writes for one instance group (igconfig/<role>/<ig>/nodeupconfig.yaml), with the
 * field names kops uses. Only the fields nodeup applies are typed; the rest stay as read.
 */
export interface NodeupConfig {
  Assets: Record<string, string[]>;
  CAs?: Record<string, string>;
  ClusterName: string;
  Hooks?: Array<Data[] | null>;
  KeypairIDs?: Record<string, string>;
  KubeProxy?: Data | null;
  KubeletConfig: Data;
  KubernetesVersion: string;
  Networking?: Data;
  UpdatePolicy?: string;
  containerdConfig?: Data;
  usesNoneDNS?: boolean;
  FileAssets?: Data[];
  SysctlParameters?: string[];
  InstallCNIAssets?: boolean;
  UsesKubenet?: boolean;
  APIServerConfig?: Data;
  ControlPlaneConfig?: Data;
  EtcdClusterNames?: string[];
  etcdManifests?: string[];
  channelsManifest?: string;
  configStore?: { keypairs?: string; secrets?: string };
  staticManifests?: Array<{ key: string; path: string }>;
  /** OS packages the cluster and instance group add. */
  packages?: string[];
  /** The cluster keeps time itself: nodeup sets up no chrony. */
  NTPUnmanaged?: boolean;
  /** Images a warm-pool instance pulls while it warms up. */
  warmPoolImages?: string[];
  /** The hosted discovery service control planes publish the service-account signing keys to (URL with universe). */
  discoveryServiceWithUniverse?: { url?: string };
  /** The group's warm pool holds launches on a lifecycle hook that nodeup completes once the host is configured. */
  EnableLifecycleHook?: boolean;
  /** AWS nodes are named after their private DNS name rather than their instance ID. */
  useIPBasedNodeNames?: boolean;
  [field: string]: unknown;
}

export type NodeRole = 'ControlPlane' | 'APIServer' | 'Node';

const REQUIRED: Array<keyof NodeupConfig & string> = ['ClusterName', 'KubernetesVersion', 'KubeletConfig', 'Assets'];

/** An asset line `<sha256>@<url>` split into its parts. */
export interface AssetRef {
  sha256: string;
  url: string;
}

/** Parses and checks a nodeupconfig.yaml; `source` names it in errors. */
export function parseNodeupConfig(text: string, source: string): NodeupConfig {
  let value: unknown;
  try {
    value = parse(text);
  } catch (err) {
    throw new UserError(`${source}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${source}: a nodeup configuration must be a YAML mapping`);
  }
  const config = value as NodeupConfig;
  for (const field of REQUIRED) {
    if (config[field] === undefined || config[field] === null || config[field] === '') {
      throw new UserError(`${source}: required field ${field} is missing`, 'regenerate the configuration with `kops update cluster`');
    }
  }
  for (const [arch, lines] of Object.entries(config.Assets)) {
    if (!Array.isArray(lines)) throw new UserError(`${source}: Assets.${arch} must be a list of <sha256>@<url> entries`);
    lines.forEach((line, i) => parseAssetLine(line, `${source}: Assets.${arch}[${i}]`));
  }
  return config;
}

export function parseAssetLine(line: unknown, where: string): AssetRef {
  const match = typeof line === 'string' ? /^([0-9a-f]{64})@(\S+)$/.exec(line) : null;
  if (!match) throw new UserError(`${where}: ${JSON.stringify(line)} is not <sha256>@<url>`);
  return { sha256: match[1], url: match[2].split(',')[0] };
}

/** The role is implied by what kops wrote: control planes carry etcd, API servers the API-server config. */
export function roleOf(config: NodeupConfig): NodeRole {
  if (config.ControlPlaneConfig) return 'ControlPlane';
  if (config.APIServerConfig) return 'APIServer';
  return 'Node';
}
