/**
 * Inputs for the AWS model taken from a golden update_cluster case: the golden completed spec, the instance
 * groups of in-v1alpha2.yaml, and (standing in for the bootstrap builder) the golden user data and state-store
 * files. Also the Go test's fixture world (region us-test-1, account 123456789012, partition aws-test, ...).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { AwsModelContext, BootstrapFile } from '../../src/model/context.js';
import { CASE_SETTINGS, fixtureContext, fixtureDnsZone } from '../conformance/suites/update_cluster.js';
import type { Cluster, InstanceGroup } from '../../src/apis/types.js';
import { sharedDir } from '../helpers/cli.js';

export const updateClusterDir = join(sharedDir, 'kops-reference/conformance/update_cluster');

export interface GoldenInputs {
  cluster: Cluster;
  instanceGroups: InstanceGroup[];
  ctx: AwsModelContext;
  expectedTf: string;
  expectedData: Map<string, string>;
}

export function loadGoldenInputs(caseName: string): GoldenInputs {
  const dir = join(updateClusterDir, caseName);
  const dataDir = join(dir, 'data');
  const expectedData = new Map<string, string>();
  if (existsSync(dataDir)) for (const f of readdirSync(dataDir)) expectedData.set(f, readFileSync(join(dataDir, f), 'utf8'));
  const cluster = parse(expectedData.get('aws_s3_object_cluster-completed.spec_content')!) as Cluster;
  const docs = readFileSync(join(dir, 'in-v1alpha2.yaml'), 'utf8').replace(/\r\n/g, '\n').split('\n---\n');
  const instanceGroups = docs
    .map((d) => parse(d) as { kind?: string } | null)
    .filter((d): d is InstanceGroup & { kind: string } => d?.kind === 'InstanceGroup');
  const expectedTf = readFileSync(join(dir, 'kubernetes.tf'), 'utf8');

  const userData = new Map<string, string>();
  for (const ig of instanceGroups) {
    const group = { Master: '.masters', ControlPlane: '.masters', APIServer: '.apiservers' }[ig.spec.role as string] ?? '';
    const asgName = `${ig.metadata.name}${group}.${cluster.metadata.name}`;
    const content = expectedData.get(`aws_launch_template_${asgName}_user_data`);
    if (content !== undefined) userData.set(ig.metadata.name, content);
  }
  const ctx: AwsModelContext = {
    ...fixtureContext(),
    sshPublicKey: readFileSync(join(dir, 'id_rsa.pub'), 'utf8').trim(),
    dnsZone: fixtureDnsZone(cluster.spec.dnsZone),
    files: stateStoreFiles(expectedTf, expectedData).filter((f) => f.tfName !== 'discovery.json' && f.tfName !== 'keys.json'),
    serviceAccountPublicKeysPem: serviceAccountPublicKeys(expectedData),
    userData,
    featureFlags: CASE_SETTINGS[caseName]?.featureFlags,
  };
  return { cluster, instanceGroups, ctx, expectedTf, expectedData };
}

/** The seeded service-account public keys, as the control-plane nodeupconfig carries them (HARNESS.md §2.5). */
function serviceAccountPublicKeys(data: Map<string, string>): string | undefined {
  const name = [...data.keys()].find((f) => /^aws_s3_object_nodeupconfig-.*(master|control-plane).*_content$/.test(f));
  const config = name ? (parse(data.get(name)!) as { APIServerConfig?: { ServiceAccountPublicKeys?: string } }) : undefined;
  return config?.APIServerConfig?.ServiceAccountPublicKeys;
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
