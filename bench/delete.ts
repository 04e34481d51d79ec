/**
 * Wall time and AWS API calls of deleting a minimal cluster's resources on a moto_server. Not a test: prints figures.
 *  1. A minimal cluster built with the SDK (test/ops/delete/fixture.ts): discovery + deletion, in process.
 *  2. Unless BENCH_TF=0 or terraform is missing: the Go kops's golden minimal-aws kubernetes.tf applied with terraform
 *     to two moto_servers; one is emptied by our discovery + deletion, the other by `terraform destroy`, and the
 *     two are compared (terraform also deletes the state-store objects in S3, which `kops delete cluster` leaves to
 *     the state-store step).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { createAwsClients } from '../src/cloud/aws/clients.js';
import { deleteResources, type DeleteReport } from '../src/ops/delete/delete.js';
import { discoverCluster } from '../src/ops/delete/discover.js';
import { sharedDir } from '../test/helpers/cli.js';
import { recordCalls } from '../test/helpers/moto-recorder.js';
import { startMoto, type MotoServer } from '../test/helpers/moto.js';
import { accountContents, createCluster, createHostedZone } from '../test/ops/delete/fixture.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

interface Measure {
  seconds: number;
  calls: number;
  resources: number;
  leftovers: string[];
}

/** Discovers and deletes cluster NAME on this moto, counting the requests moto receives. */
async function ourDelete(moto: MotoServer, clusterName: string, before: Record<string, string[]>): Promise<Measure> {
  const aws = createAwsClients({ env: moto.env });
  let seconds = 0;
  let report: DeleteReport | undefined;
  let resources = 0;
  const calls = (
    await recordCalls(moto.endpoint, async () => {
      const start = performance.now();
      const discovery = await discoverCluster(aws, { clusterName, dns: true });
      resources = discovery.resources.length;
      report = await deleteResources(aws, discovery.resources);
      seconds = (performance.now() - start) / 1000;
    })
  ).length;
  if (report?.failed.length) console.log('  failed:', report.failed.map((f) => `${f.resource.type}:${f.resource.id} ${f.reason}`));
  const after = await accountContents(createAwsClients({ env: moto.env }));
  return { seconds, calls, resources, leftovers: leftovers(before, after) };
}

/** What is there now and was not before; a hosted zone's own NS and SOA records belong to the zone the bench made. */
function leftovers(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  return Object.entries(after).flatMap(([kind, ids]) =>
    ids.filter((id) => !before[kind]?.includes(id) && !/\/(NS|SOA)\//.test(id)).map((id) => `${kind}:${id}`),
  );
}

function print(label: string, m: Measure): void {
  console.log(`  ${label}: ${m.resources} resources in ${m.seconds.toFixed(2)} s, ${m.calls} API calls, leftovers: ${m.leftovers.length ? m.leftovers.join(' ') : 'none'}`);
}

async function sdkCluster(): Promise<void> {
  const moto = await startMoto();
  try {
    const aws = createAwsClients({ env: moto.env });
    const zoneId = await createHostedZone(aws, 'example.com');
    const before = await accountContents(aws);
    await createCluster(aws, 'bench.example.com', { zoneId });
    print('minimal cluster (SDK-built)', await ourDelete(moto, 'bench.example.com', before));
  } finally {
    await moto.stop();
  }
}

/** Copies and adapts the golden minimal-aws case for this moto, applies it, and returns its directory. */
async function appliedGolden(moto: MotoServer): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'kops-bench-delete-')), 'minimal-aws');
  cpSync(join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws'), dir, { recursive: true });
  const aws = createAwsClients({ env: moto.env });
  const ami = (await aws.ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images![0].ImageId!;
  execFileSync('bash', [join(sharedDir, 'bench/adapt-golden-tf.sh'), dir, String(moto.port), ami], { stdio: 'ignore' });
  await new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }).send(
    new CreateBucketCommand({ Bucket: 'testingBucket' }),
  );
  await createHostedZone(aws, 'example.com');
  const tf = (args: string[]) => execFileSync('terraform', args, { cwd: dir, stdio: 'ignore', env: { ...process.env, TF_IN_AUTOMATION: '1' } });
  tf(['init', '-plugin-dir=/opt/tf-plugins', '-input=false']);
  tf(['apply', '-auto-approve', '-input=false', '-parallelism=10']);
  return dir;
}

async function goldenComparison(): Promise<void> {
  const [ours, theirs] = [await startMoto(), await startMoto()];
  try {
    // Each moto_server makes its own default VPC, with its own ids.
    const beforeOurs = await accountContents(createAwsClients({ env: ours.env }));
    const beforeTheirs = await accountContents(createAwsClients({ env: theirs.env }));
    console.log('  applying the golden minimal-aws kubernetes.tf to two moto_servers (takes a while)...');
    await appliedGolden(ours);
    const dir = await appliedGolden(theirs);

    const mine = await ourDelete(ours, 'minimal-aws.example.com', beforeOurs);
    print('kops delete (discovery + deletion)', mine);

    let seconds = 0;
    const calls = (
      await recordCalls(theirs.endpoint, async () => {
        const start = performance.now();
        execFileSync('terraform', ['destroy', '-auto-approve', '-input=false', '-parallelism=10'], { cwd: dir, stdio: 'ignore' });
        seconds = (performance.now() - start) / 1000;
      })
    ).length;
    const after = await accountContents(createAwsClients({ env: theirs.env }));
    print('terraform destroy', { seconds, calls, resources: 68, leftovers: leftovers(beforeTheirs, after) });
    console.log(`  ratio kops / terraform: time x${(mine.seconds / seconds).toFixed(3)}, API calls x${(mine.calls / calls).toFixed(2)}`);
  } finally {
    await Promise.all([ours.stop(), theirs.stop()]);
  }
}

console.log('delete cluster on moto_server');
await sdkCluster();
const hasTerraform = (() => {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
    return existsSync('/opt/tf-plugins');
  } catch {
    return false;
  }
})();
if (process.env.BENCH_TF !== '0' && hasTerraform) await goldenComparison();
else console.log('  (terraform comparison skipped)');
