/**
 * update_cluster: per case, the real pipeline as the Go harness runs it (HARNESS.md §2.2): decode in-v1alpha2.yaml,
 * populate the completed spec, build the bootstrap files, the AWS model and the terraform target, then compare
 * kubernetes.tf and the exact set of data/ files. AWS and GCE clusters.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { decodeDocuments, encodeObject } from '../../../src/apis/codec.js';
import type { Lifecycle } from '../../../src/engine/task.js';
import { buildBootstrap, type BootstrapContext, type KeysetPublic } from '../../../src/model/bootstrap/index.js';
import { buildAwsModel, type Phase } from '../../../src/model/aws.js';
import { encryptionConfigSecretHash } from '../../../src/model/bootstrap/encryption-config.js';
import { buildGceModel } from '../../../src/model/gce/index.js';
import { performGceAssignments } from '../../../src/populate/create/gce-assignments.js';
import { fixtureGceWorld, FIXTURE_GCE_DNS_ZONE } from '../fixtures/gce-world.js';
import type { AwsModelContext } from '../../../src/model/context.js';
import type { Task } from '../../../src/engine/task.js';
import { isKopsObject, type AdditionalObject, type Cluster, type InstanceGroup, type KopsObject } from '../../../src/apis/types.js';
import { pickHostedZone } from '../../../src/populate/completed/cloud-context.js';
import { populateClusterSpec } from '../../../src/populate/completed/index.js';
import { renderTerraform } from '../../../src/targets/terraform/render.js';
import { assetsYaml, collectAssets } from '../../../src/ops/assets.js';
import { compareBlocks } from '../../targets/terraform/blocks.js';
import { firstDifference, goldenEqual, type CaseResult, type Suite } from '../suite.js';
import { caseDirs } from './cases.js';

/** Settings only the Go test table holds (HARNESS.md §2.4); everything else comes from the case's files. */
export interface CaseSettings {
  lifecycleOverrides?: Record<string, Lifecycle>;
  phase?: Phase;
  featureFlags?: string[];
  /**
   * Keysets the golden keystore does not hold (kops creates them on the first update, e.g. discovery-ca) are stood in
   * by a placeholder with a fixed id and no certificate.
   */
  placeholderKeysets?: boolean;
  /** Images beside the fixture's own (image string -> AMI), for tests that show an instance group's image. */
  images?: AwsModelContext['images'];
}

export const CASE_SETTINGS: Record<string, CaseSettings> = {
  existing_iam: {
    lifecycleOverrides: { IAMRole: 'ExistsAndWarnIfChanges', IAMRolePolicy: 'ExistsAndWarnIfChanges', IAMInstanceProfileRole: 'ExistsAndWarnIfChanges' },
  },
  lifecycle_phases: { phase: 'network' },
  apiservernodes: { featureFlags: ['APIServerNodes'] },
  minimal_gce_plb_apiserver: { featureFlags: ['APIServerNodes'] },
};

/** Pinned by the harness (HARNESS.md §2.7). */
const KOPS_VERSION = '1.34.0-beta.1';
const NODEUP_SHA256 = {
  amd64: 'c86e072f622b91546b7b3f3cb1a0f8a131e48b966ad018a0ac1520ceedf37725',
  arm64: '64a9a9510538a449e85d05e13e3cd98b80377d68a673447c26821d40f00f0075',
};
const FIXTURE_SUBNET_ZONES: Record<string, string> = { 'subnet-12345678': 'us-test-1a', 'subnet-abcdef': 'us-test-1a', 'subnet-b2345678': 'us-test-1b' };
const GPU_TYPES = new Set(['g4dn.xlarge', 'g4ad.16xlarge']);

/** The fixture world of the Go tests' mock AWS cloud (HARNESS.md §0.4). */
export function fixtureContext(): Omit<AwsModelContext, 'files' | 'userData'> {
  return {
    region: 'us-test-1',
    accountId: '123456789012',
    partition: 'aws-test',
    images: { 'ubuntu/images/hvm-ssd-gp3/ubuntu-resolute-26.04-amd64-server-20220404': { id: 'ami-12345678', rootDeviceName: '/dev/xvda' } },
    instanceTypes: {
      'm3.medium': { instanceStoreDisks: 1 },
      'g4dn.xlarge': { instanceStoreDisks: 0, gpu: true },
      'g4ad.16xlarge': { instanceStoreDisks: 0, gpu: true },
    },
    sharedInternetGatewayId: 'igw-1',
  };
}

