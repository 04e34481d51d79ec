import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand, UpdateAutoScalingGroupCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeLaunchTemplateVersionsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DeleteQueueCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { IAMClient, GetRoleCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { kops, type RunResult } from '../helpers/cli.js';
import type { MotoServer } from '../helpers/moto.js';
import { startMotoForKops } from '../helpers/kops-on-moto.js';
import { recordCalls } from '../helpers/moto-recorder.js';

const CLUSTER = 'demo.k8s.local';

let moto: MotoServer;
let dir: string;
let env: Record<string, string>;
let sshPublicKey: string;
const sdk = () => ({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

const run = (...args: string[]): Promise<RunResult> => kops(args, { env });
const ok = (r: RunResult) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kops-update-'));
  const world = await startMotoForKops(dir);
  moto = world.moto;
  env = world.env;
  sshPublicKey = world.sshPublicKey;
  ok(await run('create', 'cluster', '--name', CLUSTER, '--zones', 'us-east-1a', '--ssh-public-key', sshPublicKey));
}, 120_000);

afterAll(async () => {
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kops update cluster against moto', () => {
  test('without --yes it prints the plan and changes nothing', async () => {
    let preview!: RunResult;
    const calls = await recordCalls(moto.endpoint, async () => (preview = await run('update', 'cluster', CLUSTER)));
    ok(preview);
    expect(preview.stdout).toMatch(/Will create resources:/);
    expect(preview.stdout).toMatch(/VPC\/demo\.k8s\.local/);
    expect(preview.stdout).toMatch(/Must specify --yes to apply changes/);
    expect(calls.filter((c) => c.mutating)).toEqual([]);
    const vpcs = await new EC2Client(sdk()).send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:KubernetesCluster', Values: [CLUSTER] }] }));
    expect(vpcs.Vpcs ?? []).toEqual([]);
  });

  test('--yes creates every declared object, tagged as the cluster\'s, and writes the cluster files and keysets', async () => {
    const applied = ok(await run('update', 'cluster', CLUSTER, '--yes', '--admin'));
    expect(applied.stderr).toMatch(/Resources: created \d+/);
    const ec2 = new EC2Client(sdk());
    const owned = [{ Name: `tag:kubernetes.io/cluster/${CLUSTER}`, Values: ['owned'] }];
    expect((await ec2.send(new DescribeVpcsCommand({ Filters: owned }))).Vpcs).toHaveLength(1);
    expect((await ec2.send(new DescribeSubnetsCommand({ Filters: owned }))).Subnets).toHaveLength(1);
    const asgs = await new AutoScalingClient(sdk()).send(new DescribeAutoScalingGroupsCommand({}));
    const names = (asgs.AutoScalingGroups ?? []).map((g) => g.AutoScalingGroupName).sort();
    expect(names).toEqual([`control-plane-us-east-1a.masters.${CLUSTER}`, `nodes-us-east-1a.${CLUSTER}`]);
    const role = await new IAMClient(sdk()).send(new GetRoleCommand({ RoleName: `nodes.${CLUSTER}` }));
    expect(role.Role?.RoleName).toBe(`nodes.${CLUSTER}`);
    const store = join(dir, 'store', CLUSTER);
    expect(readFileSync(join(store, 'cluster-completed.spec'), 'utf8')).toMatch(/^apiVersion: kops.k8s.io\/v1alpha2\nkind: Cluster\n/);
    expect(readFileSync(join(store, 'igconfig/node/nodes-us-east-1a/nodeupconfig.yaml'), 'utf8')).toMatch(/KeypairIDs:/);
    expect(readFileSync(join(store, 'pki/private/kubernetes-ca/keyset.yaml'), 'utf8')).toMatch(/kind: Keyset/);
    const kubeconfig = JSON.parse(execFileSync('kubectl', ['--kubeconfig', join(dir, 'kubeconfig'), 'config', 'view', '-o', 'json'], { encoding: 'utf8' }));
    expect(kubeconfig['current-context']).toBe(CLUSTER);
  });

  test('a second --yes right after finds no changes and makes no mutating call', async () => {
    let again!: RunResult;
    const calls = await recordCalls(moto.endpoint, async () => (again = await run('update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false')));
    ok(again);
    expect(calls.filter((c) => c.mutating).map((c) => c.action)).toEqual([]);
    expect((await run('update', 'cluster', CLUSTER)).stdout).toMatch(/No changes need to be applied/);
  });

  test('editing an instance group changes only that group\'s launch template and autoscaling group', async () => {
    const ig = ok(await run('get', 'ig', 'nodes-us-east-1a', '--name', CLUSTER, '-o', 'yaml')).stdout;
    const edited = ig.replace(/maxSize: 1/, 'maxSize: 3').replace(/machineType: \S+/, 'machineType: t3.large');
    writeFileSync(join(dir, 'ig.yaml'), edited);
    ok(await run('replace', '-f', join(dir, 'ig.yaml')));
    const plan = ok(await run('update', 'cluster', CLUSTER)).stdout;
    expect(plan).toMatch(/Will modify resources:/);
    const changed = [...plan.matchAll(/^ {2}(\S+\/\S+)$/gm)].map((m) => m[1]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((t) => t.includes('nodes-us-east-1a'))).toBe(true);
    ok(await run('update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'));
    const asg = (await new AutoScalingClient(sdk()).send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [`nodes-us-east-1a.${CLUSTER}`] }))).AutoScalingGroups![0];
    expect(asg.MaxSize).toBe(3);
    const versions = await new EC2Client(sdk()).send(
      new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: `nodes-us-east-1a.${CLUSTER}`, Versions: ['$Default'] }),
    );
    expect(versions.LaunchTemplateVersions?.[0].LaunchTemplateData?.InstanceType).toBe('t3.large');
  });

  test('drift made by hand is shown and fixed; a resource deleted by hand is re-created', async () => {
    await new AutoScalingClient(sdk()).send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: `nodes-us-east-1a.${CLUSTER}`, MaxSize: 7 }));
    const sqs = new SQSClient(sdk());
    const queue = await sqs.send(new GetQueueUrlCommand({ QueueName: 'demo-k8s-local-nth' }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl: queue.QueueUrl }));
    const plan = ok(await run('update', 'cluster', CLUSTER)).stdout;
    expect(plan).toMatch(/MaxSize\s+7 -> 3/);
    ok(await run('update', 'cluster', CLUSTER, '--yes', '--create-kube-config=false'));
    const asg = (await new AutoScalingClient(sdk()).send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [`nodes-us-east-1a.${CLUSTER}`] }))).AutoScalingGroups![0];
    expect(asg.MaxSize).toBe(3);
    expect((await sqs.send(new GetQueueUrlCommand({ QueueName: 'demo-k8s-local-nth' }))).QueueUrl).toBeTruthy();
    expect(ok(await run('update', 'cluster', CLUSTER)).stdout).toMatch(/No changes need to be applied/);
  });
});

