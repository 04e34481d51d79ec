import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { gceCloud } from '../../../src/cloud/gce/cloud.js';
import type { GceCompute, Json } from '../../../src/cloud/gce/compute.js';
import { addPolicyMember } from '../../../src/cloud/gce/iam.js';
import { deleteObjects } from '../../../src/ops/delete/delete.js';
import { deleteRules } from '../../../src/ops/delete/rules.js';
import { startComputeFake, type ComputeFake } from '../../helpers/compute-fake.js';
import { writeServiceAccountKey } from '../../helpers/gce-credentials.js';

const P = 'p1';
const REGION = 'europe-west4';
const ZONE = 'europe-west4-a';
let fake: ComputeFake;
let api: GceCompute;
const cloud = () => gceCloud({ project: P, region: REGION, env: { KOPS_GCE_ENDPOINT: fake.endpoint, GOOGLE_APPLICATION_CREDENTIALS: process.env.GOOGLE_APPLICATION_CREDENTIALS } });
const fast = { concurrency: 4, waitMs: 5_000, maxAttempts: 3, intervalMs: 10, explainAfter: 1 };

beforeAll(async () => {
  fake = await startComputeFake();
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', writeServiceAccountKey(P));
  api = cloud().compute;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake?.stop();
});

const at = (collection: Parameters<GceCompute['insert']>[0]['collection'], where: string, name: string) => ({ collection, where, name });

/** What `kops update` makes for a cluster, as names and labels: enough for discovery to tell owners apart. */
async function seedCluster(cluster: string, network: { name: string; own: boolean }): Promise<void> {
  const safe = cluster.replaceAll('.', '-');
  if (network.own) await api.insert(at('networks', '', network.name), { autoCreateSubnetworks: false });
  const subnet = `${REGION}-${safe}`;
  await api.insert(at('subnetworks', REGION, subnet), { network: `projects/${P}/global/networks/${network.name}`, ipCidrRange: '10.0.16.0/20' });
  await api.insert(at('firewalls', '', `node-to-node-${safe}`), { network: `projects/${P}/global/networks/${network.name}`, allowed: [{ IPProtocol: 'tcp' }], sourceTags: [`${safe}-k8s-io-role-node`], targetTags: [`${safe}-k8s-io-role-node`] });
  await api.insert(at('instanceTemplates', '', `nodes-${safe}-abc`), {
    properties: {
      machineType: 'e2-medium',
      metadata: { items: [{ key: 'cluster-name', value: cluster }] },
      networkInterfaces: [{ network: `projects/${P}/global/networks/${network.name}`, subnetwork: `projects/${P}/regions/${REGION}/subnetworks/${subnet}` }],
    },
  });
  await api.insert(at('instanceGroupManagers', ZONE, `a-nodes-${safe}`), { baseInstanceName: 'nodes', targetSize: 1, instanceTemplate: `projects/${P}/global/instanceTemplates/nodes-${safe}-abc` });
  await api.insert(at('disks', ZONE, `a-etcd-main-${safe}`), { sizeGb: '20', labels: { 'k8s-io-cluster-name': safe } });
  await api.insert(at('routers', REGION, `nat-${safe}`), { network: `projects/${P}/global/networks/${network.name}`, nats: [{ name: `nat-${safe}`, subnetworks: [{ name: `projects/${P}/regions/${REGION}/subnetworks/${subnet}` }] }] });
}

/** The cluster's own service accounts, the control plane's granted a project role as kops grants it. */
async function seedAccounts(cluster: string): Promise<void> {
  const safe = cluster.replaceAll('.', '-');
  for (const role of ['control-plane', 'node']) await api.iam.createServiceAccount(P, `${role}-${safe}`, { displayName: role });
  const member = `serviceAccount:control-plane-${safe}@${P}.iam.gserviceaccount.com`;
  await api.iam.modifyProjectPolicy(P, (policy) => addPolicyMember(policy, 'roles/container.serviceAgent', member));
}

const names = (objects: { type: string; name: string }[]) => objects.map((o) => `${o.type} ${o.name}`);