/** The fixture's Route53 zones (HARNESS.md §0.4). */
export const FIXTURE_ZONES = [
  { id: 'Z1AFAKE1ZON3YO', name: 'example.com', private: false },
  { id: 'Z2AFAKE1ZON3NO', name: 'internal.example.com', private: true },
  { id: 'Z3AFAKE1ZOMORE', name: 'private.example.com', private: true },
];

/** `spec.dnsZone` (an id or a name) resolved against the fixture's zones. */
export function fixtureDnsZone(dnsZone: string | undefined) {
  return FIXTURE_ZONES.find((z) => z.id === dnsZone || z.name === dnsZone);
}

interface Outcome {
  result: CaseResult;
  blockShare?: number;
}

export const updateClusterSuite: Suite = {
  name: 'update_cluster',
  async run(suiteDir) {
    const outcomes: Outcome[] = [];
    for (const c of caseDirs(suiteDir)) {
      const dir = join(suiteDir, c);
      if (!existsSync(join(dir, 'kubernetes.tf')) && !existsSync(join(dir, 'network-kubernetes.tf'))) continue;
      const id = `update_cluster/${c}`;
      try {
        outcomes.push(await runCase(id, dir, CASE_SETTINGS[c] ?? {}));
      } catch (e) {
        outcomes.push({ result: { id, outcome: 'differ', reason: `error: ${(e as Error).message.split('\n')[0]}` }, blockShare: 0 });
      }
    }
    const shares = outcomes.flatMap((o) => (o.blockShare === undefined ? [] : [o.blockShare]));
    const mean = shares.reduce((a, b) => a + b, 0) / Math.max(shares.length, 1);
    return {
      cases: outcomes.map((o) => o.result),
      summary: [`mean share of matching resource blocks over ${shares.length} AWS cases: ${mean.toFixed(3)}`],
    };
  },
};

async function runCase(id: string, dir: string, settings: CaseSettings): Promise<Outcome> {
  const inputFile = join(dir, 'in-v1alpha2.yaml');
  if (!existsSync(inputFile)) return { result: { id, outcome: 'differ', reason: 'cloud not supported yet' } };
  // As the Go harness reads its input: other kinds become additional objects, unknown fields are dropped.
  const objects = decodeDocuments(readFileSync(inputFile, 'utf8'), inputFile, { allowOtherKinds: true, onUnknownField: () => {} });
  const cluster = objects.find((o): o is Cluster => o.kind === 'Cluster');
  if (!cluster) throw new Error('no Cluster in in-v1alpha2.yaml');
  const gce = cluster.spec.cloudProvider === 'gce';
  if (cluster.spec.cloudProvider !== 'aws' && !(cluster.spec.cloudProvider as { aws?: unknown })?.aws && !gce) {
    return { result: { id, outcome: 'differ', reason: 'cloud not supported yet' } };
  }
  const { files, completed } = await runUpdatePipeline(objects, dir, settings);
  const outcome = compareOutput(id, dir, files, settings.phase);
  // get-assets cases (HARNESS.md §2.2 step 7): `kops get assets -o yaml` is compared too.
  const assetsFile = join(dir, 'assets.yaml');
  if (outcome.result.outcome === 'match' && existsSync(assetsFile)) {
    const actual = assetsYaml(collectAssets(completed.stateFiles, completed.cluster.spec as Record<string, unknown>));
    const expected = readFileSync(assetsFile, 'utf8');
    if (!goldenEqual(actual, expected)) outcome.result = { id, outcome: 'differ', reason: `assets.yaml: ${firstDifference(actual, expected)}` };
  }
  return outcome;
}

/** The encryptionconfig secret of the fixture world (the state store's secret when spec.encryptionConfig is on). */
export const FIXTURE_ENCRYPTION_CONFIG = Buffer.from(
  'apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n- resources:\n  - secrets\n  providers:\n  - identity: {}\n',
);

export interface PipelineOutput {
  /** kubernetes.tf and data/* as the terraform target writes them. */
  files: Map<string, string>;
  completed: { cluster: Cluster; stateFiles: Array<{ tfName: string; path: string; content: string }> };
  /** The AWS model's tasks (what the direct target would find, diff and create). */
  tasks?: Task[];
}

