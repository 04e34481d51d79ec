/**
 * Time of `kops create cluster --dry-run -o yaml` as zones and instance groups grow. Not a test: prints figures.
 *  1. In process (inference + encoding, look-ups answered by the fixture world): 1, 3, 6 zones; ~1, 10, 100 IGs
 *     (control-plane groups in one zone, plus its node group).
 *  2. The built CLI end to end against a moto_server (SDK look-ups over loopback), 1, 3, 6 zones; skipped when
 *     moto_server or dist/kops.js is missing, or with BENCH_MOTO=0.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { encodeObjects } from '../src/apis/codec.js';
import { embeddedChannel } from '../src/populate/channel.js';
import { createClusterSpec, defaultCreateClusterOptions, type CreateClusterOptions } from '../src/populate/create/index.js';
import { fixtureAwsWorld } from '../test/conformance/fixtures/aws-world.js';
import { kopsBin } from '../test/helpers/cli.js';
import { startMoto } from '../test/helpers/moto.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const zones = ['a', 'b', 'c', 'd', 'e', 'f'].map((l) => `us-test-1${l}`);
const lookup = { ...fixtureAwsWorld({ forCreateCluster: true }), zones: async () => zones };
const channel = embeddedChannel('stable')!;

interface Timing {
  /** Medians in ms: inference alone, and inference + encoding of the printed YAML. */
  infer: number;
  total: number;
  groups: number;
}

async function inProcess(overrides: Partial<CreateClusterOptions>): Promise<Timing> {
  const infer: number[] = [];
  const total: number[] = [];
  let groups = 0;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const spec = await createClusterSpec(
      { ...defaultCreateClusterOptions(), clusterName: 'bench.example.com', cloudProvider: 'aws', kubernetesVersion: 'v1.32.0', ...overrides },
      { lookup, channel, stateStore: 'memfs://bench', kopsVersion: '1.37.0' },
    );
    infer.push(performance.now() - t);
    encodeObjects([spec.cluster, ...spec.instanceGroups]);
    total.push(performance.now() - t);
    groups = spec.instanceGroups.length;
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { infer: median(infer), total: median(total), groups };
}

function growth(label: string, rows: { x: number; ms: number }[]): void {
  const [first, last] = [rows[0], rows[rows.length - 1]];
  const factor = last.ms / first.ms;
  const exponent = Math.log(factor) / Math.log(last.x / first.x);
  console.log(`  growth over ${label}: x${factor.toFixed(1)} for x${(last.x / first.x).toFixed(0)} input (~ n^${exponent.toFixed(2)})`);
}

// Warm up the JIT so the first row is not charged for it.
for (let i = 0; i < 5; i++) await inProcess({ zones: zones.slice(0, 3), controlPlaneCount: 9 });
console.log(`create cluster --dry-run, in process (median of ${rounds} rounds): inference / inference + YAML encoding`);
const row = (label: string, r: Timing) => console.log(`  ${label}: ${r.infer.toFixed(2)} ms / ${r.total.toFixed(2)} ms`);
const byZones: { x: number; ms: number }[] = [];
for (const n of [1, 3, 6]) {
  const r = await inProcess({ zones: zones.slice(0, n) });
  byZones.push({ x: n, ms: r.infer });
  row(`${n} zone(s), ${r.groups} IGs`, r);
}
growth('zones (inference)', byZones);
const byGroups: { x: number; ms: number }[] = [];
for (const controlPlanes of [1, 9, 99]) {
  const r = await inProcess({ zones: ['us-test-1a'], controlPlaneCount: controlPlanes });
  byGroups.push({ x: r.groups, ms: r.infer });
  row(`${r.groups} IGs (1 zone)`, r);
}
growth('instance groups (inference)', byGroups);

const motoAvailable = (() => {
  try {
    execFileSync('bash', ['-lc', 'command -v moto_server'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (process.env.BENCH_MOTO !== '0' && motoAvailable && existsSync(kopsBin)) {
  const moto = await startMoto();
  try {
    console.log('create cluster --dry-run -o yaml, built CLI against moto_server (one run each, includes node start-up and SDK load)');
    const cli = (args: string[]) =>
      new Promise<number>((resolve, reject) => {
        const t = performance.now();
        const child = spawn(process.execPath, [kopsBin, ...args], { env: { ...process.env, ...moto.env }, stdio: 'ignore' });
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`kops exited ${code}`))));
      });
    // Warm up: node's module cache and moto's lazily loaded EC2 data.
    await cli(['create', 'cluster', '--name', 'warm.k8s.local', '--zones', 'us-east-1a', '--state', 'memfs://bench', '--dry-run', '-o', 'yaml']);
    for (const n of [1, 3, 6]) {
      const z = ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, n).map((l) => `us-east-1${l}`);
      const ms = await cli(['create', 'cluster', '--name', 'bench.k8s.local', '--zones', z.join(','), '--state', 'memfs://bench', '--dry-run', '-o', 'yaml']);
      console.log(`  ${n} zone(s): ${ms.toFixed(0)} ms`);
    }
  } finally {
    await moto.stop();
  }
} else {
  console.log('(CLI against moto skipped: needs moto_server and dist/kops.js, and BENCH_MOTO not 0)');
}
