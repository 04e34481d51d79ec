/**
 * The Go nodeup golden tests (HARNESS.md §4): cluster.yaml -> our populate -> our bootstrap builder's nodeupconfig step
 * -> the named nodeup builder's tasks, serialized as Go's ValidateTasks does, compared with tasks-<key>.yaml.
 * Task files no Go test reads are reported as skipped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { decodeDocuments } from '../../../src/apis/codec.js';
import { nodeAssetUrls } from '../../../src/assets/index.js';
import type { BootstrapContext, KeysetPublic } from '../../../src/model/bootstrap/index.js';
import { isCluster, isInstanceGroup, type Cluster, type InstanceGroup } from '../../../src/apis/types.js';
import { buildNodeupConfig, renderNodeupConfig } from '../../../src/model/bootstrap/nodeupconfig.js';
import { offlinePopulateContext, pickHostedZone } from '../../../src/populate/completed/cloud-context.js';
import { populateClusterSpec } from '../../../src/populate/completed/index.js';
import { BUILDERS } from '../../../src/nodeup/build.js';
import type { BuildContext, Distribution, HostFacts } from '../../../src/nodeup/builders/context.js';
import { parseNodeupConfig, roleOf } from '../../../src/nodeup/config.js';
import { serializeTasks } from '../../../src/nodeup/tasks.js';
import { FIXTURE_HOSTED_ZONES } from '../fixtures/aws-world.js';
import { firstDifference, goldenEqual, type CaseResult, type Suite } from '../suite.js';

interface GoldenRun {
  builder: string;
  host: HostFacts;
  /** Test assets the Go test registers (key -> path). */
  assets?: Record<string, string>;
  /** The Go channels test writes a stub kops-channels manifest where the config's channels manifest points. */
  channelsStub?: boolean;
}

const UBUNTU: HostFacts = { distribution: 'ubuntu', architecture: 'amd64' };
const GOLDEN_KEYS = ['kube-apiserver', 'kube-controller-manager', 'kube-proxy', 'kube-scheduler', 'kops-controller', 'secret', 'kubectl'];
const CONTAINERD_TEST_ASSETS: Record<string, string> = {
  ...Object.fromEntries(['containerd', 'containerd-shim', 'containerd-shim-runc-v1', 'containerd-shim-runc-v2', 'containerd-stress', 'ctr'].map((n) => [n, `bin/${n}`])),
  'runc.amd64': 'https://github.com/opencontainers/runc/releases/download/v1.1.0/runc.amd64',
};
const CHANNELS_STUB = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kops-channels\n  namespace: kube-system\n';

/** Which Go test reads a task file, and how it sets up the builder; undefined for files no test reads. */
function goldenRun(rel: string): GoldenRun | undefined {
  const dir = dirname(rel);
  const file = basename(rel, '.yaml');
  const key = file.replace(/^tasks-?/, '');
  if (dir === 'golden/minimal' && GOLDEN_KEYS.includes(key)) {
    if (key === 'kubectl') return { builder: key, host: { ...UBUNTU, distribution: 'flatcar' }, assets: { kubectl: '/path/to/kubectl/asset' } };
    return { builder: key, host: UBUNTU };
  }
  if (/^golden\/(audit|oidc|awsiam|dedicated-apiserver|without-etcd-events|envvars)$/.test(dir)) return key === 'kube-apiserver' ? { builder: key, host: UBUNTU } : undefined;
  if (dir === 'golden/side-loading') {
    const m = /^(.*)-(amd64|arm64)$/.exec(key);
    return m ? { builder: m[1], host: { ...UBUNTU, architecture: m[2] as 'amd64' | 'arm64' } } : undefined;
  }
  if (dir === 'golden/hooks-containerd-exec' && key === 'hooks') return { builder: 'hooks', host: UBUNTU };
  if (dir.startsWith('updateservicebuilder/') && key === 'updateservice') return { builder: 'updateservice', host: UBUNTU };
  if (dir === 'channels' && key === 'channels') {
    return { builder: 'channels', host: UBUNTU, channelsStub: true };
  }
  if (dir.startsWith('kubelet/') && file === 'tasks') {
    return { builder: 'kubelet', host: { distribution: 'unknown', architecture: 'amd64', warming: dir === 'kubelet/warmpool' } };
  }
  if (dir.startsWith('containerdbuilder/') && file === 'tasks') {
    const distribution: Distribution = dir.endsWith('/flatcar') ? 'flatcar' : 'ubuntu';
    return { builder: 'containerd', host: { distribution, architecture: 'amd64' }, assets: CONTAINERD_TEST_ASSETS };
  }
  return undefined;
}

function taskFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /^tasks.*\.yaml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The Go harness's fixed keystore material that nodeup prints (HARNESS.md §4.2, §4.4): the dummy CA certificate and
 * key, and the service-account keys. The goldens print them verbatim, so they are recovered from whichever task
 * files hold them (found by the host path they are written to, not by case).
 */
interface HarnessKeystore {
  /** The kubernetes-ca bundle of the config: the dummy certificate, then the service-account "next" certificate. */
  caBundle?: string;
  dummyCertificate?: string;
  dummyKey?: string;
  serviceAccountKey?: string;
  serviceAccountPublicKeys?: string;
}

function harnessKeystore(files: string[]): HarnessKeystore {
  const found: HarnessKeystore = {};
  const wanted: Record<string, keyof HarnessKeystore> = {
    '/srv/kubernetes/ca.crt': 'caBundle',
    '/etc/kubernetes/kops-controller/kubernetes-ca.crt': 'dummyCertificate',
    '/etc/kubernetes/kops-controller/kubernetes-ca.key': 'dummyKey',
    '/srv/kubernetes/kube-apiserver/service-account.key': 'serviceAccountKey',
    '/srv/kubernetes/kube-apiserver/service-account.pub': 'serviceAccountPublicKeys',
  };
  for (const file of files) {
    for (const doc of readFileSync(file, 'utf8').split('\n---\n')) {
      const task = parse(doc) as { path?: string; contents?: unknown } | null;
      const field = task?.path ? wanted[task.path] : undefined;
      if (field && typeof task?.contents === 'string' && task.contents && !found[field]) found[field] = task.contents;
    }
  }
  return found;
}

export const nodeupSuite: Suite = {
  name: 'nodeup',
  async run(suiteDir) {
    const cases: CaseResult[] = [];
    const keystore = harnessKeystore(taskFiles(suiteDir));
    for (const file of taskFiles(suiteDir)) {
      const rel = relative(suiteDir, file);
      const id = `nodeup/${rel}`;
      const run = goldenRun(rel);
      if (!run) {
        cases.push({ id, outcome: 'skipped', reason: 'no Go test reads this file (stale)' });
        continue;
      }
      cases.push(runCase(id, file, run, keystore));
    }
    return { cases };
  },
};

function runCase(id: string, file: string, run: GoldenRun, keystore: HarnessKeystore): CaseResult {
  const build = BUILDERS[run.builder];
  if (!build) return { id, outcome: 'differ', reason: `no ${run.builder} builder in nodeup yet` };
  let actual: string;
  try {
    actual = serializeTasks(build(buildContext(dirname(file), run, keystore)));
  } catch (err) {
    return { id, outcome: 'differ', reason: `error: ${(err as Error).message.split('\n')[0]}` };
  }
  const expected = readFileSync(file, 'utf8');
  return goldenEqual(actual, expected) ? { id, outcome: 'match' } : { id, outcome: 'differ', reason: firstDifference(actual, expected) };
}