/**
 * The harness's pipeline for decoded input objects: populate the completed spec against the fixture world, build
 * the bootstrap files with the keystore seeded from `keystoreDir`'s golden data, the AWS or GCE model, and the
 * terraform target's output.
 */
export async function runUpdatePipeline(objects: ReadonlyArray<KopsObject | AdditionalObject>, keystoreDir: string, settings: CaseSettings = {}): Promise<PipelineOutput> {
  const cluster = objects.find((o): o is Cluster => o.kind === 'Cluster');
  if (!cluster) throw new Error('no Cluster among the input objects');
  const gce = cluster.spec.cloudProvider === 'gce';
  // As `kops create -f` and `update cluster` do on GCE: subnet ranges the network does not use yet.
  if (gce) await performGceAssignments(cluster, fixtureGceWorld());
  const clusterName = cluster.metadata.name;
  const instanceGroups = objects
    .filter((o): o is InstanceGroup => o.kind === 'InstanceGroup')
    .filter((ig) => ig.metadata.labels?.['kops.k8s.io/cluster'] === clusterName);
  const additionalObjects = objects.filter((o): o is AdditionalObject => !isKopsObject(o));

  const completed = populateClusterSpec(cluster, instanceGroups, {
    findDnsZone: (name, type) => (gce ? FIXTURE_GCE_DNS_ZONE : pickHostedZone(FIXTURE_ZONES, name, type)),
    findSubnetZone: (subnetId) => FIXTURE_SUBNET_ZONES[subnetId],
    findBucketRegion: () => undefined,
  }).cluster;

  // The network phase writes no state-store files; its case has no data/ to lift the seeded keystore from.
  const bootstrapCtx = { ...bootstrapContext(keystoreDir, settings.featureFlags, settings.placeholderKeysets), encryptionConfigSecretHash: encryptionConfigSecretHash(completed, FIXTURE_ENCRYPTION_CONFIG) };
  const bootstrap =
    settings.phase === 'network'
      ? { files: [], userData: new Map<string, string>() }
      : buildBootstrap(completed, instanceGroups, bootstrapCtx, additionalObjects);
  const stateFiles = [...bootstrap.files, { tfName: 'cluster-completed.spec', path: 'cluster-completed.spec', content: encodeObject(completed) }];
  const sshKeyFile = join(keystoreDir, 'id_rsa.pub');
  if (cluster.spec.cloudProvider === 'gce') {
    const project = String(completed.spec.project);
    const tasks = buildGceModel(completed, instanceGroups, {
      project,
      sshPublicKeys: existsSync(sshKeyFile) ? [readFileSync(sshKeyFile, 'utf8').trim()] : [],
      files: stateFiles,
      userData: bootstrap.userData,
      featureFlags: settings.featureFlags,
    });
    const region = completed.spec.subnets?.[0]?.region ?? '';
    const out = await renderTerraform(tasks, { clusterName, region, filesRegion: fixtureContext().region, google: { project } });
    return { files: out.files, completed: { cluster: completed, stateFiles } };
  }
  const fixture = fixtureContext();
  const tasks = buildAwsModel(completed, instanceGroups, {
    ...fixture,
    images: { ...fixture.images, ...settings.images },
    sshPublicKey: existsSync(sshKeyFile) ? readFileSync(sshKeyFile, 'utf8').trim() : undefined,
    dnsZone: fixtureDnsZone(completed.spec.dnsZone),
    files: stateFiles,
    userData: bootstrap.userData,
    lifecycleOverrides: settings.lifecycleOverrides,
    featureFlags: settings.featureFlags,
    phase: settings.phase,
    serviceAccountPublicKeysPem: bootstrapCtx.keysets['service-account']?.publicKeysPem,
  });
  const terraform = (completed.spec as { target?: { terraform?: Record<string, Record<string, string>> } }).target?.terraform;
  const out = await renderTerraform(tasks, {
    clusterName,
    region: fixtureContext().region,
    providerExtraConfig: terraform?.providerExtraConfig,
    filesProviderExtraConfig: terraform?.filesProviderExtraConfig,
  });
  return { files: out.files, completed: { cluster: completed, stateFiles }, tasks };
}