describe('kops update cluster: environment errors', () => {
  test('an unreachable endpoint is one clear error naming it', async () => {
    const r = await kops(['update', 'cluster', CLUSTER], { env: { ...env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/);
  });

  test('missing credentials are one clear error', async () => {
    const r = await kops(['update', 'cluster', CLUSTER], { env: { ...env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: 'nonexistent-profile', AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/credentials/i);
  });

  test('without a nodeup hash and no network the update names the variables to set', async () => {
    const r = await kops(['update', 'cluster', CLUSTER], { env: { ...env, NODEUP_HASH_AMD64: '', NODEUP_URL_AMD64: 'http://127.0.0.1:9/nodeup' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/NODEUP_HASH_AMD64/);
  });
});

describe('kops get assets', () => {
  test('lists the release files with their sha256 and the images the cluster runs', async () => {
    const r = ok(await run('get', 'assets', CLUSTER, '-o', 'yaml'));
    expect(r.stdout).toMatch(/^files:\n- canonical: https:\/\//);
    expect(r.stdout).toMatch(/\/bin\/linux\/amd64\/kubelet\n {2}download: \S+\n {2}sha: [0-9a-f]{64}\n/);
    expect(r.stdout).toMatch(/^- canonical: registry\.k8s\.io\/kube-apiserver:v\d+\.\d+\.\d+$/m);
    expect(r.stdout).toMatch(/^- canonical: registry\.k8s\.io\/etcd-manager\/etcd-manager-slim:/m);
  });
});

describe('kops create cluster --yes', () => {
  test('goes straight on to the update with the same target, and stores the completed spec only through it', async () => {
    const name = 'created.k8s.local';
    const out = join(dir, 'created-tf');
    const r = ok(await run('create', 'cluster', '--name', name, '--zones', 'us-east-1a', '--ssh-public-key', sshPublicKey, '--yes', '--target', 'terraform', '--out', out));
    expect(r.stdout).toContain(`Terraform configuration for ${name} written to ${out}`);
    expect(readFileSync(join(out, 'kubernetes.tf'), 'utf8')).toMatch(/cluster_name +=\s"created\.k8s\.local"/);
    const listed = ok(await run('get', 'instancegroups', '--name', name));
    expect(listed.stdout).toMatch(/control-plane-us-east-1a/);
  });
});

describe('update cluster --target terraform with an S3 state store', () => {
  test("the files provider writes the state-store objects in the bucket's region, not the cluster's", async () => {
    const s3 = new S3Client({ ...sdk(), region: 'eu-west-1', forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'store-in-eu', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    s3.destroy();
    const s3env = { ...env, KOPS_STATE_STORE: 's3://store-in-eu/kops' };
    const name = 's3store.k8s.local';
    const out = join(dir, 's3store-tf');
    ok(await kops(['create', 'cluster', '--name', name, '--zones', 'us-east-1a', '--ssh-public-key', sshPublicKey], { env: s3env }));
    ok(await kops(['update', 'cluster', name, '--target', 'terraform', '--out', out], { env: s3env }));
    const tf = readFileSync(join(out, 'kubernetes.tf'), 'utf8');
    expect(tf).toMatch(/provider "aws" \{\n\s+region\s+= "us-east-1"\n\}/);
    expect(tf).toMatch(/provider "aws" \{\n\s+alias\s+= "files"\n\s+region\s+= "eu-west-1"\n\}/);
    expect(tf).toMatch(/resource "aws_s3_object" "cluster-completed-spec" \{\n\s+bucket\s+= "store-in-eu"\n(?:\s+(?:content|key)\s+= .*\n)+\s+provider\s+= aws\.files\n/);

    ok(await kops(['update', 'cluster', name, '--target', 'terraform', '--out', out], { env: { ...s3env, KOPS_STATE_S3_ACL: 'bucket-owner-full-control' } }));
    const withAcl = readFileSync(join(out, 'kubernetes.tf'), 'utf8');
    expect(withAcl).toContain('resource "aws_s3_object" "cluster-completed-spec" {\n  acl                    = "bucket-owner-full-control"\n  bucket                 = "store-in-eu"\n');
  }, 120_000);
});
