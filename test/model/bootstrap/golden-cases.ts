import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sharedDir } from '../../helpers/cli.js';
import type { AdditionalObject, Cluster, InstanceGroup } from '../../../src/apis/types.js';
import type { BootstrapContext, KeysetPublic } from '../../../src/model/bootstrap/types.js';

export const updateClusterDir = join(sharedDir, 'kops-reference/conformance/update_cluster');

/** The harness pins these (HARNESS.md §2.7): the Go test downloads them; we never do in tests. */
const KOPS_VERSION = '1.34.0-beta.1';
const NODEUP_SHA256 = {
  amd64: 'c86e072f622b91546b7b3f3cb1a0f8a131e48b966ad018a0ac1520ceedf37725',
  arm64: '64a9a9510538a449e85d05e13e3cd98b80377d68a673447c26821d40f00f0075',
};
/** Feature flags the Go test enables per case (HARNESS.md §2.4). */
const CASE_FEATURE_FLAGS: Record<string, string[]> = { apiservernodes: ['APIServerNodes'] };
/** Instance types the fixture cloud describes with a GPU. */
const GPU_TYPES = new Set(['g4dn.xlarge', 'g4ad.16xlarge']);

export interface GoldenCase {
  name: string;
  dataDir: string;
  cluster: Cluster;
  instanceGroups: InstanceGroup[];
  additionalObjects: AdditionalObject[];
  ctx: BootstrapContext;
}

export function loadCase(name: string): GoldenCase {
  const dir = join(updateClusterDir, name);
  const dataDir = join(dir, 'data');
  const cluster = parse(readFileSync(join(dataDir, 'aws_s3_object_cluster-completed.spec_content'), 'utf8')) as Cluster;
  const docs = readFileSync(join(dir, 'in-v1alpha2.yaml'), 'utf8')
    .replaceAll('\r\n', '\n')
    .split('\n---\n')
    .map((d) => parse(d) as Cluster | InstanceGroup | AdditionalObject | null)
    .filter((d) => d !== null);
  const instanceGroups = docs.filter((d): d is InstanceGroup => d.kind === 'InstanceGroup');
  const additionalObjects = docs.filter((d): d is AdditionalObject => !String(d.apiVersion ?? '').startsWith('kops'));
  return { name, dataDir, cluster, instanceGroups, additionalObjects, ctx: { ...contextFromGoldens(dataDir), featureFlags: CASE_FEATURE_FLAGS[name] ?? [] } };
}

/**
 * The seeded keystore's public material, lifted from the case's control-plane nodeupconfig (the certificates are
 * the Go test's fixed CAs; see HARNESS.md §2.5).
 */
function contextFromGoldens(dataDir: string): BootstrapContext {
  const keysets: Record<string, KeysetPublic> = {};
  const masterFile = readdirSync(dataDir).find((f) => /^aws_s3_object_nodeupconfig-.*master.*_content$|^aws_s3_object_nodeupconfig-control-plane.*_content$/.test(f));
  if (masterFile) {
    const config = parse(readFileSync(join(dataDir, masterFile), 'utf8')) as {
      CAs: Record<string, string>;
      KeypairIDs: Record<string, string>;
      APIServerConfig?: { ServiceAccountPublicKeys?: string };
    };
    for (const [name, id] of Object.entries(config.KeypairIDs)) {
      keysets[name] = { primaryId: id, certificatesPem: config.CAs[name] ?? '' };
    }
    keysets['service-account'].publicKeysPem = config.APIServerConfig?.ServiceAccountPublicKeys;
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
    env: { KOPS_RUN_TOO_NEW_VERSION: '1' },
    aws: { accountId: '123456789012', partition: 'aws-test' },
  };
}