function compareOutput(id: string, dir: string, files: Map<string, string>, phase?: string): Outcome {
  const expectedTf = readFileSync(join(dir, phase ? `${phase}-kubernetes.tf` : 'kubernetes.tf'), 'utf8');
  const actualTf = files.get('kubernetes.tf') ?? '';
  const dataDir = join(dir, 'data');
  const expectedData = existsSync(dataDir) ? readdirSync(dataDir).sort() : [];
  const actualData = [...files.keys()].filter((f) => f.startsWith('data/')).map((f) => f.slice(5)).sort();
  const cmp = compareBlocks(actualTf, expectedTf, (h) => h.startsWith('resource '));
  const blockShare = cmp.matching / Math.max(cmp.expected, 1);
  const dataMatching = expectedData.filter((f) => files.has(`data/${f}`) && goldenEqual(files.get(`data/${f}`)!, readFileSync(join(dataDir, f), 'utf8')));
  const tfEqual = goldenEqual(actualTf, expectedTf);
  const sameDataSet = JSON.stringify(actualData) === JSON.stringify(expectedData);
  if (tfEqual && sameDataSet && dataMatching.length === expectedData.length) return { result: { id, outcome: 'match' }, blockShare };
  const firstData = expectedData.find((f) => !dataMatching.includes(f)) ?? actualData.find((f) => !expectedData.includes(f));
  const extraData = actualData.filter((f) => !expectedData.includes(f));
  const first = cmp.firstDifference ?? (cmp.extra.length ? `unexpected ${cmp.extra[0]}` : undefined) ?? (tfEqual ? `data file ${firstData}` : (compareBlocks(actualTf, expectedTf).firstDifference ?? 'kubernetes.tf: block order differs'));
  return {
    result: {
      id,
      outcome: 'differ',
      reason: `blocks ${cmp.matching}/${cmp.expected}, data ${dataMatching.length}/${expectedData.length}${sameDataSet ? '' : ` (file set differs${extraData.length ? `, extra ${extraData[0]}` : ''})`}; first: ${first}`,
    },
    blockShare,
  };
}

/**
 * The bootstrap inputs the Go harness fixes: kops version, nodeup location, and the seeded keystore. The keystore's
 * public material is lifted from the case's control-plane nodeupconfig (HARNESS.md §2.5: the goldens hold the
 * seeded CA certificates themselves; only public material is needed).
 */
function bootstrapContext(dir: string, featureFlags: string[] = [], placeholderKeysets = false): BootstrapContext {
  const lifted: Record<string, KeysetPublic> = {};
  const keysets = placeholderKeysets
    ? new Proxy(lifted, { get: (target, name) => (typeof name === 'string' ? (target[name] ?? { primaryId: '1000000000000000000000000', certificatesPem: '' }) : undefined) })
    : lifted;
  const dataDir = join(dir, 'data');
  const masterConfig = existsSync(dataDir) ? readdirSync(dataDir).find((f) => /^aws_s3_object_nodeupconfig-.*(master|control-plane).*_content$/.test(f)) : undefined;
  if (masterConfig) {
    const config = parse(readFileSync(join(dataDir, masterConfig), 'utf8')) as {
      CAs?: Record<string, string>;
      KeypairIDs?: Record<string, string>;
      APIServerConfig?: { ServiceAccountPublicKeys?: string };
    };
    for (const [name, keyId] of Object.entries(config.KeypairIDs ?? {})) lifted[name] = { primaryId: keyId, certificatesPem: config.CAs?.[name] ?? '' };
    if (lifted['service-account']) lifted['service-account'].publicKeysPem = config.APIServerConfig?.ServiceAccountPublicKeys;
  }
  const nodeup = (arch: 'amd64' | 'arm64') => ({
    urls: `https://artifacts.k8s.io/binaries/kops/${KOPS_VERSION}/linux/${arch}/nodeup,https://github.com/kubernetes/kops/releases/download/v${KOPS_VERSION}/nodeup-linux-${arch}`,
    sha256: NODEUP_SHA256[arch],
  });
  return {
    kopsVersion: KOPS_VERSION,
    keysets,
    nodeup: { amd64: nodeup('amd64'), arm64: nodeup('arm64') },
    hasGpu: (machineType) => GPU_TYPES.has(machineType),
    featureFlags,
    env: { KOPS_RUN_TOO_NEW_VERSION: '1' },
    aws: { accountId: fixtureContext().accountId, partition: fixtureContext().partition },
  };
}
