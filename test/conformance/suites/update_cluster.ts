/**
 * update_cluster: per case, the production update flow as the Go harness runs it (HARNESS.md §2.2): in-v1alpha2.yaml
 * stored in an in-memory state store, the update prepared by ops/ (populate, bootstrap files, the AWS or GCE model)
 * with the fixture world's look-ups, and the terraform target; then kubernetes.tf and the exact set of data/ files
 * are compared. AWS and GCE clusters.
 */
import { webcrypto } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLUSTER_LABEL, isKopsObject, type AdditionalObject, type Cluster, type InstanceGroup, type KopsObject } from '../../../src/apis/types.js';
import type { Task } from '../../../src/engine/task.js';
import { ENCRYPTION_CONFIG_SECRET } from '../../../src/model/bootstrap/encryption-config.js';
import { CILIUM_SECRET } from '../../../src/ops/update/cilium-secret.js';
import { assetsYaml, collectAssets } from '../../../src/ops/assets.js';
import { openCluster } from '../../../src/ops/cluster.js';
import { prepareClusterUpdate } from '../../../src/ops/update/prepare.js';
import { renderClusterTerraform } from '../../../src/ops/update/update.js';
import { certificateSerial, parseCertificate } from '../../../src/pki/certificates.js';
import type { Keyset, KeysetItem } from '../../../src/pki/keyset.js';
import { clusterKeysetNames } from '../../../src/pki/keystore.js';
import { ClusterStore } from '../../../src/statestore/clientset.js';
import { openVfs } from '../../../src/statestore/index.js';
import type { Cloud } from '../../../src/cloud/types.js';
import { CASE_SETTINGS, HARNESS_KOPS_VERSION, HARNESS_NODEUP_SHA256, goldenKeystore, readCaseInput, readGoldenData, type CaseSettings } from '../../helpers/golden-cases.js';
import { compareBlocks } from '../../targets/terraform/blocks.js';
import { FIXTURE_AWS_REGION, fixtureAwsCloud } from '../fixtures/aws-world.js';
import { fixtureGceWorld } from '../fixtures/gce-world.js';
import { firstDifference, goldenEqual, type CaseResult, type Suite } from '../suite.js';
import { caseDirs } from './cases.js';

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
  const { objects, cluster } = readCaseInput(dir);
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

/** Cilium's IPsec keys in the fixture world, in the form `kops create secret ciliumpassword` stores. */
const FIXTURE_CILIUM_IPSEC_KEYS = Buffer.from('keys: 3 rfc4106(gcm(aes)) 0123456789abcdef0123456789abcdef01234567 128\n');

export interface PipelineOutput {
  /** kubernetes.tf and data/* as the terraform target writes them. */
  files: Map<string, string>;
  completed: { cluster: Cluster; stateFiles: Array<{ tfName: string; path: string; content: string }> };
  /** The model's tasks (what the direct target would find, diff and create). */
  tasks: Task[];
}

/**
 * The harness's pipeline for decoded input objects, through the production update flow of ops/: the objects stored in
 * a fresh in-memory state store with the keystore and SSH key seeded from `keystoreDir`'s golden data, the update
 * prepared with the fixture world's look-ups, and the terraform target's output.
 */
let fixtureCloud: Cloud | undefined;

export async function runUpdatePipeline(objects: ReadonlyArray<KopsObject | AdditionalObject>, keystoreDir: string, settings: CaseSettings = {}): Promise<PipelineOutput> {
  const cluster = objects.find((o): o is Cluster => o.kind === 'Cluster');
  if (!cluster) throw new Error('no Cluster among the input objects');
  const clusterName = cluster.metadata.name;
  const store = await seededStore(cluster, objects, keystoreDir, settings.placeholderKeysets);
  try {
    const prepared = await prepareClusterUpdate(store, clusterName, {
      env: harnessEnv(settings.featureFlags),
      persistKeysets: false,
      lifecycleOverrides: settings.lifecycleOverrides,
      phase: settings.phase,
      cloud: cluster.spec.cloudProvider === 'gce' ? undefined : settings.images ? fixtureAwsCloud({ images: settings.images }) : (fixtureCloud ??= fixtureAwsCloud()),
      gceLookup: fixtureGceWorld(),
      kopsVersion: HARNESS_KOPS_VERSION,
      fetchText: async (url) => {
        throw new Error(`the harness is offline (${url})`);
      },
    });
    const out = await renderClusterTerraform(prepared, { filesRegion: FIXTURE_AWS_REGION });
    const { update } = prepared;
    return { files: out.files, completed: { cluster: update.completed, stateFiles: update.files }, tasks: update.tasks };
  } finally {
    await store.base.removeTree();
  }
}

let storeCount = 0;

/**
 * A fresh in-memory state store of its own (runs may overlap) holding the case's objects (those of its cluster),
 * keysets and admin SSH key. Where it lives does not show in the output: the files go to `spec.configBase`.
 */
