/**
 * The update build for a GCE cluster: subnet ranges assigned (as the Go kops does on every update), completed spec,
 * bootstrap files and user data, and the GCE tasks; and the cluster's cloud for the direct target.
 */
import { encodeObject } from '../../apis/codec.js';
import { openCloud } from '../../cloud/index.js';
import type { GceLookup } from '../../cloud/gce/lookup.js';
import type { Cloud } from '../../cloud/types.js';
import { buildBootstrap } from '../../model/bootstrap/index.js';
import { ENCRYPTION_CONFIG_SECRET, encryptionConfigSecretHash } from '../../model/bootstrap/encryption-config.js';
import type { NodeupLocation } from '../../model/bootstrap/types.js';
import type { BootstrapFile } from '../../model/context.js';
import { buildGceModel } from '../../model/gce/index.js';
import { offlinePopulateContext } from '../../populate/completed/cloud-context.js';
import { populateClusterSpec } from '../../populate/completed/index.js';
import { performGceAssignments } from '../../populate/create/gce-assignments.js';
import type { Keystore } from '../../pki/keystore.js';
import type { SshKeyStore } from '../../pki/sshkeys.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import { UserError } from '../../errors.js';
import { loadClusterKeysets, publicMaterial } from './keysets.js';
import { loadCiliumSecret } from './cilium-secret.js';
import { missingAssetHashes, type ClusterUpdate } from './pipeline.js';
import { discoveryServiceUrl } from '../../apis/service-account-issuer.js';

export interface GceUpdateInputs {
  store: ClusterStore;
  clusterName: string;
  lookup: GceLookup;
  keystore: Keystore;
  /** The cluster's secrets (the encryptionconfig secret, when spec.encryptionConfig is on; Cilium's IPsec keys). */
  secrets?: { find(name: string): Promise<Buffer | undefined> };
  sshKeys: SshKeyStore;
  nodeup: Record<'amd64' | 'arm64', NodeupLocation>;
  kopsVersion: string;
  persistKeysets: boolean;
  componentEnv?: Record<string, string>;
  featureFlags?: string[];
  fetchSha256?: (url: string) => Promise<string>;
}

export interface GceClusterUpdate extends ClusterUpdate {
  project: string;
  region: string;
}

export async function buildGceClusterUpdate(inputs: GceUpdateInputs): Promise<GceClusterUpdate> {
  const { store, clusterName } = inputs;
  const cluster = await store.requireCluster(clusterName);
  const instanceGroups = await store.listInstanceGroups(clusterName);
  if (instanceGroups.length === 0) throw new UserError(`cluster ${clusterName} has no instance groups`, 'create them with `kops create instancegroup` or `kops create -f`');
  const project = String(cluster.spec.project ?? '');
  if (!project) throw new UserError(`cluster ${clusterName} spec.project: no GCE project`, 'set spec.project to the project the cluster lives in');
  const region = ((cluster.spec.subnets as { region?: string }[] | undefined) ?? []).map((s) => s.region).find(Boolean);
  if (!region) throw new UserError(`cluster ${clusterName} spec.subnets: no subnet has a region`, 'set spec.subnets[].region (GCE subnets are regional)');
  const additionalObjects = await store.listAdditionalObjects(clusterName);

  await performGceAssignments(cluster, inputs.lookup);
  const completed = populateClusterSpec(cluster, instanceGroups, offlinePopulateContext()).cluster;
  const etcdNames = ((completed.spec.etcdClusters as { name: string }[] | undefined) ?? []).map((e) => e.name);
  const { keysets, created } = await loadClusterKeysets(inputs.keystore, etcdNames, inputs.persistKeysets, discoveryServiceUrl(completed.spec) !== undefined);
  const bootstrap = buildBootstrap(
    completed,
    instanceGroups,
    {
      kopsVersion: inputs.kopsVersion,
      keysets: publicMaterial(keysets),
      nodeup: inputs.nodeup,
      assetHashes: await missingAssetHashes(completed, inputs.fetchSha256),
      env: inputs.componentEnv,
      featureFlags: inputs.featureFlags,
      encryptionConfigSecretHash: encryptionConfigSecretHash(completed, await inputs.secrets?.find(ENCRYPTION_CONFIG_SECRET)),
    },
    additionalObjects,
  );
  const files: BootstrapFile[] = [...bootstrap.files, { tfName: 'cluster-completed.spec', path: 'cluster-completed.spec', content: encodeObject(completed) }];
  const sshKey = (await inputs.sshKeys.list()).find((k) => k.name === 'admin');
  const tasks = buildGceModel(completed, instanceGroups, {
    project,
    sshPublicKeys: sshKey ? [sshKey.publicKey] : [],
    files,
    userData: bootstrap.userData,
    featureFlags: inputs.featureFlags,
  });
  return { completed, instanceGroups, tasks, files, createdKeysets: created, project, region };
}

/** The cluster's GCE cloud for the direct target. */
export function gceUpdateCloud(update: GceClusterUpdate, env?: Record<string, string | undefined>): Cloud {
  return openCloud('gce', { project: update.project, region: update.region, env });
}
