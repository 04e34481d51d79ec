/**
 * The golden update_cluster cases (../shared/kops-reference/conformance/update_cluster) as the tests read them: a case's
 * input objects, its golden output files, the settings only the Go test table holds, what the Go harness pins
 * (HARNESS.md §2.4, §2.5, §2.7), and the fixture world's answers that the model and populate need.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { decodeDocuments } from '../../src/apis/codec.js';
import { CLUSTER_LABEL, isInstanceGroup, isKopsObject, type AdditionalObject, type Cluster, type InstanceGroup, type KopsObject } from '../../src/apis/types.js';
import type { Lifecycle } from '../../src/engine/task.js';
import type { Phase } from '../../src/model/aws.js';
import type { BootstrapContext, KeysetPublic } from '../../src/model/bootstrap/types.js';
import type { AwsModelContext, BootstrapFile } from '../../src/model/context.js';
import { defaultNodeupUrls } from '../../src/ops/update/nodeup.js';
import { pickHostedZone } from '../../src/populate/completed/cloud-context.js';
import type { PopulateContext } from '../../src/populate/completed/state.js';
import { FIXTURE_AWS_IDENTITY, FIXTURE_AWS_REGION, FIXTURE_HOSTED_ZONES, FIXTURE_INSTANCE_TYPE_FACTS, FIXTURE_INTERNET_GATEWAYS, FIXTURE_SUBNETS, fixtureImage } from '../conformance/fixtures/aws-world.js';
import { sharedDir } from './cli.js';

export const updateClusterDir = join(sharedDir, 'kops-reference/conformance/update_cluster');

const COMPLETED_SPEC = 'aws_s3_object_cluster-completed.spec_content';

/** Settings only the Go test table holds (HARNESS.md §2.4); everything else comes from the case's files. */
export interface CaseSettings {
  lifecycleOverrides?: Record<string, Lifecycle>;
  phase?: Phase;
  featureFlags?: string[];
  /**
   * Keysets the golden keystore does not hold (kops creates them on the first update, e.g. discovery-ca) are seeded
   * with a placeholder certificate of a fixed id.
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

/** The kops version the harness forces, and the nodeup hashes it downloads (HARNESS.md §2.7). */
export const HARNESS_KOPS_VERSION = '1.34.0-beta.1';
export const HARNESS_NODEUP_SHA256 = {
  amd64: 'c86e072f622b91546b7b3f3cb1a0f8a131e48b966ad018a0ac1520ceedf37725',
  arm64: '64a9a9510538a449e85d05e13e3cd98b80377d68a673447c26821d40f00f0075',
};

export interface CaseInput {
  /** Every object of in-v1alpha2.yaml, as the Go harness reads them (other kinds kept, unknown fields dropped). */
  objects: Array<KopsObject | AdditionalObject>;
  cluster: Cluster;
  /** The instance groups of the case's cluster. */
  instanceGroups: InstanceGroup[];
  additionalObjects: AdditionalObject[];
}

/** A case's in-v1alpha2.yaml (`dir` a case folder, or a case name). */
export function readCaseInput(dirOrName: string): CaseInput {
  const file = join(caseDir(dirOrName), 'in-v1alpha2.yaml');
  const objects = decodeDocuments(readFileSync(file, 'utf8'), file, { allowOtherKinds: true, onUnknownField: () => {} });
  const cluster = objects.find((o): o is Cluster => o.kind === 'Cluster');
  if (!cluster) throw new Error(`${file}: no Cluster`);
  return {
    objects,
    cluster,
    instanceGroups: objects.filter(isInstanceGroup).filter((ig) => ig.metadata.labels?.[CLUSTER_LABEL] === cluster.metadata.name),
    additionalObjects: objects.filter((o): o is AdditionalObject => !isKopsObject(o)),
  };
}

/** The case's golden data/ files by name (empty when it has none). */
export function readGoldenData(dirOrName: string): Map<string, string> {
  const dataDir = join(caseDir(dirOrName), 'data');
  const data = new Map<string, string>();
  if (existsSync(dataDir)) for (const f of readdirSync(dataDir).sort()) data.set(f, readFileSync(join(dataDir, f), 'utf8'));
  return data;
}

/** The golden completed spec of a case as text (trimmed, LF line ends). */
export function goldenCompletedSpecText(dirOrName: string): string {
  return readFileSync(join(caseDir(dirOrName), 'data', COMPLETED_SPEC), 'utf8').replace(/\r\n/g, '\n').trim();
}

/** The golden completed spec of a case. */
export function goldenCompletedSpec(data: Map<string, string>): Cluster {
  return parse(data.get(COMPLETED_SPEC)!) as Cluster;
}

/** update_cluster cases that have a v1alpha2 input and a completed spec to compare with (every cloud). */
export function goldenCases(): string[] {
  return readdirSync(updateClusterDir)
    .filter((c) => existsSync(join(updateClusterDir, c, 'data', COMPLETED_SPEC)) && existsSync(join(updateClusterDir, c, 'in-v1alpha2.yaml')))
    .sort();
}

/** The AWS ones among them. */
export function awsCases(): string[] {
  return goldenCases().filter((c) => /^ {2}cloudProvider: aws$/m.test(readFileSync(join(updateClusterDir, c, 'data', COMPLETED_SPEC), 'utf8')));
}

/** What the seeded keystore shows in the case's control-plane nodeupconfig (HARNESS.md §2.5); undefined without one. */
export interface GoldenKeystore {
  /** CA bundles by keyset. */
  certificates: Record<string, string>;
  primaryIds: Record<string, string>;
  serviceAccountPublicKeys?: string;
}

export function goldenKeystore(data: Map<string, string>): GoldenKeystore | undefined {
  const name = [...data.keys()].find((f) => /^aws_s3_object_nodeupconfig-.*(master|control-plane).*_content$/.test(f));
  if (!name) return undefined;
  const config = parse(data.get(name)!) as { CAs?: Record<string, string>; KeypairIDs?: Record<string, string>; APIServerConfig?: { ServiceAccountPublicKeys?: string } };
  return { certificates: config.CAs ?? {}, primaryIds: config.KeypairIDs ?? {}, serviceAccountPublicKeys: config.APIServerConfig?.ServiceAccountPublicKeys };
}

/** The golden keystore as the bootstrap builder is given it (public material per keyset). */
export function goldenKeysetsPublic(keystore: GoldenKeystore | undefined): Record<string, KeysetPublic> {
  const keysets: Record<string, KeysetPublic> = {};
  if (!keystore) return keysets;
  for (const [name, primaryId] of Object.entries(keystore.primaryIds)) keysets[name] = { primaryId, certificatesPem: keystore.certificates[name] ?? '' };
  if (keysets['service-account']) keysets['service-account'].publicKeysPem = keystore.serviceAccountPublicKeys;
  return keysets;
}

/** Populate's look-ups answered from the fixture world (zones by name, the shared subnets' zones). */
export const fixturePopulateContext: PopulateContext = {
  findDnsZone: (clusterName, dnsType) => pickHostedZone(FIXTURE_HOSTED_ZONES, clusterName, dnsType),
  findSubnetZone: (id) => FIXTURE_SUBNETS.find((s) => s.id === id)?.zone,
  findBucketRegion: () => undefined,
};

/** The AWS model's look-ups answered from the fixture world, for the images and DNS zone a cluster names. */
export function fixtureModelContext(cluster: Cluster, instanceGroups: InstanceGroup[]): Omit<AwsModelContext, 'files' | 'userData'> {
  const images = Object.fromEntries(
    instanceGroups.flatMap((ig) => {
      const image = ig.spec.image && fixtureImage(ig.spec.image);
      return image ? [[ig.spec.image!, { id: image.id, rootDeviceName: image.rootDeviceName ?? '/dev/sda1' }]] : [];
    }),
  );
  const dnsZone = cluster.spec.dnsZone;
  return {
    region: FIXTURE_AWS_REGION,
    accountId: FIXTURE_AWS_IDENTITY.account,
    partition: FIXTURE_AWS_IDENTITY.partition,
    images,
    instanceTypes: FIXTURE_INSTANCE_TYPE_FACTS,
    sharedInternetGatewayId: cluster.spec.networkID ? FIXTURE_INTERNET_GATEWAYS[cluster.spec.networkID] : undefined,
    dnsZone: FIXTURE_HOSTED_ZONES.find((z) => z.id === dnsZone || z.name === dnsZone),
  };
}

function caseDir(dirOrName: string): string {
  return dirOrName.includes('/') ? dirOrName : join(updateClusterDir, dirOrName);
}

/** A case as the model tests take it: the golden completed spec, its instance groups, and the model's inputs. */
export interface GoldenModelInputs {
  cluster: Cluster;
  instanceGroups: InstanceGroup[];
  /** The model's context, the golden user data and state-store files standing in for the bootstrap builder. */
  ctx: AwsModelContext;
  expectedTf: string;
  expectedData: Map<string, string>;
}

export function goldenModelInputs(caseName: string): GoldenModelInputs {
  const expectedData = readGoldenData(caseName);
  const cluster = goldenCompletedSpec(expectedData);
  const { instanceGroups } = readCaseInput(caseName);
  const expectedTf = readFileSync(join(updateClusterDir, caseName, 'kubernetes.tf'), 'utf8');
  const userData = new Map<string, string>();
  for (const ig of instanceGroups) {
    const group = { Master: '.masters', ControlPlane: '.masters', APIServer: '.apiservers' }[ig.spec.role as string] ?? '';
    const content = expectedData.get(`aws_launch_template_${ig.metadata.name}${group}.${cluster.metadata.name}_user_data`);
    if (content !== undefined) userData.set(ig.metadata.name, content);
  }
  const ctx: AwsModelContext = {
    ...fixtureModelContext(cluster, instanceGroups),
    sshPublicKey: readFileSync(join(updateClusterDir, caseName, 'id_rsa.pub'), 'utf8').trim(),
    files: stateStoreFiles(expectedTf, expectedData).filter((f) => f.tfName !== 'discovery.json' && f.tfName !== 'keys.json'),
    serviceAccountPublicKeysPem: goldenKeystore(expectedData)?.serviceAccountPublicKeys,
    userData,
    featureFlags: CASE_SETTINGS[caseName]?.featureFlags,
  };
  return { cluster, instanceGroups, ctx, expectedTf, expectedData };
}

/** The golden `aws_s3_object` resources, as the files the bootstrap builder would produce. */
function stateStoreFiles(tf: string, data: Map<string, string>): BootstrapFile[] {
  const files: BootstrapFile[] = [];
  const re = /content += file\("\$\{path\.module\}\/data\/aws_s3_object_(.+)_content"\)\n\s+key += "([^"]+)"/g;
  for (let m = re.exec(tf); m; m = re.exec(tf)) {
    files.push({ tfName: m[1], path: `memfs://${m[2]}`, content: data.get(`aws_s3_object_${m[1]}_content`) ?? '' });
  }
  return files;
}