describe('delete cluster on GCE: what the cluster owns, and nothing else', () => {
  test('finds the cluster\'s objects users first, leaves another cluster\'s, and deletes them all', async () => {
    await seedCluster('a.example.com', { name: 'a-example-com', own: true });
    await seedCluster('b.example.com', { name: 'b-example-com', own: true });
    fake.iam.policies.set(`projects/${P}`, { version: 1, etag: 'seed', bindings: [{ role: 'roles/container.serviceAgent', members: ['user:admin@example.com'] }] });
    await seedAccounts('a.example.com');
    await seedAccounts('b.example.com');
    const discovery = cloud().discovery;
    const before = fake.requests.length;
    const found = await discovery.discover('a.example.com', { dns: false, rules: deleteRules('a.example.com') });
    expect(found.blockers).toEqual([]);
    // Each kind is listed once, whichever kinds read its listing.
    const reads = fake.requests.slice(before).map((r) => r.replace(/\?.*$/, ''));
    expect(reads.filter((r, i) => reads.indexOf(r) !== i)).toEqual([]);
    expect(names(found.objects)).toEqual([
      `project-iam-binding roles/container.serviceAgent serviceAccount:control-plane-a-example-com@${P}.iam.gserviceaccount.com`,
      'firewall-rule node-to-node-a-example-com',
      'router nat-a-example-com',
      'instance-group-manager a-nodes-a-example-com',
      'instance-template nodes-a-example-com-abc',
      'disk a-etcd-main-a-example-com',
      'subnetwork europe-west4-a-example-com',
      `service-account control-plane-a-example-com@${P}.iam.gserviceaccount.com`,
      `service-account node-a-example-com@${P}.iam.gserviceaccount.com`,
      'network a-example-com',
    ]);
    const account = found.objects.find((o) => o.type === 'service-account')!;
    expect(account.after.map((k) => k.split(':')[0]).sort()).toEqual(['instance-group-manager', 'instance-template', 'project-iam-binding']);
    const network = found.objects.find((o) => o.type === 'network')!;
    expect(network.after.map((k) => k.split(':')[0]).sort()).toEqual(['firewall-rule', 'instance-group-manager', 'instance-template', 'router', 'subnetwork']);

    const report = await deleteObjects(discovery, found.objects, fast);
    expect(report.failed).toEqual([]);
    expect(fake.objects().filter((p) => p.includes('a-example-com'))).toEqual([]);
    expect(fake.objects().filter((p) => p.includes('b-example-com'))).toHaveLength(9);
    expect(fake.iam.policies.get(`projects/${P}`)?.bindings).toEqual([
      { role: 'roles/container.serviceAgent', members: ['user:admin@example.com', `serviceAccount:control-plane-b-example-com@${P}.iam.gserviceaccount.com`] },
    ]);
  });

  test('a shared network (not named after the cluster) is never found, only the cluster\'s own objects in it', async () => {
    await api.insert(at('networks', '', 'shared-net'), { autoCreateSubnetworks: false });
    await seedCluster('c.example.com', { name: 'shared-net', own: false });
    const discovery = cloud().discovery;
    const found = await discovery.discover('c.example.com', { dns: false, rules: deleteRules('c.example.com') });
    expect(names(found.objects)).not.toContain('network shared-net');
    expect(names(found.objects)).toContain('subnetwork europe-west4-c-example-com');
    const report = await deleteObjects(discovery, found.objects, fast);
    expect(report.failed).toEqual([]);
    expect(fake.objects()).toContain(`/compute/v1/projects/${P}/global/networks/shared-net`);
  });

  test('instances and firewall rules of others in the cluster\'s network are named as blockers before anything is deleted', async () => {
    await seedCluster('d.example.com', { name: 'd-example-com', own: true });
    await api.insert(at('firewalls', '', 'debug-ssh'), { network: `projects/${P}/global/networks/d-example-com`, allowed: [{ IPProtocol: 'tcp', ports: ['22'] }], sourceRanges: ['0.0.0.0/0'] });
    const instance: Json = { machineType: 'e2-micro', networkInterfaces: [{ subnetwork: `projects/${P}/regions/${REGION}/subnetworks/${REGION}-d-example-com` }] };
    await api.insert(at('instances', ZONE, 'debug-box'), instance);
    const discovery = cloud().discovery;
    const found = await discovery.discover('d.example.com', { dns: false, rules: deleteRules('d.example.com') });
    expect(found.blockers).toEqual([
      { blocked: `network projects/${P}/global/networks/d-example-com (d-example-com)`, by: `firewall-rule projects/${P}/global/firewalls/debug-ssh`, hint: expect.stringMatching(/^delete the firewall-rule or move it out of network d-example-com/) },
      { blocked: `subnetwork projects/${P}/regions/${REGION}/subnetworks/${REGION}-d-example-com (${REGION}-d-example-com)`, by: `instance projects/${P}/zones/${ZONE}/instances/debug-box`, hint: expect.stringMatching(/^delete the instance/) },
    ]);
    expect(names(found.objects)).not.toContain('firewall-rule debug-ssh');

    // Removed anyway (as after a race), the network's refusal is explained by what still uses it.
    const report = await deleteObjects(discovery, found.objects, fast);
    expect(report.failed.map((f) => f.item.name).sort()).toEqual([`${REGION}-d-example-com`]);
    expect(report.blockers.map((b) => b.by)).toContain(`instance projects/${P}/zones/${ZONE}/instances/debug-box`);
    expect(fake.objects()).toContain(`/compute/v1/projects/${P}/global/networks/d-example-com`);
  });
});
