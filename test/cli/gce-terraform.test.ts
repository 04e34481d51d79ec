import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kops, type RunResult } from '../helpers/cli.js';

const CLUSTER = 'g.k8s.local';
let dir: string;
let env: Record<string, string>;
const ok = (r: RunResult) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kops-gce-'));
  execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', join(dir, 'id')]);
  env = {
    KOPS_STATE_STORE: `file://${join(dir, 'state')}`,
    NODEUP_HASH_AMD64: 'c86e072f622b91546b7b3f3cb1a0f8a131e48b966ad018a0ac1520ceedf37725',
    NODEUP_HASH_ARM64: '64a9a9510538a449e85d05e13e3cd98b80377d68a673447c26821d40f00f0075',
    // Nothing here may reach Google: the subnet's range is given, so no network is looked up.
    KOPS_GCE_ENDPOINT: 'http://127.0.0.1:9',
  };
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a GCE cluster from the CLI, terraform target', () => {
  test('create cluster --cloud gce stores a regional subnet and zonal groups; update writes google Terraform', async () => {
    ok(
      await kops(
        ['create', 'cluster', '--name', CLUSTER, '--cloud', 'gce', '--project', 'p1', '--zones', 'europe-west4-a,europe-west4-b', '--kubernetes-version', 'v1.32.0', '--networking', 'cni', '--ssh-public-key', join(dir, 'id.pub'), '--set', 'spec.subnets[0].cidr=10.0.16.0/20'],
        { env },
      ),
    );
    const got = ok(await kops(['get', 'cluster', CLUSTER, '-o', 'yaml'], { env })).stdout;
    expect(got).toMatch(/project: p1/);
    expect(got).toMatch(/- cidr: 10\.0\.16\.0\/20\n {4}name: europe-west4\n {4}region: europe-west4/);

    const out = join(dir, 'tf');
    ok(await kops(['update', 'cluster', CLUSTER, '--target', 'terraform', '--out', out], { env }));
    const tf = readFileSync(join(out, 'kubernetes.tf'), 'utf8');
    expect(tf).toMatch(/provider "google" {\n {2}project = "p1"\n {2}region {2}= "europe-west4"\n}/);
    expect(tf).not.toMatch(/provider "aws"/);
    expect(tf).toMatch(/resource "google_compute_instance_group_manager" "a-nodes-europe-west4-a-g-k8s-local"/);
    expect(tf).toMatch(/resource "google_compute_forwarding_rule" "api-g-k8s-local"/);
    expect(readdirSync(join(out, 'data')).sort()).toEqual([
      'google_compute_instance_template_control-plane-europe-west4-a-g-k8s-local_metadata_user-data',
      'google_compute_instance_template_nodes-europe-west4-a-g-k8s-local_metadata_user-data',
      'google_compute_instance_template_nodes-europe-west4-b-g-k8s-local_metadata_user-data',
    ]);
    // A file:// store is written directly rather than through Terraform.
    expect(existsSync(join(dir, 'state', CLUSTER, 'cluster-completed.spec'))).toBe(true);
  }, 60_000);
});
