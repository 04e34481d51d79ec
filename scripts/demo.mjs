#!/usr/bin/env node
// `npm run demo`: walks the built CLI (dist/kops.js) through what exists today against a real moto_server on a
// free loopback port and a temporary file:// state store. moto is stopped at the end, also when a step fails.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const kopsBin = join(repo, 'dist/kops.js');
const clusterName = 'demo.example.com';

const clusterYaml = `apiVersion: kops.k8s.io/v1alpha2
kind: Cluster
metadata:
  name: ${clusterName}
spec:
  cloudProvider: aws
  kubernetesVersion: 1.32.0
  networkCIDR: 172.20.0.0/16
  networking:
    cilium: {}
  subnets:
  - cidr: 172.20.32.0/19
    name: us-east-1a
    type: Public
    zone: us-east-1a
---
apiVersion: kops.k8s.io/v1alpha2
kind: InstanceGroup
metadata:
  name: control-plane-us-east-1a
  labels:
    kops.k8s.io/cluster: ${clusterName}
spec:
  role: Master
  machineType: t3.medium
  minSize: 1
  maxSize: 1
  subnets:
  - us-east-1a
---
apiVersion: kops.k8s.io/v1alpha2
kind: InstanceGroup
metadata:
  name: nodes
  labels:
    kops.k8s.io/cluster: ${clusterName}
spec:
  role: Node
  machineType: t3.medium
  minSize: 2
  maxSize: 2
  subnets:
  - us-east-1a
`;

function motoServerBinary() {
  try {
    return execFileSync('bash', ['-lc', 'command -v moto_server'], { encoding: 'utf8' }).trim();
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

async function startMoto() {
  const port = await freePort();
  const child = spawn(motoServerBinary(), ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
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

function step(title, args, env) {
  console.log(`\n$ kops ${args.join(' ')}    # ${title}`);
  const r = spawnSync(process.execPath, [kopsBin, ...args], { env, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) throw new Error(`step "${title}" failed with exit code ${r.status}`);
}

const work = mkdtempSync(join(tmpdir(), 'kops-demo-'));
const manifest = join(work, 'cluster.yaml');
writeFileSync(manifest, clusterYaml);
const stateStore = `file://${join(work, 'state')}`;
console.log(`state store: ${stateStore}`);

let moto;
try {
  moto = await startMoto();
  console.log(`moto_server: ${moto.endpoint}`);
  const env = {
    ...process.env,
    KOPS_STATE_STORE: stateStore,
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  step('the version of this tool', ['version'], env);
  step('store a cluster and its instance groups', ['create', '-f', manifest], env);
  step('list the clusters in the state store', ['get', 'clusters'], env);
  step('list its instance groups', ['get', 'ig', '--name', clusterName], env);
  step('add a bastion group with defaults looked up in the cloud', ['create', 'ig', 'bastions', '--name', clusterName, '--role', 'bastion', '--subnet', 'us-east-1a', '--edit=false'], env);
  step('the instance groups as YAML', ['get', 'ig', '--name', clusterName, '-o', 'yaml'], env);
  step('remove the bastion group again', ['delete', 'ig', 'bastions', '--name', clusterName, '--yes'], env);
  console.log('\ndemo finished');
} catch (err) {
  console.error(`\ndemo failed: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  await moto?.stop();
  rmSync(work, { recursive: true, force: true });
}
