import { encodeObject } from '../../apis/codec.js';
import { assertCompletedValid } from '../../apis/validation-completed.js';
import { UserError } from '../../errors.js';
import type { CloudLookup } from '../../cloud/lookup.js';
import type { Lifecycle, Task } from '../../engine/task.js';
import { buildAwsModel } from '../../model/aws.js';
import { buildBootstrap } from '../../model/bootstrap/index.js';
import { ENCRYPTION_CONFIG_SECRET, encryptionConfigSecretHash } from '../../model/bootstrap/encryption-config.js';
import { etcdClusterNames } from '../../model/bootstrap/cluster-facts.js';
import { nodeAssetSpecOf } from '../../model/bootstrap/nodeupconfig.js';
import { ARCHITECTURES, fetchMissingHashes, unhashedNodeAssetUrls } from '../../assets/index.js';
import type { BootstrapContext, KeysetPublic, NodeupLocation } from '../../model/bootstrap/types.js';
import type { BootstrapFile, ImageInfo } from '../../model/context.js';
import type { AdditionalObject, Cluster, InstanceGroup } from '../../apis/types.js';
import { awsPopulateContext } from '../../populate/completed/cloud-context.js';
import { populateClusterSpec } from '../../populate/completed/index.js';
import { populateInstanceGroups } from '../../populate/instance-group.js';
import { applyInstanceGroupRules } from '../../populate/instance-group-rules.js';
import type { Keystore } from '../../pki/keystore.js';
import type { SshKeyStore, SshPublicKey } from '../../pki/sshkeys.js';
import type { ClusterStore } from '../../statestore/clientset.js';
import { loadClusterKeysets, publicMaterial } from './keysets.js';
import { discoveryServiceUrl } from '../../apis/service-account-issuer.js';
import { loadCiliumSecret } from './cilium-secret.js';
import { discoveryStoreFacts } from './discovery-store.js';

/** What every cloud's update build takes. */
export interface CommonUpdateInputs {
  store: ClusterStore;
  clusterName: string;
  keystore: Keystore;
  /** The cluster's secrets (the encryptionconfig secret, when spec.encryptionConfig is on; Cilium's IPsec keys). */
  secrets?: { find(name: string): Promise<Buffer | undefined> };
  sshKeys: SshKeyStore;
  nodeup: Record<'amd64' | 'arm64', NodeupLocation>;
  kopsVersion: string;
  /** false for a preview: missing keysets are made in memory only. */
  persistKeysets: boolean;
  /** Environment variables kops copies into system components. */
  componentEnv?: Record<string, string>;
  /** Enabled kops feature flags (KOPS_FEATURE_FLAGS). */
  featureFlags?: string[];
  /** Fetches `<url>.sha256` for release files whose hash is not in the built-in tables (absent offline). */
  fetchSha256?: (url: string) => Promise<string>;
}

export interface UpdateInputs extends CommonUpdateInputs {
  /** The cloud's look-ups (the conformance fixture world in its suite). */
  lookup: CloudLookup;
  account: { accountId: string; partition: string };
  lifecycleOverrides?: Record<string, Lifecycle>;
  /** --phase: only the objects of this phase are managed. */
  phase?: 'network' | 'security' | 'cluster';
}

export interface ClusterUpdate {
  completed: Cluster;
  instanceGroups: InstanceGroup[];
  tasks: Task[];
  /** The state-store files kops writes for the cluster (bootstrap files and the completed spec). */
  files: BootstrapFile[];
  createdKeysets: string[];
}

/**
 * User spec in the state store -> completed spec -> bootstrap files and user data -> AWS tasks. Cloud look-ups happen
 * here, up front and through the cloud's look-up interface, so that populate and the model builders stay pure.
 */
export async function buildClusterUpdate(inputs: UpdateInputs): Promise<ClusterUpdate> {
  const { cluster, instanceGroups: stored, additionalObjects } = await readUserSpec(inputs.store, inputs.clusterName);
  const completed = populateClusterSpec(cluster, stored, await awsPopulateContext(cluster, inputs.lookup)).cluster;
  const instanceGroups = applyInstanceGroupRules(completed, await populateInstanceGroups(completed, stored, inputs.lookup), { featureFlags: inputs.featureFlags });
  assertCompletedValid(completed, instanceGroups, { featureFlags: inputs.featureFlags });
  const discoveryStore = await discoveryStoreFacts(completed, { s3Region: (bucket) => inputs.lookup.bucketRegion(bucket) });
  const machineTypes = instanceGroups.map((ig) => ig.spec.machineType).filter((t): t is string => Boolean(t));
  const instanceTypes = await inputs.lookup.instanceTypeFacts(machineTypes);
  const images = await resolveImages(instanceGroups, inputs.lookup);
  const { files, userData, keysets, created, sshKey } = await buildStateFiles(completed, instanceGroups, additionalObjects, inputs, {
    hasGpu: (machineType) => Boolean(instanceTypes[machineType]?.gpu),
    aws: inputs.account,
    imageRootDevices: Object.fromEntries(Object.entries(images).map(([image, info]) => [image, info.rootDeviceName])),
  });
  const dnsZoneRef = completed.spec.dnsZone;
  const dnsZone = dnsZoneRef ? (await inputs.lookup.hostedZones()).find((z) => z.id === dnsZoneRef || z.name === dnsZoneRef) : undefined;
  const networkId = completed.spec.networkID;
  const tasks = buildAwsModel(completed, instanceGroups, {
    region: inputs.lookup.region,
    accountId: inputs.account.accountId,
    partition: inputs.account.partition,
    images,
    instanceTypes,
    sshPublicKey: sshKey?.publicKey,
    dnsZone,
    sharedInternetGatewayId: networkId ? await inputs.lookup.internetGatewayOfVpc(networkId) : undefined,
    files,
    userData,
    lifecycleOverrides: inputs.lifecycleOverrides,
    featureFlags: inputs.featureFlags,
    phase: inputs.phase,
    serviceAccountPublicKeysPem: keysets['service-account']?.publicKeysPem,
    discoveryStore,
  });
  return { completed, instanceGroups, tasks, files, createdKeysets: created };
}

