/**
 * Time and memory of the terraform target in process, as the conformance runner drives it (populate the completed
 * spec, bootstrap files, AWS model, render kubernetes.tf + data/): the golden minimal-aws case, then the same cluster
 * with 100 node instance groups (how render time grows), and the process's peak RSS. Not a test: prints figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { decodeDocuments, encodeObject } from '../src/apis/codec.js';
import { buildBootstrap, type BootstrapContext, type KeysetPublic, type KopsObject } from '../src/model/bootstrap/index.js';
import { buildAwsModel } from '../src/model/aws.js';
import type { ModelCluster, ModelInstanceGroup } from '../src/model/types.js';
import { pickHostedZone } from '../src/populate/completed/cloud-context.js';
import { populateClusterSpec } from '../src/populate/completed/index.js';
import { formatHcl } from '../src/targets/terraform/format.js';
import { renderTerraform } from '../src/targets/terraform/render.js';
import { FIXTURE_ZONES, fixtureContext, fixtureDnsZone } from '../test/conformance/suites/update_cluster.js';
import { sharedDir } from '../test/helpers/cli.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const CASE = join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws');
const SYNTHETIC_NODE_GROUPS = 100;

const objects = decodeDocuments(readFileSync(join(CASE, 'in-v1alpha2.yaml'), 'utf8'), 'in-v1alpha2.yaml') as unknown as KopsObject[];
const cluster = objects.find((o) => o.kind === 'Cluster')!;
const groups = objects.filter((o) => o.kind === 'InstanceGroup');
const sshPublicKey = readFileSync(join(CASE, 'id_rsa.pub'), 'utf8').trim();

/** The golden case's keystore, lifted from its control-plane nodeupconfig (public material only), as the runner does. */
function bootstrapContext(): BootstrapContext {
  const config = parse(readFileSync(join(CASE, 'data/aws_s3_object_nodeupconfig-master-us-test-1a_content'), 'utf8')) as {
    CAs: Record<string, string>;
    KeypairIDs: Record<string, string>;
    APIServerConfig?: { ServiceAccountPublicKeys?: string };
  };
  const keysets: Record<string, KeysetPublic> = {};
  for (const [name, id] of Object.entries(config.KeypairIDs)) keysets[name] = { primaryId: id, certificatesPem: config.CAs[name] ?? '' };
  keysets['service-account'].publicKeysPem = config.APIServerConfig?.ServiceAccountPublicKeys;
  const nodeup = (arch: string) => ({ urls: `https://artifacts.k8s.io/binaries/kops/1.34.0-beta.1/linux/${arch}/nodeup`, sha256: 'c'.repeat(64) });
  return { kopsVersion: '1.34.0-beta.1', keysets, nodeup: { amd64: nodeup('amd64'), arm64: nodeup('arm64') }, env: { KOPS_RUN_TOO_NEW_VERSION: '1' } };
}
const bootstrapCtx = bootstrapContext();

/** The case's groups plus `extra` copies of its node group, named nodes-001, nodes-002, ... */
function withNodeGroups(extra: number): KopsObject[] {
  const nodes = groups.find((g) => g.metadata.name === 'nodes')!;
  const copies = Array.from({ length: extra }, (_, i) => ({
    ...structuredClone(nodes),
    metadata: { ...structuredClone(nodes.metadata), name: `nodes-${String(i + 1).padStart(3, '0')}` },
  }));
  return [...groups, ...copies];
}

interface StageTimes {
  populate: number;
  bootstrap: number;
  model: number;
  render: number;
  /** Of render: formatting kubernetes.tf again on its own (the HCL formatter's share). */
  format: number;
  total: number;
  resources: number;
  bytes: number;
}

