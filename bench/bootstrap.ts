/**
 * Render time of the bootstrap builder (every nodeup config and user data, etcd manifests, add-ons) as the number of
 * instance groups grows: 1, 10 and 100 node groups next to one control-plane group, starting from the golden
 * update_cluster `minimal-aws` input completed by our populate. Not a test: prints medians and the growth exponent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { decodeDocuments } from '../src/apis/codec.js';
import { buildBootstrap, type BootstrapContext, type KeysetPublic, type KopsObject } from '../src/model/bootstrap/index.js';
import { offlinePopulateContext, pickHostedZone } from '../src/populate/completed/cloud-context.js';
import { populateClusterSpec } from '../src/populate/completed/index.js';
import { sharedDir } from '../test/helpers/cli.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const caseDir = join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws');

const objects = decodeDocuments(readFileSync(join(caseDir, 'in-v1alpha2.yaml'), 'utf8'), 'in-v1alpha2.yaml') as unknown as KopsObject[];
const cluster = objects.find((o) => o.kind === 'Cluster')!;
const controlPlane = objects.find((o) => o.kind === 'InstanceGroup' && o.spec.role !== 'Node')!;
const nodes = objects.find((o) => o.kind === 'InstanceGroup' && o.spec.role === 'Node')!;

/** The seeded keystore's public half, as the golden control-plane nodeupconfig carries it. */
function context(): BootstrapContext {
  const master = parse(readFileSync(join(caseDir, 'data/aws_s3_object_nodeupconfig-master-us-test-1a_content'), 'utf8'));
  const keysets: Record<string, KeysetPublic> = {};
  for (const [name, id] of Object.entries(master.KeypairIDs as Record<string, string>)) keysets[name] = { primaryId: id, certificatesPem: master.CAs?.[name] ?? '' };
  keysets['service-account'].publicKeysPem = master.APIServerConfig.ServiceAccountPublicKeys;
  const nodeup = { urls: 'https://artifacts.k8s.io/binaries/kops/1.34.0-beta.1/linux/amd64/nodeup', sha256: '0'.repeat(64) };
  return { kopsVersion: '1.34.0-beta.1', keysets, nodeup: { amd64: nodeup, arm64: nodeup }, aws: { accountId: '123456789012', partition: 'aws-test' } };
}

function groups(n: number): KopsObject[] {
  return [controlPlane, ...Array.from({ length: n }, (_, i) => ({ ...nodes, metadata: { ...nodes.metadata, name: `nodes-${i}` } }))];
}

const zones = [{ id: 'Z1AFAKE1ZON3YO', name: 'example.com', private: false }];
const ctx = context();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log(`bootstrap builder (nodeup configs + user data + add-ons), median of ${rounds} rounds`);
const rows: { n: number; ms: number; files: number }[] = [];
for (const n of [1, 10, 100]) {
  const igs = groups(n);
  const completed = populateClusterSpec(cluster as never, igs as never, { ...offlinePopulateContext(), findDnsZone: (name, type) => pickHostedZone(zones, name, type) })
    .cluster as unknown as KopsObject;
  const times: number[] = [];
  let files = 0;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    files = buildBootstrap(completed, igs, ctx).files.length;
    times.push(performance.now() - t);
  }
  rows.push({ n, ms: median(times), files });
  console.log(`  ${n} node group(s): ${median(times).toFixed(2)} ms (${files} state-store files)`);
}
const [first, last] = [rows[0], rows[rows.length - 1]];
const exponent = Math.log(last.ms / first.ms) / Math.log(last.n / first.n);
console.log(`  growth: x${(last.ms / first.ms).toFixed(1)} for x${last.n / first.n} groups (~ n^${exponent.toFixed(2)});`);
console.log(`  fixed part (add-ons, etcd, channels) ~${(first.ms - (last.ms - first.ms) / (last.n - first.n)).toFixed(0)} ms, each further group ~${((last.ms - first.ms) / (last.n - first.n)).toFixed(2)} ms (linear)`);