/** The cluster's user spec in the state store; a cluster without instance groups cannot be updated. */
export async function readUserSpec(store: ClusterStore, clusterName: string): Promise<{ cluster: Cluster; instanceGroups: InstanceGroup[]; additionalObjects: AdditionalObject[] }> {
  const cluster = await store.requireCluster(clusterName);
  const instanceGroups = await store.listInstanceGroups(clusterName);
  if (instanceGroups.length === 0) throw new UserError(`cluster ${clusterName} has no instance groups`, 'create them with `kops create instancegroup` or `kops create -f`');
  return { cluster, instanceGroups, additionalObjects: await store.listAdditionalObjects(clusterName) };
}

/**
 * The state-store files of a completed cluster: its keysets (missing ones made), the bootstrap files and user data
 * built from their public material, and the completed spec itself; with the admin SSH key the model installs.
 */
export async function buildStateFiles(
  completed: Cluster,
  instanceGroups: InstanceGroup[],
  additionalObjects: AdditionalObject[],
  inputs: CommonUpdateInputs,
  cloudFacts: Pick<BootstrapContext, 'hasGpu' | 'aws' | 'imageRootDevices'> = {},
): Promise<{ files: BootstrapFile[]; userData: Map<string, string>; keysets: Record<string, KeysetPublic>; created: string[]; sshKey?: SshPublicKey }> {
  const discoveryService = discoveryServiceUrl(completed.spec) !== undefined;
  const loaded = await loadClusterKeysets(inputs.keystore, etcdClusterNames(completed), inputs.persistKeysets, discoveryService);
  const keysets = publicMaterial(loaded.keysets);
  const bootstrap = buildBootstrap(
    completed,
    instanceGroups,
    {
      kopsVersion: inputs.kopsVersion,
      keysets,
      nodeup: inputs.nodeup,
      assetHashes: await missingAssetHashes(completed, inputs.fetchSha256),
      env: inputs.componentEnv,
      featureFlags: inputs.featureFlags,
      encryptionConfigSecretHash: encryptionConfigSecretHash(completed, await inputs.secrets?.find(ENCRYPTION_CONFIG_SECRET)),
      ciliumSecret: await loadCiliumSecret(completed, inputs.secrets),
      ...cloudFacts,
    },
    additionalObjects,
  );
  const files: BootstrapFile[] = [...bootstrap.files, { tfName: 'cluster-completed.spec', path: 'cluster-completed.spec', content: encodeObject(completed) }];
  const sshKey = (await inputs.sshKeys.list()).find((k) => k.name === 'admin');
  return { files, userData: bootstrap.userData, keysets, created: loaded.created, sshKey };
}

/** Hashes of the cluster's release files that the built-in tables lack (a new Kubernetes version), fetched up front. */
export async function missingAssetHashes(completed: Cluster, fetchSha256: UpdateInputs['fetchSha256']): Promise<Record<string, string>> {
  const spec = nodeAssetSpecOf(completed);
  const missing = ARCHITECTURES.flatMap((arch) => unhashedNodeAssetUrls(spec, arch));
  if (missing.length === 0) return {};
  if (!fetchSha256) {
    throw new UserError(
      `no sha256 known for ${missing[0]}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}`,
      'allow access to the release site, or mirror the files with spec.assets.fileRepository (with their .sha256 files)',
    );
  }
  try {
    return await fetchMissingHashes(missing, fetchSha256);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(
      `cannot fetch the sha256 of ${missing[0]}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}: ${(err as Error).message}`,
      'allow access to the release site, or mirror the files with spec.assets.fileRepository (with their .sha256 files)',
    );
  }
}

/** Every instance group image resolved to an AMI, strictly by owner; an unknown image names its group. */
async function resolveImages(instanceGroups: InstanceGroup[], lookup: CloudLookup): Promise<Record<string, ImageInfo>> {
  const images: Record<string, ImageInfo> = {};
  for (const ig of instanceGroups) {
    const image = ig.spec.image;
    if (!image || images[image]) continue;
    const found = await lookup.findImage(image);
    if (!found) {
      throw new UserError(
        `instancegroup ${ig.metadata.name} spec.image: image ${JSON.stringify(image)} not found in ${lookup.region}`,
        'write it as <owner>/<name> of an image that exists in the region (or an ami- id), then retry',
      );
    }
    images[image] = { id: found.id, rootDeviceName: found.rootDeviceName ?? '/dev/sda1' };
  }
  return images;
}
