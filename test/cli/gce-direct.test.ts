import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kops, type RunResult } from '../helpers/cli.js';
import { startComputeFake, type ComputeFake } from '../helpers/compute-fake.js';
import { writeServiceAccountKey } from '../helpers/gce-credentials.js';
import { startGcsFake, type GcsFake } from '../helpers/gcs-fake.js';

const CLUSTER = 'd.k8s.local';
const PROJECT = 'p1';
let dir: string;
let compute: ComputeFake;
let gcs: GcsFake;
let env: Record<string, string>;

const ok = (r: RunResult) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
};
const mutating = (requests: string[]) => requests.filter((r) => !r.startsWith('GET ') && !r.endsWith('/wait'));
const stateObjects = (cluster = CLUSTER) => [...(gcs.buckets.get('kops-state')?.keys() ?? [])].filter((k) => k.startsWith(`${cluster}/`));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kops-gce-direct-'));
  execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', join(dir, 'id')]);
  // The project's default compute account is named in state-file ACLs.
  [compute, gcs] = await Promise.all([startComputeFake({ projects: [PROJECT] }), startGcsFake()]);
  gcs.createBucket('kops-state');
  env = {
    KOPS_STATE_STORE: 'gs://kops-state',
    STORAGE_EMULATOR_HOST: gcs.endpoint,
    KOPS_GCE_ENDPOINT: compute.endpoint,
    GOOGLE_APPLICATION_CREDENTIALS: writeServiceAccountKey(PROJECT, dir),
    NODEUP_HASH_AMD64: 'c86e072f622b91546b7b3f3cb1a0f8a131e48b966ad018a0ac1520ceedf37725',
    NODEUP_HASH_ARM64: '64a9a9510538a449e85d05e13e3cd98b80377d68a673447c26821d40f00f0075',
  };
});

