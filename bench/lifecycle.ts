/**
 * The cluster lifecycle against moto: our `update --yes` (first apply), its no-op re-run and `delete --yes`, next to
 * terraform apply / plan / destroy of the Go kops's golden kubernetes.tf for the same case, on the same moto_server
 * in the same run. Wall time and AWS requests (moto's recorder).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { kops, sharedDir, type RunResult } from '../test/helpers/cli.js';
import { recordCalls } from '../test/helpers/moto-recorder.js';
import { terraformOk, TF_PLUGIN_DIR } from '../test/helpers/terraform.js';
import { CHANNEL_AMI, startMotoForKops } from '../test/helpers/kops-on-moto.js';
import { createGoldenShaped } from '../test/helpers/golden-clusters.js';

export interface Measured {
  ms: number;
  calls: number;
}

export interface LifecycleResult {
  caseName: string;
  ourResources: number;
  ourTypes: number;
  goldenResources: number;
  ours: { apply: Measured; noOp: Measured; delete: Measured };
  terraform?: { apply: Measured; plan: Measured; destroy: Measured };
}

export { GOLDEN_CLUSTERS as GOLDEN_CASES } from '../test/helpers/golden-clusters.js';

const ADAPT_SCRIPT = join(sharedDir, 'bench/adapt-golden-tf.sh');

/** The golden cases with DNS point at the fixture zone `example.com` (Z1AFAKE1ZON3YO): make it in moto, use its id. */
async function provideFixtureZone(dir: string, endpoint: string): Promise<void> {
  const tf = join(dir, 'kubernetes.tf');
  const text = readFileSync(tf, 'utf8');
  if (!text.includes('Z1AFAKE1ZON3YO')) return;
  const route53 = new Route53Client({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const zone = await route53.send(new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: `bench-${Date.now()}` }));
  writeFileSync(tf, text.replaceAll('Z1AFAKE1ZON3YO', zone.HostedZone!.Id!.replace('/hostedzone/', '')));
}

async function measure(endpoint: string, work: () => Promise<unknown>): Promise<Measured> {
  let ms = 0;
  const calls = await recordCalls(endpoint, async () => {
    const started = performance.now();
    await work();
    ms = performance.now() - started;
  });
  return { ms, calls: calls.length };
}

/** The run of median wall time among `runs` runs of the same work (a no-op can be repeated; one run is noisy on a busy machine). */
async function medianOf(runs: number, measureOnce: () => Promise<Measured>): Promise<Measured> {
  const all: Measured[] = [];
  for (let i = 0; i < runs; i++) all.push(await measureOnce());
  return all.sort((a, b) => a.ms - b.ms)[Math.floor(all.length / 2)];
}

const mustSucceed = (r: RunResult) => {
  if (r.code !== 0) throw new Error(`kops exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
};

/** Our no-op re-run is timed this many times (BENCH_NOOP_RUNS, default 3) and the median run reported. */
const NO_OP_RUNS = Math.max(1, Number(process.env.BENCH_NOOP_RUNS ?? 3));

export async function benchLifecycle(caseName: string, withTerraform: boolean): Promise<LifecycleResult> {
  const golden = join(sharedDir, 'kops-reference/conformance/update_cluster', caseName);
  const dir = mkdtempSync(join(tmpdir(), `kops-bench-${caseName}-`));
  const { moto, env, sshPublicKey } = await startMotoForKops(dir);
  try {
    const goldenResources = [...readFileSync(join(golden, 'kubernetes.tf'), 'utf8').matchAll(/^resource "/gm)].length;
    let terraform: LifecycleResult['terraform'];
    if (withTerraform) {
      const copy = join(dir, 'golden');
      cpSync(golden, copy, { recursive: true });
      execFileSync('bash', [ADAPT_SCRIPT, copy, String(moto.port), CHANNEL_AMI], { stdio: 'ignore' });
      const s3 = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      await s3.send(new CreateBucketCommand({ Bucket: 'testingBucket' }));
      await provideFixtureZone(copy, moto.endpoint);
      await terraformOk(copy, ['init', `-plugin-dir=${TF_PLUGIN_DIR}`]);
      terraform = {
        apply: await measure(moto.endpoint, () => terraformOk(copy, ['apply', '-auto-approve'])),
        plan: await measure(moto.endpoint, () => terraformOk(copy, ['plan', '-detailed-exitcode'], [0, 2])),
        destroy: await measure(moto.endpoint, () => terraformOk(copy, ['destroy', '-auto-approve'])),
      };
    }

    const cluster = `${caseName}.k8s.local`;
    const run = (...args: string[]) => kops(args, { env });
    await createGoldenShaped(run, caseName, cluster, sshPublicKey);
    const rendered = join(dir, 'ours-tf');
    mustSucceed(await run('update', 'cluster', cluster, '--target', 'terraform', '--out', rendered));
    const declared = [...readFileSync(join(rendered, 'kubernetes.tf'), 'utf8').matchAll(/^resource "([^"]+)"/gm)].map((m) => m[1]);
    const update = ['update', 'cluster', cluster, '--yes', '--create-kube-config=false'];
    const ours = {
      apply: await measure(moto.endpoint, async () => mustSucceed(await run(...update))),
      noOp: await medianOf(NO_OP_RUNS, () => measure(moto.endpoint, async () => mustSucceed(await run(...update)))),
      delete: await measure(moto.endpoint, async () => mustSucceed(await run('delete', 'cluster', cluster, '--yes'))),
    };
    return { caseName, ourResources: declared.length, ourTypes: new Set(declared).size, goldenResources, ours, terraform };
  } finally {
    await moto.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
