import type { Cluster, InstanceGroup } from '../apis/types.js';
import { openLookup, regionOfZone } from '../cloud/index.js';
import { apiGceLookup } from '../cloud/gce/lookup-api.js';
import type { GceLookup } from '../cloud/gce/lookup.js';
import type { CloudLookup } from '../cloud/lookup.js';
import { UserError } from '../errors.js';
import { SshKeyStore } from '../pki/sshkeys.js';
import { loadChannel, type Channel } from '../populate/channel.js';
import { createClusterSpec, type CreateClusterOptions, type CreateClusterSpec } from '../populate/create/index.js';
import type { ClusterStore } from '../statestore/clientset.js';
import { KOPS_COMPAT_VERSION } from '../version.js';

export interface NewClusterInputs {
  /** The cloud look-ups inference asks (default: AWS's of the first zone's region; the golden fixture world in tests). */
  lookup?: CloudLookup;
  /** GCE's, for `--cloud gce` (default: the Compute Engine API). */
  gceLookup?: GceLookup;
  /** The channel (default: the one `--channel` names). */
  channel?: Channel;
  /** The kops release whose channel recommendation picks the Kubernetes version (default: this tool's). */
  kopsVersion?: string;
}

/**
 * `create cluster` inference: a Cluster and its InstanceGroups from the options, for a name the store does not hold
 * yet. Writes nothing.
 */
export async function inferNewCluster(store: ClusterStore, options: CreateClusterOptions, inputs: NewClusterInputs = {}): Promise<CreateClusterSpec> {
  if (!options.zones.length) throw new UserError('--zones: at least one zone is required', 'e.g. --zones us-east-1a');
  if (await store.getCluster(options.clusterName)) {
    throw new UserError(`cluster "${options.clusterName}" already exists in state store ${store.base.url}`, "use 'kops update cluster' to apply changes, or pick another name");
  }
  return createClusterSpec(options, {
    lookup: inputs.lookup ?? openLookup('aws', regionOfZone('aws', options.zones[0])),
    gceLookup: inputs.gceLookup ?? apiGceLookup(),
    channel: inputs.channel ?? (await loadChannel(options.channel)),
    stateStore: store.base.url,
    kopsVersion: inputs.kopsVersion ?? KOPS_COMPAT_VERSION,
  });
}

export interface StoredNewCluster {
  cluster: Cluster;
  instanceGroups: InstanceGroup[];
}

/** Stores a new cluster: its config, its instance groups and, when given, the admin SSH public key. Returns what was stored. */
export async function storeNewCluster(store: ClusterStore, spec: CreateClusterSpec, sshKey?: { line: string; source: string }): Promise<StoredNewCluster> {
  const clusterName = spec.cluster.metadata.name;
  const cluster = await store.createCluster(spec.cluster);
  const instanceGroups: InstanceGroup[] = [];
  for (const group of spec.instanceGroups) instanceGroups.push(await store.createInstanceGroup(clusterName, group));
  if (sshKey) await new SshKeyStore(store.paths(clusterName).pki).add('admin', sshKey.line, sshKey.source);
  return { cluster, instanceGroups };
}
