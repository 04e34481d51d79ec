#!/usr/bin/env node
// `npm run demo`: the whole lifecycle of a cluster with the built CLI (dist/kops.js) against a real moto_server on a
// free loopback port and a temporary file:// state store: create cluster -> update --yes -> list what was made ->
// delete --yes -> show that nothing is left. moto is stopped at the end, also when a step fails.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const kopsBin = join(repo, 'dist/kops.js');
const clusterName = 'demo.k8s.local';
// moto holds no Canonical images: it is seeded with the image the stable channel picks for this Kubernetes version.
const channelImage = 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260714';

function motoServerBinary() {
  try {
    return execFileSync('bash', ['-lc', 'command -v moto_server || ls ~/.pyenv/shims/moto_server'], { encoding: 'utf8' }).trim().split('\n')[0];
  } catch {
    throw new Error('moto_server not found (it lives in the pyenv shims on these machines)');
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

async function startMoto(amisPath) {
  const port = await freePort();
  const child = spawn(motoServerBinary(), ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', env: { ...process.env, MOTO_AMIS_PATH: amisPath } });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`moto_server did not answer on ${endpoint} within 30s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return { endpoint, stop };
}

/** A throwaway `ssh-rsa` public key line (no ssh-keygen needed). */
function sshPublicKey() {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const mpint = (b64url) => {
    const bytes = Buffer.from(b64url, 'base64url');
    return bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  };
  const field = (b) => Buffer.concat([Buffer.from([0, 0, 0, 0].map((_, i) => (b.length >>> (24 - 8 * i)) & 0xff)), b]);
  const blob = Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(jwk.e)), field(mpint(jwk.n))]);
  return `ssh-rsa ${blob.toString('base64')} demo\n`;
}

function step(title, args, env) {
  console.log(`\n$ kops ${args.join(' ')}    # ${title}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [kopsBin, ...args], { env, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)}s)`);
  if (r.status !== 0) throw new Error(`step "${title}" failed with exit code ${r.status}`);
  return r.stdout;
}

/** What the cloud holds that is tagged as the cluster's, counted per kind, straight from the AWS APIs. */
async function cloudInventory(env) {
  const { EC2Client, DescribeVpcsCommand, DescribeSubnetsCommand, DescribeSecurityGroupsCommand, DescribeInstancesCommand, DescribeVolumesCommand, DescribeLaunchTemplatesCommand } =
    await import('@aws-sdk/client-ec2');
  const { AutoScalingClient, DescribeAutoScalingGroupsCommand } = await import('@aws-sdk/client-auto-scaling');
  const { IAMClient, ListRolesCommand } = await import('@aws-sdk/client-iam');
  const config = { region: 'us-east-1', endpoint: env.AWS_ENDPOINT_URL, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const ec2 = new EC2Client(config);
  const Filters = [{ Name: 'tag:KubernetesCluster', Values: [clusterName] }];
  const instances = (await ec2.send(new DescribeInstancesCommand({ Filters }))).Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
  return {
    vpcs: (await ec2.send(new DescribeVpcsCommand({ Filters }))).Vpcs?.length ?? 0,
    subnets: (await ec2.send(new DescribeSubnetsCommand({ Filters }))).Subnets?.length ?? 0,
    securityGroups: (await ec2.send(new DescribeSecurityGroupsCommand({ Filters }))).SecurityGroups?.length ?? 0,
    runningInstances: instances.filter((i) => i.State?.Name !== 'terminated').length,
    volumes: (await ec2.send(new DescribeVolumesCommand({ Filters }))).Volumes?.length ?? 0,
    launchTemplates: (await ec2.send(new DescribeLaunchTemplatesCommand({ Filters }))).LaunchTemplates?.length ?? 0,
    autoscalingGroups: ((await new AutoScalingClient(config).send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? []).filter((g) =>
      g.Tags?.some((t) => t.Key === 'KubernetesCluster' && t.Value === clusterName),
    ).length,
    iamRoles: ((await new IAMClient(config).send(new ListRolesCommand({}))).Roles ?? []).filter((r) => r.RoleName?.endsWith(`.${clusterName}`)).length,
  };
}

const work = mkdtempSync(join(tmpdir(), 'kops-demo-'));
const stateStore = pathToFileURL(join(work, 'state')).href;
const amis = join(work, 'amis.json');
writeFileSync(
  amis,
  JSON.stringify([
    { ami_id: 'ami-0c0ffee0000000001', name: channelImage, owner_id: '099720109477', architecture: 'x86_64', state: 'available', root_device_name: '/dev/sda1', root_device_type: 'ebs', virtualization_type: 'hvm', hypervisor: 'xen', public: true, creation_date: '2026-07-14T00:00:00.000Z', description: 'demo image' },
  ]),
);
const sshKey = join(work, 'id_rsa.pub');
writeFileSync(sshKey, sshPublicKey());
console.log(`state store: ${stateStore}`);

let moto;
try {
  moto = await startMoto(amis);
  console.log(`moto_server: ${moto.endpoint}`);
  const env = {
    ...process.env,
    KOPS_STATE_STORE: stateStore,
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    // moto's known gaps (fields it accepts but does not store) are not drift.
    KOPS_AWS_EMULATOR: 'moto',
    // Offline, nodeup's sha256 cannot be fetched from its release; the demo pins one, as the Go kops allows.
    NODEUP_HASH_AMD64: '0'.repeat(64),
    NODEUP_HASH_ARM64: '0'.repeat(64),
    KUBECONFIG: join(work, 'kubeconfig'),
  };
  step('the version of this tool', ['version'], env);
  step('infer a cluster from a few flags and store it', ['create', 'cluster', '--name', clusterName, '--zones', 'us-east-1a', '--ssh-public-key', sshKey], env);
  step('the instance groups it inferred', ['get', 'ig', '--name', clusterName], env);
  step('preview what update would make', ['update', 'cluster', '--name', clusterName], env);
  step('make it, and export an admin kubeconfig', ['update', 'cluster', '--name', clusterName, '--yes', '--admin'], env);
  step('a second update finds nothing to do', ['update', 'cluster', '--name', clusterName], env);
  console.log('\ncloud objects tagged for the cluster, counted with the AWS APIs:', await cloudInventory(env));
  step('list everything the cluster owns (what delete would remove)', ['delete', 'cluster', '--name', clusterName], env);
  step('delete it', ['delete', 'cluster', '--name', clusterName, '--yes'], env);
  const left = await cloudInventory(env);
  console.log('\nafter delete, cloud objects tagged for the cluster:', left);
  const leftovers = Object.entries(left).filter(([, n]) => n > 0);
  if (leftovers.length) throw new Error(`left behind: ${leftovers.map(([k, n]) => `${n} ${k}`).join(', ')}`);
  console.log('nothing is left.\n\ndemo finished');
} catch (err) {
  console.error(`\ndemo failed: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  await moto?.stop();
  rmSync(work, { recursive: true, force: true });
}
