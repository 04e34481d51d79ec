import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { gceCloud, type GceCloud } from '../../../src/cloud/gce/cloud.js';
import type { GceLocation, Json } from '../../../src/cloud/gce/compute.js';
import { instanceGroupManagerName } from '../../../src/cloud/gce/names.js';
import { startComputeFake, type ComputeFake } from '../../helpers/compute-fake.js';
import { writeServiceAccountKey } from '../../helpers/gce-credentials.js';

const P = 'p1';
const ZONE = 'europe-west4-a';
const CLUSTER = 'c.k8s.local';
let fake: ComputeFake;
let cloud: GceCloud;

const template = (name: string): GceLocation => ({ collection: 'instanceTemplates', where: '', name });
const manager = (name: string): GceLocation => ({ collection: 'instanceGroupManagers', where: ZONE, name });
const templateLink = (name: string) => `projects/${P}/global/instanceTemplates/${name}`;

function properties(clusterName: string, role: string, machineType: string): Json {
  const labels: Record<string, string> = { [`k8s-io-role-${role}`]: role };
  if (role === 'control-plane') labels['k8s-io-role-master'] = 'master';
  return {
    machineType,
    labels,
    metadata: { items: [{ key: 'cluster-name', value: clusterName }] },
    networkInterfaces: [{ network: `projects/${P}/global/networks/c-k8s-local`, subnetwork: `projects/${P}/regions/europe-west4/subnetworks/europe-west4-c-k8s-local`, accessConfigs: [{ name: 'external-nat', type: 'ONE_TO_ONE_NAT' }] }],
  };
}

async function group(name: string, templateName: string, size: number): Promise<void> {
  await cloud.compute.insert(manager(name), { baseInstanceName: name.slice(0, 20), targetSize: size, versions: [{ instanceTemplate: templateLink(templateName) }] });
}

beforeAll(async () => {
  fake = await startComputeFake();
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', writeServiceAccountKey(P));
  cloud = gceCloud({ project: P, region: 'europe-west4', env: { KOPS_GCE_ENDPOINT: fake.endpoint, GOOGLE_APPLICATION_CREDENTIALS: process.env.GOOGLE_APPLICATION_CREDENTIALS } });
  const api = cloud.compute;
  await api.insert({ collection: 'networks', where: '', name: 'c-k8s-local' }, { autoCreateSubnetworks: false });
  await api.insert({ collection: 'subnetworks', where: 'europe-west4', name: 'europe-west4-c-k8s-local' }, { network: `projects/${P}/global/networks/c-k8s-local`, ipCidrRange: '10.0.16.0/20' });
  await api.insert({ collection: 'subnetworks', where: 'europe-west4', name: 'shared-elsewhere' }, { network: `projects/${P}/global/networks/c-k8s-local`, ipCidrRange: '10.0.32.0/20' });
  await api.insert(template('nodes-1'), { properties: properties(CLUSTER, 'node', 'e2-medium') });
  await api.insert(template('nodes-2'), { properties: properties(CLUSTER, 'node', 'e2-standard-4') });
  await api.insert(template('cp-1'), { properties: properties(CLUSTER, 'control-plane', 'e2-standard-2') });
  await api.insert(template('other-1'), { properties: properties('other.k8s.local', 'node', 'e2-medium') });
  await group(instanceGroupManagerName(CLUSTER, 'nodes', ZONE), 'nodes-1', 2);
  await group(instanceGroupManagerName(CLUSTER, 'control-plane', ZONE), 'cp-1', 1);
  // Runs the cluster's template, but under a name no instance group of the cluster has.
  await group('a-retired-c-k8s-local', 'nodes-1', 1);
  await group(instanceGroupManagerName('other.k8s.local', 'nodes', ZONE), 'other-1', 1);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake?.stop();
});

const list = () => cloud.instanceGroups.list(CLUSTER, ['control-plane', 'nodes']);