/** The Go harness's model setup (§4.1): populate against the fixture cloud, then the node's config from our builder. */
function buildContext(dir: string, run: GoldenRun, keystore: HarnessKeystore): BuildContext {
  const objects = decodeDocuments(readFileSync(join(dir, 'cluster.yaml'), 'utf8'), 'cluster.yaml', { allowOtherKinds: true });
  const cluster = objects.find(isCluster);
  if (!cluster) throw new Error('no Cluster in cluster.yaml');
  const ig = objects.find(isInstanceGroup) ?? instanceGroup('nodes', 'Node');
  const completed = populateClusterSpec(cluster, [ig, ...etcdMemberGroups(cluster, ig)], {
    ...offlinePopulateContext(),
    findDnsZone: (name, type) => pickHostedZone(FIXTURE_HOSTED_ZONES, name, type),
  }).cluster;
  // The Go tests build no file assets, where our nodeupconfig step does: a containerd version given without runc
  // settings (which kops refuses to install) gets a stand-in runc, which no builder under test reads.
  const containerd = completed.spec.containerd;
  if (containerd && !containerd.runc) containerd.runc = { version: '1.4.3' };
  // The bootstrap builder's nodeupconfig step alone: add-ons and etcd manifests play no part in these tests.
  const config = parseNodeupConfig(renderNodeupConfig(buildNodeupConfig(completed, ig, harnessBootstrapContext(completed))), `${ig.metadata.name}/nodeupconfig.yaml`);
  // The harness then overrides the keystore-derived parts of the config (§4.1).
  config.CAs = { 'kubernetes-ca': keystore.caBundle ?? keystore.dummyCertificate ?? '' };
  config.KeypairIDs = { 'kubernetes-ca': '3', 'service-account': '2' };
  if (config.APIServerConfig) config.APIServerConfig.ServiceAccountPublicKeys = keystore.serviceAccountPublicKeys ?? '';
  config.KubeletConfig.podManifestPath = '/etc/kubernetes/manifests';
  const keypairs = new Map<string, { certificate: string; privateKey: string }>();
  if (keystore.dummyCertificate && keystore.dummyKey) keypairs.set('kubernetes-ca', { certificate: keystore.dummyCertificate, privateKey: keystore.dummyKey });
  if (keystore.serviceAccountKey) keypairs.set('service-account', { certificate: '', privateKey: keystore.serviceAccountKey });
  return {
    config,
    role: roleOf(config),
    host: run.host,
    assets: run.assets ?? {},
    remote: new Map(run.channelsStub && config.channelsManifest ? [[config.channelsManifest, CHANNELS_STUB]] : []),
    keypairs,
    configBase: String(completed.spec.configBase),
  };
}

/** The Go test populates with its one instance group; stand-ins for the control-plane groups etcd members name. */
function etcdMemberGroups(cluster: Cluster, ig: InstanceGroup): InstanceGroup[] {
  const names = new Set<string>();
  for (const etcd of cluster.spec.etcdClusters ?? []) for (const m of etcd.etcdMembers ?? []) if (m.instanceGroup !== ig.metadata.name) names.add(m.instanceGroup);
  return [...names].map((name) => instanceGroup(name, 'Master', ['us-test-1a']));
}

function instanceGroup(name: string, role: 'Master' | 'Node', subnets?: string[]): InstanceGroup {
  return { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'InstanceGroup', metadata: { name }, spec: { role, ...(subnets ? { subnets } : {}) } };
}

/** The Go fake keystore (§4.2): every CA primary id "3", service-account id "2"; assets get placeholder hashes. */
function harnessBootstrapContext(completed: Cluster): BootstrapContext {
  const keyset = (name: string): KeysetPublic =>
    name === 'service-account' ? { primaryId: '2', certificatesPem: '', publicKeysPem: '' } : { primaryId: '3', certificatesPem: '' };
  const keysets = new Proxy({} as Record<string, KeysetPublic>, { get: (_target, name) => keyset(String(name)) });
  const spec = completed.spec;
  const urls = (['amd64', 'arm64'] as const).flatMap((arch) =>
    nodeAssetUrls({ kubernetesVersion: String(spec.kubernetesVersion), cloudProvider: spec.cloudProvider, installCNIAssets: true, containerd: spec.containerd, fileRepository: spec.assets?.fileRepository }, arch),
  );
  const location = { urls: 'https://example.com/nodeup', sha256: '0'.repeat(64) };
  return {
    kopsVersion: '1.18.0',
    keysets,
    nodeup: { amd64: location, arm64: location },
    assetHashes: Object.fromEntries(urls.map((u) => [u, '0'.repeat(64)])),
  };
}
