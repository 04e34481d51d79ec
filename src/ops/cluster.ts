import type { Cluster } from '../apis/types.js';
import { openCloud, regionOfZone } from '../cloud/index.js';
import type { CloudLookup } from '../cloud/lookup.js';
import type { Cloud } from '../cloud/types.js';
import { UserError } from '../errors.js';
import { systemIssueEnv } from '../pki/certificates.js';
import { Keystore } from '../pki/keystore.js';
import { SecretStore } from '../pki/secrets.js';
import { SshKeyStore } from '../pki/sshkeys.js';
import type { ClusterStore } from '../statestore/clientset.js';
import type { ClusterPaths } from '../statestore/layout.js';

/** An existing cluster as the flows use it: its user spec, and its keystore, secrets and SSH keys. */
export interface OpenedCluster {
  clusterName: string;
  cluster: Cluster;
  paths: ClusterPaths;
  keystore: Keystore;
  secrets: SecretStore;
  sshKeys: SshKeyStore;
}

/** Opens a cluster of the state store (a UserError when the store does not hold it). */
export async function openCluster(store: ClusterStore, clusterName: string, options: { clock?: () => Date } = {}): Promise<OpenedCluster> {
  const cluster = await store.requireCluster(clusterName);
  const paths = store.paths(clusterName);
  const env = { now: options.clock ?? systemIssueEnv.now, random32: systemIssueEnv.random32 };
  return { clusterName, cluster, paths, keystore: new Keystore(paths.pki, env), secrets: new SecretStore(paths.secrets), sshKeys: new SshKeyStore(paths.pki) };
}

/** The cloud a cluster runs on (`spec.cloudProvider`), in the region of its subnets' zones. */
export function openClusterCloud(cluster: Cluster, options: { env?: Record<string, string | undefined>; lookup?: CloudLookup } = {}): Cloud {
  const provider = cluster.spec?.cloudProvider ?? 'aws';
  return openCloud(provider, { region: clusterRegion(cluster, provider), env: options.env, lookup: options.lookup, project: cluster.spec?.project });
}

/** GCE subnets are regional and name their region; otherwise the region is that of the subnets' zones. */
function clusterRegion(cluster: Cluster, provider: string): string {
  const subnets = cluster.spec?.subnets ?? [];
  const region = provider === 'gce' ? subnets.find((s) => s.region)?.region : undefined;
  if (region) return region;
  const zone = subnets.find((s) => s.zone)?.zone;
  if (!zone) {
    const field = provider === 'gce' ? 'region' : 'zone';
    throw new UserError(`cluster ${cluster.metadata.name} spec.subnets: no subnet has a ${field}`, `set spec.subnets[].${field} so that the region is known`);
  }
  return regionOfZone(provider, zone);
}