describe('GCE instance groups on the Compute Engine fake', () => {
  test('the cluster\'s managed instance groups, matched to its instance groups by kops\'s names, with their instances up to date', async () => {
    const groups = await list();
    expect(groups.map((g) => [g.instanceGroup, g.cloudName, g.zone, g.minSize, g.desiredCapacity, g.maxSize, g.instances.length])).toEqual([
      ['control-plane', 'a-control-plane-c-k8s-local', ZONE, 1, 1, 1, 1],
      ['nodes', 'a-nodes-c-k8s-local', ZONE, 2, 2, 2, 2],
    ]);
    const [cp, nodes] = groups;
    expect(nodes.currentVersion).toBe(templateLink('nodes-1'));
    const name = nodes.instances[0].id.split('/').pop();
    expect(nodes.instances[0]).toMatchObject({
      id: `${fake.endpoint}/compute/v1/projects/${P}/zones/${ZONE}/instances/${name}`,
      providerId: `gce://${P}/${ZONE}/${name}`,
      name,
      state: 'RUNNING',
      upToDate: true,
      launchTemplateVersion: templateLink('nodes-1'),
      machineType: 'e2-medium',
      zone: ZONE,
      roles: ['node'],
    });
    expect(nodes.instances[0].privateIp).toMatch(/^10\.0\.(1[6-9]|2\d|3[01])\.\d+$/);
    expect(nodes.instances[0].publicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(cp.instances[0].roles).toEqual(['control-plane']);
  });

  test('a group moved to a new template: its instances need updating until recreated; an instance no longer there counts as terminated', async () => {
    await cloud.compute.patch(manager('a-nodes-c-k8s-local'), { versions: [{ instanceTemplate: templateLink('nodes-2') }] });
    const nodes = (await list()).find((g) => g.instanceGroup === 'nodes')!;
    expect(nodes.currentVersion).toBe(templateLink('nodes-2'));
    expect(nodes.instances.map((i) => i.upToDate)).toEqual([false, false]);

    const [first] = nodes.instances;
    await cloud.instanceGroups.terminate(first.id, nodes);
    const after = (await list()).find((g) => g.instanceGroup === 'nodes')!;
    const recreated = after.instances.find((i) => i.id === first.id)!;
    expect(recreated).toMatchObject({ upToDate: true, machineType: 'e2-standard-4' });
    expect(after.instances.filter((i) => !i.upToDate)).toHaveLength(1);

    await cloud.instanceGroups.terminate(`projects/${P}/zones/${ZONE}/instances/long-gone`);
  });

  test('detaching is refused as the Go kops refuses it (no surge on GCE); resizing sets the target size', async () => {
    const nodes = (await list()).find((g) => g.instanceGroup === 'nodes')!;
    await expect(cloud.instanceGroups.detach(nodes, nodes.instances[0].id)).rejects.toThrow(/gce cloud provider does not support surging/);
    await cloud.instanceGroups.setDesiredCapacity(nodes, 3);
    const grown = (await list()).find((g) => g.instanceGroup === 'nodes')!;
    expect([grown.desiredCapacity, grown.instances.length]).toEqual([3, 3]);
  });

  test('the cluster network for toolbox dump: its network and the subnetworks its templates use', async () => {
    expect(await cloud.clusterNetwork(CLUSTER)).toEqual({ vpc: { id: 'c-k8s-local' }, subnets: [{ id: 'europe-west4-c-k8s-local', zone: '' }] });
  });

  test('deleting a group takes its instances, the manager and its current template', async () => {
    const nodes = (await list()).find((g) => g.instanceGroup === 'nodes')!;
    await cloud.instanceGroups.deleteGroup!(nodes);
    expect((await list()).map((g) => g.instanceGroup)).toEqual(['control-plane']);
    expect(await cloud.compute.get(manager('a-nodes-c-k8s-local'))).toBeUndefined();
    expect(await cloud.compute.get(template('nodes-2'))).toBeUndefined();
    const left = fake.objects().filter((p) => p.includes('/instances/'));
    expect(left).toHaveLength(3);
  });
});