async function pipeline(instanceGroups: KopsObject[]): Promise<StageTimes> {
  const t0 = performance.now();
  const completed = populateClusterSpec(cluster as never, instanceGroups as never, {
    findDnsZone: (name, type) => pickHostedZone(FIXTURE_ZONES, name, type),
    findSubnetZone: () => undefined,
    findBucketRegion: () => undefined,
  }).cluster as unknown as KopsObject;
  const t1 = performance.now();
  const bootstrap = buildBootstrap(completed, instanceGroups, bootstrapCtx);
  const files = [...bootstrap.files, { tfName: 'cluster-completed.spec', path: 'cluster-completed.spec', content: encodeObject(completed as never) }];
  const t2 = performance.now();
  const tasks = buildAwsModel(completed as unknown as ModelCluster, instanceGroups as unknown as ModelInstanceGroup[], {
    ...fixtureContext(),
    sshPublicKey,
    dnsZone: fixtureDnsZone(completed.spec.dnsZone as string | undefined),
    files,
    userData: bootstrap.userData,
    serviceAccountPublicKeysPem: bootstrapCtx.keysets['service-account']?.publicKeysPem,
  });
  const t3 = performance.now();
  const out = await renderTerraform(tasks, { clusterName: cluster.metadata.name, region: fixtureContext().region });
  const t4 = performance.now();
  const tf = out.files.get('kubernetes.tf') ?? '';
  await formatHcl(tf);
  const format = performance.now() - t4;
  const bytes = [...out.files.values()].reduce((n, f) => n + Buffer.byteLength(f), 0);
  return { populate: t1 - t0, bootstrap: t2 - t1, model: t3 - t2, render: t4 - t3, format, total: t4 - t0, resources: [...tf.matchAll(/^resource "/gm)].length, bytes };
}

async function medianOf(instanceGroups: KopsObject[]): Promise<StageTimes> {
  const runs: StageTimes[] = [];
  for (let i = 0; i < rounds; i++) runs.push(await pipeline(instanceGroups));
  const median = (pick: (s: StageTimes) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return {
    populate: median((s) => s.populate),
    bootstrap: median((s) => s.bootstrap),
    model: median((s) => s.model),
    render: median((s) => s.render),
    format: median((s) => s.format),
    total: median((s) => s.total),
    resources: runs[0].resources,
    bytes: runs[0].bytes,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const row = (label: string, s: StageTimes) =>
  console.log(
    `  ${label.padEnd(26)} populate ${s.populate.toFixed(1)} ms, bootstrap ${s.bootstrap.toFixed(1)} ms, model ${s.model.toFixed(1)} ms, ` +
      `render ${s.render.toFixed(1)} ms (formatting ~${s.format.toFixed(1)} ms), total ${s.total.toFixed(1)} ms  (${s.resources} resources, ${(s.bytes / 1024).toFixed(0)} KiB written)`,
  );

// Warm up the JIT (and the formatter's WebAssembly) so the first row is not charged for it.
for (let i = 0; i < 3; i++) await pipeline(groups);
console.log(`terraform target in process (median of ${rounds} rounds)`);
const small = await medianOf(groups);
row(`minimal-aws (${groups.length} IGs)`, small);
const rssSmall = process.resourceUsage().maxRSS * 1024;
const bigGroups = withNodeGroups(SYNTHETIC_NODE_GROUPS - 1);
const big = await medianOf(bigGroups);
row(`synthetic (${bigGroups.length} IGs)`, big);
const factor = big.total / small.total;
const exponent = Math.log(factor) / Math.log(bigGroups.length / groups.length);
const renderFactor = big.render / small.render;
console.log(
  `  growth ${groups.length} -> ${bigGroups.length} IGs: total x${factor.toFixed(1)} (~ n^${exponent.toFixed(2)}), render alone x${renderFactor.toFixed(1)}, ` +
    `resources x${(big.resources / small.resources).toFixed(1)}`,
);
const mem = process.memoryUsage();
console.log(`memory: peak RSS ${mb(rssSmall)} after minimal-aws, ${mb(process.resourceUsage().maxRSS * 1024)} after the ${bigGroups.length}-IG case; heap used now ${mb(mem.heapUsed)}`);