async function seededStore(cluster: Cluster, objects: ReadonlyArray<KopsObject | AdditionalObject>, keystoreDir: string, placeholderKeysets = false): Promise<ClusterStore> {
  const clusterName = cluster.metadata.name;
  const store = new ClusterStore(openVfs(`memfs://conformance-update-cluster/${++storeCount}`));
  await store.createCluster(cluster);
  for (const ig of objects.filter((o): o is InstanceGroup => o.kind === 'InstanceGroup')) {
    if (ig.metadata.labels?.[CLUSTER_LABEL] === clusterName) await store.createInstanceGroup(clusterName, ig);
  }
  await store.replaceAdditionalObjects(clusterName, objects.filter((o): o is AdditionalObject => !isKopsObject(o)));
  const opened = await openCluster(store, clusterName);
  const keysets = await goldenKeysets(keystoreDir);
  if (placeholderKeysets) keysets.push(...(await placeholdersFor(cluster, keysets)));
  for (const keyset of keysets) await opened.keystore.write(keyset);
  await opened.secrets.put(ENCRYPTION_CONFIG_SECRET, FIXTURE_ENCRYPTION_CONFIG, { replace: true });
  // kops refuses a Cilium cluster with IPsec on and no keys: the fixture world holds them for such a cluster.
  const cilium = cluster.spec.networking?.cilium;
  if (cilium?.enableEncryption === true && cilium.encryptionType !== 'wireguard') {
    await opened.secrets.put(CILIUM_SECRET, FIXTURE_CILIUM_IPSEC_KEYS, { replace: true });
  }
  const sshKeyFile = join(keystoreDir, 'id_rsa.pub');
  if (existsSync(sshKeyFile)) await opened.sshKeys.add('admin', readFileSync(sshKeyFile, 'utf8'), sshKeyFile);
  return store;
}

/** What the Go harness sets in the environment: nodeup's hashes, the feature flags, and its too-new-version switch. */
function harnessEnv(featureFlags: string[] = []): Record<string, string> {
  return {
    NODEUP_HASH_AMD64: HARNESS_NODEUP_SHA256.amd64,
    NODEUP_HASH_ARM64: HARNESS_NODEUP_SHA256.arm64,
    KOPS_FEATURE_FLAGS: featureFlags.join(','),
    KOPS_RUN_TOO_NEW_VERSION: '1',
  };
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
 * The keystore the Go harness seeds, as public material only (HARNESS.md §2.5: no private key reaches a golden), lifted
 * from the case's control-plane nodeupconfig: each CA keyset's certificates and primary id; the service-account keyset
 * has only its public keys there, so its items are certificates made for those keys with the seeded ids as serials. A
 * case without such a file (the network phase) starts from an empty keystore.
 */
async function goldenKeysets(dir: string): Promise<Keyset[]> {
  const keystore = goldenKeystore(readGoldenData(dir));
  const keysets: Keyset[] = [];
  for (const [name, primaryId] of Object.entries(keystore?.primaryIds ?? {})) {
    const certificates = pemBlocks(keystore?.certificates[name] ?? '', 'CERTIFICATE');
    if (certificates.length > 0) {
      keysets.push({ name, primaryId, items: certificates.map((certificatePem) => ({ id: certificateSerial(parseCertificate(certificatePem)).toString(), certificatePem })) });
    } else if (name === 'service-account') {
      const publicKeys = pemBlocks(keystore?.serviceAccountPublicKeys ?? '', 'RSA PUBLIC KEY');
      keysets.push({ name, primaryId, items: await Promise.all(publicKeys.map((pem, i) => certificateForPublicKey(pem, SERVICE_ACCOUNT_IDS[i]))) });
    }
  }
  return keysets;
}

/** The id placeholder keysets are seeded with. */
const PLACEHOLDER_KEYSET_ID = '1000000000000000000000000';

/** Keysets the cluster may need (a discovery service's CA included) that the golden keystore lacks. */
async function placeholdersFor(cluster: Cluster, seeded: Keyset[]): Promise<Keyset[]> {
  const names = clusterKeysetNames((cluster.spec.etcdClusters ?? []).flatMap((e) => (e.name ? [e.name] : [])), true).filter((name) => !seeded.some((k) => k.name === name));
  return Promise.all(names.map(async (name) => ({ name, primaryId: PLACEHOLDER_KEYSET_ID, items: [await certificateForPublicKey(undefined, PLACEHOLDER_KEYSET_ID, name)] })));
}

/** The seeded service-account keypair ids, in ascending order (HARNESS.md §2.5). */
const SERVICE_ACCOUNT_IDS = ['2', '4'];

let signer: Promise<webcrypto.CryptoKeyPair> | undefined;

/**
 * A certificate (serial `id`) whose subject key is the given SPKI public key (the throwaway signer's own when none),
 * signed by a throwaway key.
 */
async function certificateForPublicKey(publicKeyPem: string | undefined, id: string, commonName = 'service-account'): Promise<KeysetItem> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  signer ??= webcrypto.subtle.generateKey({ ...algorithm, modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['sign', 'verify']);
  const publicKey = publicKeyPem
    ? await webcrypto.subtle.importKey('spki', Buffer.from(publicKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'), algorithm, true, ['verify'])
    : (await signer).publicKey;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: BigInt(id).toString(16).padStart(2, '0'),
    subject: `CN=${commonName}`,
    issuer: 'CN=fixture',
    notBefore: new Date('2021-05-02T00:00:00Z'),
    notAfter: new Date('2031-05-02T00:00:00Z'),
    signingAlgorithm: algorithm,
    publicKey,
    signingKey: (await signer).privateKey,
  });
  return { id, certificatePem: certificate.toString('pem') + '\n' };
}

function pemBlocks(bundle: string, label: string): string[] {
  return bundle.match(new RegExp(`-----BEGIN ${label}-----[\\s\\S]*?-----END ${label}-----\\n?`, 'g')) ?? [];
}
