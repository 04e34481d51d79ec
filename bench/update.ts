/**
 * `kops update cluster --yes` (first apply, then a no-op re-run) and `kops delete cluster --yes` against moto, each
 * as a ratio to what Terraform takes for the Go kops's golden minimal-aws kubernetes.tf (apply / plan / destroy) on
 * the same moto_server in the same run: wall time and AWS API requests (moto's recorder). Not a test: prints figures.
 * Needs moto_server, terraform with the provider mirror, and dist/kops.js (npm run build).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { kops, kopsBin, sharedDir, type RunResult } from '../test/helpers/cli.js';
import { recordCalls } from '../test/helpers/moto-recorder.js';
import { terraformAvailable, terraformOk, TF_PLUGIN_DIR } from '../test/helpers/terraform.js';
import { CHANNEL_AMI, startMotoForKops } from '../test/helpers/kops-on-moto.js';

const GOLDEN_CASE = join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws');
const ADAPT_SCRIPT = join(sharedDir, 'bench/adapt-golden-tf.sh');
const CLUSTER = 'bench.k8s.local';

interface Measured {
  ms: number;
  calls: number;
  mutating: number;
}

for (const [what, ok] of [
  ['dist/kops.js (npm run build)', existsSync(kopsBin)],
  ['terraform and /opt/tf-plugins', terraformAvailable() && existsSync(TF_PLUGIN_DIR)],
  [`the golden case ${GOLDEN_CASE}`, existsSync(GOLDEN_CASE) && existsSync(ADAPT_SCRIPT)],
] as const) {
  if (!ok) {
    console.error(`bench/update: needs ${what}`);
    process.exit(1);
  }
}

async function measure(endpoint: string, work: () => Promise<unknown>): Promise<Measured> {
  let ms = 0;
  const calls = await recordCalls(endpoint, async () => {
    const started = performance.now();
    await work();
    ms = performance.now() - started;
  });
  return { ms, calls: calls.length, mutating: calls.filter((c) => c.mutating).length };
}

const mustSucceed = (r: RunResult) => {
  if (r.code !== 0) throw new Error(`kops exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
};

const dir = mkdtempSync(join(tmpdir(), 'kops-bench-update-'));
const { moto, env, sshPublicKey } = await startMotoForKops(dir);
try {
  // Reference: the golden minimal-aws module, adapted for moto, through Terraform.
  const golden = join(dir, 'golden');
  cpSync(GOLDEN_CASE, golden, { recursive: true });
  execFileSync('bash', [ADAPT_SCRIPT, golden, String(moto.port), CHANNEL_AMI], { stdio: 'ignore' });
  const s3 = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await s3.send(new CreateBucketCommand({ Bucket: 'testingBucket' }));
  await terraformOk(golden, ['init', `-plugin-dir=${TF_PLUGIN_DIR}`]);
  const goldenResources = [...readFileSync(join(golden, 'kubernetes.tf'), 'utf8').matchAll(/^resource "/gm)].length;
  console.log(`reference: terraform on golden minimal-aws (${goldenResources} resources) ...`);
  const tfApply = await measure(moto.endpoint, () => terraformOk(golden, ['apply', '-auto-approve']));
  const tfPlan = await measure(moto.endpoint, () => terraformOk(golden, ['plan', '-detailed-exitcode'], [0, 2]));
  const tfDestroy = await measure(moto.endpoint, () => terraformOk(golden, ['destroy', '-auto-approve']));

  // Ours: a minimal cluster through the built CLI.
  const run = (...args: string[]) => kops(args, { env });
  mustSucceed(await run('create', 'cluster', '--name', CLUSTER, '--zones', 'us-east-1a', '--ssh-public-key', sshPublicKey));
  const rendered = join(dir, 'ours-tf');
  mustSucceed(await run('update', 'cluster', CLUSTER, '--target', 'terraform', '--out', rendered));
  const declared = [...readFileSync(join(rendered, 'kubernetes.tf'), 'utf8').matchAll(/^resource "([^"]+)"/gm)].map((m) => m[1]);
  const declaredTypes = new Set(declared).size;
  console.log(`ours: kops on ${CLUSTER} (${declared.length} resources, ${declaredTypes} types) ...`);
  const firstApply = await measure(moto.endpoint, async () => mustSucceed(await run('update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false')));
  const noOp = await measure(moto.endpoint, async () => mustSucceed(await run('update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false')));
  const deleted = await measure(moto.endpoint, async () => mustSucceed(await run('delete', 'cluster', CLUSTER, '--yes')));

  const rows: [string, Measured, string, Measured][] = [
    ['update --yes (first)', firstApply, 'terraform apply', tfApply],
    ['update --yes (no-op)', noOp, 'terraform plan', tfPlan],
    ['delete cluster --yes', deleted, 'terraform destroy', tfDestroy],
  ];
  const cell = (m: Measured) => `${(m.ms / 1000).toFixed(1).padStart(6)} s ${String(m.calls).padStart(4)} calls (${m.mutating} mutating)`;
  console.log('\nkops (ours) vs terraform on the golden minimal-aws, same moto, same run');
  console.log(`${'ours'.padEnd(22)}${''.padEnd(36)}${'reference'.padEnd(20)}${''.padEnd(36)}time ratio  calls ratio`);
  for (const [ours, o, ref, r] of rows) {
    console.log(`${ours.padEnd(22)}${cell(o).padEnd(36)}${ref.padEnd(20)}${cell(r).padEnd(36)}${(o.ms / r.ms).toFixed(2).padStart(10)}  ${(o.calls / r.calls).toFixed(2).padStart(11)}`);
  }
  console.log(`\nno-op re-run: ${noOp.calls} calls for ${declaredTypes} declared resource types (${(noOp.calls / declaredTypes).toFixed(1)} per type), ${declared.length} resources (${(noOp.calls / declared.length).toFixed(2)} per resource)`);
  console.log(`resources: ours ${declared.length}, golden ${goldenResources} (the golden case also manages DNS and state-store objects)`);
} finally {
  await moto.stop();
  rmSync(dir, { recursive: true, force: true });
}