/** A case as the bootstrap tests take it: the golden completed spec, its instance groups and objects, and the harness's bootstrap inputs. */
export interface GoldenBootstrapCase {
  name: string;
  dataDir: string;
  cluster: Cluster;
  instanceGroups: InstanceGroup[];
  additionalObjects: AdditionalObject[];
  ctx: BootstrapContext;
}

export function goldenBootstrapCase(name: string): GoldenBootstrapCase {
  const data = readGoldenData(name);
  const { instanceGroups, additionalObjects } = readCaseInput(name);
  return {
    name,
    dataDir: join(updateClusterDir, name, 'data'),
    cluster: goldenCompletedSpec(data),
    instanceGroups,
    additionalObjects,
    ctx: harnessBootstrapContext(goldenKeysetsPublic(goldenKeystore(data)), CASE_SETTINGS[name]?.featureFlags ?? []),
  };
}

/** The bootstrap inputs the Go harness fixes: kops version, nodeup location and hashes, GPU types, environment, account. */
export function harnessBootstrapContext(keysets: Record<string, KeysetPublic>, featureFlags: string[]): BootstrapContext {
  const nodeup = (arch: 'amd64' | 'arm64') => ({ urls: defaultNodeupUrls(HARNESS_KOPS_VERSION, arch), sha256: HARNESS_NODEUP_SHA256[arch] });
  return {
    kopsVersion: HARNESS_KOPS_VERSION,
    keysets,
    nodeup: { amd64: nodeup('amd64'), arm64: nodeup('arm64') },
    hasGpu: (machineType) => Boolean(FIXTURE_INSTANCE_TYPE_FACTS[machineType]?.gpu),
    featureFlags,
    env: { KOPS_RUN_TOO_NEW_VERSION: '1' },
    aws: { accountId: FIXTURE_AWS_IDENTITY.account, partition: FIXTURE_AWS_IDENTITY.partition },
  };
}