afterAll(async () => {
  await Promise.all([compute?.stop(), gcs?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a GCE cluster applied directly through the Compute Engine client, against the REST fake', () => {
  test('create → update --yes → update (nothing to do) → a new machine type moves the group to a new template, the old one deleted → delete --yes leaves nothing, with a gs:// state store', async () => {
    ok(
      await kops(
        ['create', 'cluster', '--name', CLUSTER, '--cloud', 'gce', '--project', PROJECT, '--zones', 'europe-west4-a', '--kubernetes-version', 'v1.32.0', '--networking', 'cni', '--gce-service-account', 'default', '--topology', 'private', '--api-loadbalancer-type', 'internal', '--ssh-public-key', join(dir, 'id.pub')],
        { env },
      ),
    );
    expect(stateObjects()).toContain(`${CLUSTER}/config`);

    const preview = ok(await kops(['update', 'cluster', CLUSTER], { env }));
    expect(preview.stdout).toMatch(/Must specify --yes to apply changes/);
    expect(compute.objects()).toEqual([]);

    ok(await kops(['update', 'cluster', CLUSTER, '--yes'], { env }));
    const made = compute.objects().map((p) => p.replace(/^\/compute\/v1\/projects\/p1\//, ''));
    expect(made.map((p) => p.replace(/\/[^/]+$/, '')).sort()).toEqual(
      expect.arrayContaining(['global/firewalls', 'global/instanceTemplates', 'global/networks', 'regions/europe-west4/subnetworks', 'zones/europe-west4-a/disks', 'zones/europe-west4-a/instanceGroupManagers']),
    );
    expect(made).toContain('global/networks/d-k8s-local');
    expect(stateObjects()).toContain(`${CLUSTER}/cluster-completed.spec`);
    // Written with the access list kops gives objects of a fine-grained bucket: read for the project's default account.
    expect(gcs.buckets.get('kops-state')?.get(`${CLUSTER}/addons/bootstrap-channel.yaml`)?.acl).toEqual([{ entity: 'user-1-compute@developer.gserviceaccount.com', role: 'READER' }]);

    const before = compute.requests.length;
    const again = ok(await kops(['update', 'cluster', CLUSTER], { env }));
    expect(again.stdout).not.toMatch(/Will create|Will modify|Must specify --yes/);
    expect(mutating(compute.requests.slice(before))).toEqual([]);

    // A new machine type is a new template (templates are named after their content): the group moves to it.
    const group = '/compute/v1/projects/p1/zones/europe-west4-a/instanceGroupManagers/a-nodes-europe-west4-a-d-k8s-local';
    const templateOf = () => String((compute.resources.get(group)?.versions as { instanceTemplate: string }[])[0].instanceTemplate).replace(compute.endpoint, '');
    const oldTemplate = templateOf();
    expect(ok(await kops(['get', 'ig', 'nodes-europe-west4-a', '--name', CLUSTER, '-o', 'yaml'], { env })).stdout).toMatch(/machineType: e2-medium/);
    ok(await kops(['edit', 'ig', 'nodes-europe-west4-a', '--name', CLUSTER], { env: { ...env, EDITOR: `sed -i 's/machineType: e2-medium/machineType: e2-standard-2/'` } }));
    const moving = ok(await kops(['update', 'cluster', CLUSTER], { env })).stdout;
    expect(moving).toMatch(/Will create resources:\n {2}InstanceTemplate\/nodes-europe-west4-a-d-k8s-local\n/);
    expect(moving).toMatch(/Will modify resources:\n {2}InstanceGroupManager\/a-nodes-europe-west4-a-d-k8s-local\n {2}\tVersion\s+\{instanceTemplate: \S+\/instanceTemplates\/nodes-europe-west4-a-d-k8s-local-[0-9a-f]+\} -> \{instanceTemplate: name:nodes-europe-west4-a-d-k8s-local\}\n/);
    expect(moving.match(/^ {2}\S+/gm)).toEqual(['  InstanceTemplate/nodes-europe-west4-a-d-k8s-local', '  InstanceGroupManager/a-nodes-europe-west4-a-d-k8s-local']);
    ok(await kops(['update', 'cluster', CLUSTER, '--yes'], { env }));
    expect(templateOf()).not.toBe(oldTemplate);
    expect(compute.resources.get(templateOf())).toMatchObject({ properties: { machineType: 'e2-standard-2' } });
    expect(compute.resources.has(oldTemplate)).toBe(false);
    expect(compute.objects().filter((p) => p.includes('/instanceTemplates/nodes-'))).toEqual([templateOf()]);
    expect(ok(await kops(['update', 'cluster', CLUSTER], { env })).stdout).not.toMatch(/Will create|Will modify|Must specify --yes/);

    const deleted = ok(await kops(['delete', 'cluster', CLUSTER, '--yes'], { env }));
    expect(deleted.stdout).toMatch(/network/);
    expect(compute.objects()).toEqual([]);
    expect(stateObjects()).toEqual([]);
  }, 300_000);

  test('a default cluster (own service accounts, public API load balancer): made with the accounts\' IAM binding and the legacy health check, unchanged on a second update, and deleted with them, the policy\'s other members left', async () => {
    const cluster = 'sa.k8s.local';
    const others = [
      { role: 'roles/container.serviceAgent', members: ['user:admin@example.com'] },
      { role: 'roles/owner', members: ['user:admin@example.com'] },
    ];
    compute.iam.policies.set('projects/p1', { version: 1, etag: 'seed', bindings: structuredClone(others) });
    // As on GCE, the binding's first write does not see the accounts just made.
    compute.iam.accountPropagation = 1;
    ok(
      await kops(
        ['create', 'cluster', '--name', cluster, '--cloud', 'gce', '--project', PROJECT, '--zones', 'europe-west4-a', '--kubernetes-version', 'v1.32.0', '--networking', 'cni', '--ssh-public-key', join(dir, 'id.pub')],
        { env },
      ),
    );
    ok(await kops(['update', 'cluster', cluster, '--yes'], { env }));
    expect(compute.objects()).toEqual(expect.arrayContaining(['/compute/v1/projects/p1/global/httpHealthChecks/api-sa-k8s-local', '/compute/v1/projects/p1/regions/europe-west4/targetPools/api-sa-k8s-local']));
    const accounts = [...compute.iam.resources.keys()].map((p) => p.replace('/v1/projects/p1/serviceAccounts/', ''));
    expect(accounts.sort()).toEqual(['control-plane-sa-k8s-local@p1.iam.gserviceaccount.com', 'node-sa-k8s-local@p1.iam.gserviceaccount.com']);
    expect(compute.iam.policies.get('projects/p1')?.bindings).toEqual([{ role: 'roles/container.serviceAgent', members: ['user:admin@example.com', 'serviceAccount:control-plane-sa-k8s-local@p1.iam.gserviceaccount.com'] }, others[1]]);
    // GCE reports the address it reserved on the API forwarding rule; the fake keeps the link it was given, so the test
    // writes what GCE would report. A gossip cluster's kubeconfig points at it.
    compute.resources.get('/compute/v1/projects/p1/regions/europe-west4/forwardingRules/api-sa-k8s-local')!.IPAddress = '203.0.113.7';
    const kubeconfig = join(dir, 'kubeconfig');
    ok(await kops(['export', 'kubeconfig', cluster, '--admin', '--kubeconfig', kubeconfig], { env }));
    expect(readFileSync(kubeconfig, 'utf8')).toContain('server: https://203.0.113.7\n');
    expect(ok(await kops(['get', 'cluster', cluster, '-o', 'yaml'], { env })).stdout).toMatch(/cloudProvider: gce/);
    // The control plane writes etcd backups to (and reads) the state-store bucket.
    expect(gcs.policies.get('kops-state')?.bindings).toContainEqual({ role: 'roles/storage.objectAdmin', members: ['serviceAccount:control-plane-sa-k8s-local@p1.iam.gserviceaccount.com'] });
    const templates = [...compute.resources.values()].filter((r) => String(r.selfLink ?? '').includes('/instanceTemplates/'));
    expect(templates.map((t) => ((t.properties as { serviceAccounts: { email: string }[] }).serviceAccounts[0].email)).sort()).toEqual(accounts.sort());

    const before = compute.requests.length;
    const again = ok(await kops(['update', 'cluster', cluster], { env }));
    expect(again.stdout).not.toMatch(/Will create|Will modify|Must specify --yes/);
    expect(mutating(compute.requests.slice(before)).filter((r) => !r.endsWith(':getIamPolicy'))).toEqual([]);

    const deleted = ok(await kops(['delete', 'cluster', cluster, '--yes'], { env }));
    expect(deleted.stdout).toMatch(/service-account/);
    expect(compute.objects()).toEqual([]);
    expect(compute.iam.policies.get('projects/p1')?.bindings).toEqual(others);
    expect(stateObjects(cluster)).toEqual([]);
  }, 300_000);

  test('update --target terraform with a gs:// store writes the state-store files as Cloud Storage objects with their access list, and changes nothing in the cloud', async () => {
    const cluster = 'tf.k8s.local';
    ok(
      await kops(
        ['create', 'cluster', '--name', cluster, '--cloud', 'gce', '--project', PROJECT, '--zones', 'europe-west4-a', '--kubernetes-version', 'v1.32.0', '--networking', 'cni', '--ssh-public-key', join(dir, 'id.pub')],
        { env },
      ),
    );
    const out = join(dir, 'tf');
    ok(await kops(['update', 'cluster', cluster, '--target', 'terraform', '--out', out], { env }));
    const tf = readFileSync(join(out, 'kubernetes.tf'), 'utf8');
    expect(tf).toContain('provider "google" {\n  alias = "files"\n}');
    expect(tf).toContain(
      'resource "google_storage_bucket_object" "cluster-completed-spec" {\n  bucket   = "kops-state"\n  name     = "tf.k8s.local/cluster-completed.spec"\n  provider = google.files\n  source   = "${path.module}/data/google_storage_bucket_object_cluster-completed.spec_content"\n}',
    );
    expect(tf).toContain(
      'resource "google_storage_object_acl" "cluster-completed-spec" {\n  bucket      = "kops-state"\n  object      = google_storage_bucket_object.cluster-completed-spec.output_name\n  provider    = google.files\n  role_entity = ["READER:user-1-compute@developer.gserviceaccount.com"]\n}',
    );
    expect(tf).toContain(
      'resource "google_storage_bucket_iam_member" "objectadmin-kops-state-serviceaccount-controlplane" {\n  bucket = "kops-state"\n  member = format("serviceAccount:%s", google_service_account.control-plane.email)\n  role   = "roles/storage.objectAdmin"\n}',
    );
    expect(tf).not.toMatch(/aws/);
    expect(readFileSync(join(out, 'data', 'google_storage_bucket_object_cluster-completed.spec_content'), 'utf8')).toMatch(/cloudProvider: gce/);
    expect(compute.objects()).toEqual([]);
  }, 300_000);
});

describe('a GCE cluster with DNS names (not gossip) in a Cloud DNS zone of the project', () => {
  test('update --yes makes the placeholder records, delete --yes removes them: the zone and the records of others stay', async () => {
    const cluster = 'dns.example.com';
    compute.dns.createZone(PROJECT, 'example-com', 'example.com.');
    const foreign = [
      { name: 'www.example.com.', type: 'A', ttl: 300, rrdatas: ['198.51.100.7'] },
      { name: 'api.other.example.com.', type: 'A', ttl: 300, rrdatas: ['198.51.100.8'] },
    ];
    compute.dns.records.get(`${PROJECT}/example-com`)!.push(...foreign.map((r) => ({ kind: 'dns#resourceRecordSet', ...r })));
    const named = () => (compute.dns.records.get(`${PROJECT}/example-com`) ?? []).filter((r) => r.type !== 'NS' && r.type !== 'SOA').map((r) => `${r.name} ${r.type} ${r.rrdatas.join(',')}`);
    ok(
      await kops(
        ['create', 'cluster', '--name', cluster, '--cloud', 'gce', '--project', PROJECT, '--zones', 'europe-west4-a', '--kubernetes-version', 'v1.32.0', '--networking', 'cni', '--gce-service-account', 'default', '--dns', 'public', '--ssh-public-key', join(dir, 'id.pub')],
        { env },
      ),
    );
    // This machine has no resolver to find example.com's name servers: kops's documented way past its NS check.
    ok(await kops(['update', 'cluster', cluster, '--yes'], { env: { ...env, DNS_IGNORE_NS_CHECK: '1' } }));
    expect(named().sort()).toEqual(
      [
        'api.dns.example.com. A 203.0.113.123',
        'api.internal.dns.example.com. A 203.0.113.123',
        'kops-controller.internal.dns.example.com. A 203.0.113.123',
        'api.other.example.com. A 198.51.100.8',
        'www.example.com. A 198.51.100.7',
      ].sort(),
    );

    const deleted = ok(await kops(['delete', 'cluster', cluster, '--yes'], { env }));
    expect(deleted.stdout).toMatch(/dns-record/);
    expect(named().sort()).toEqual(['api.other.example.com. A 198.51.100.8', 'www.example.com. A 198.51.100.7']);
    expect([...compute.dns.zones.keys()]).toEqual([`${PROJECT}/example-com`]);
    expect(compute.objects()).toEqual([]);
    expect(stateObjects(cluster)).toEqual([]);
  }, 300_000);
});
