import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import compute from '@google-cloud/compute';
import { computeClientOptions } from '../../../src/cloud/gce/clients.js';
import { startComputeFake, type ComputeFake } from '../../helpers/compute-fake.js';
import { writeServiceAccountKey } from '../../helpers/gce-credentials.js';

const P = 'fake-project';
let fake: ComputeFake;
let options: ReturnType<typeof computeClientOptions>;

beforeAll(async () => {
  fake = await startComputeFake({ projects: [P] });
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', writeServiceAccountKey(P));
  options = computeClientOptions({ KOPS_GCE_ENDPOINT: fake.endpoint });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake?.stop();
});

const status = (err: unknown) => (err as { code?: number }).code;
const reason = (err: unknown) => JSON.stringify((err as { message?: string }).message);

async function raw(method: string, path: string, body?: unknown): Promise<{ status: number; json: { error?: { errors: { reason: string }[] } } }> {
  const res = await fetch(fake.endpoint + path, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: res.status, json: (await res.json()) as never };
}

describe('the Compute Engine REST fake, through the official client', () => {
  test('a project given at start exists with its default compute account, and is not one of the objects made', async () => {
    const [project] = await new compute.ProjectsClient(options).get({ project: P });
    expect(project.defaultServiceAccount).toBe('1-compute@developer.gserviceaccount.com');
    expect(fake.objects()).not.toContain(`/compute/v1/projects/${P}`);
    await expect(new compute.ProjectsClient(options).get({ project: 'other' })).rejects.toSatisfy((err) => status(err) === 404);
  });

  test('insert returns a finished operation, stores the resource at its URL path; a second insert is 409; delete, then 404', async () => {
    const networks = new compute.NetworksClient(options);
    const [op] = await networks.insert({ project: P, networkResource: { name: 'net-a', autoCreateSubnetworks: false } });
    expect(op.latestResponse).toMatchObject({ status: 'DONE', operationType: 'insert' });
    const path = `/compute/v1/projects/${P}/global/networks/net-a`;
    expect(fake.resources.get(path)).toMatchObject({ name: 'net-a', autoCreateSubnetworks: false, selfLink: fake.endpoint + path });
    const [got] = await networks.get({ project: P, network: 'net-a' });
    expect(got.selfLink).toBe(fake.endpoint + path);
    expect(got.id).toMatch(/^\d+$/);

    const again = await networks.insert({ project: P, networkResource: { name: 'net-a' } }).catch((e: unknown) => e);
    expect(status(again)).toBe(409);
    expect(reason(again)).toMatch(/already exists/);

    const [gone] = await networks.delete({ project: P, network: 'net-a' });
    const [waited] = await new compute.GlobalOperationsClient(options).wait({ project: P, operation: String((gone.latestResponse as { name: string }).name) });
    expect(waited).toMatchObject({ status: 'DONE', operationType: 'delete', targetLink: fake.endpoint + path });
    expect(status(await networks.get({ project: P, network: 'net-a' }).catch((e: unknown) => e))).toBe(404);
    expect(status(await networks.delete({ project: P, network: 'net-a' }).catch((e: unknown) => e))).toBe(404);
  });

  test('a body field the method\'s message does not declare, or of the wrong type, is rejected with 400 and nothing is stored', async () => {
    const unknown = await raw('POST', `/compute/v1/projects/${P}/global/networks`, { name: 'net-b', autoCreateSubnetwork: false });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error?.errors[0].reason).toBe('invalid');
    const nested = await raw('POST', `/compute/v1/projects/${P}/global/firewalls`, { name: 'fw-b', allowed: [{ IPProtocol: 'tcp', port: ['22'] }] });
    expect(nested.status).toBe(400);
    const wrongType = await raw('POST', `/compute/v1/projects/${P}/global/networks`, { name: 'net-b', autoCreateSubnetworks: 'no' });
    expect(wrongType.status).toBe(400);
    const badName = await raw('POST', `/compute/v1/projects/${P}/global/networks`, { name: 'Net_B' });
    expect(badName.status).toBe(400);
    const unknownQuery = await raw('GET', `/compute/v1/projects/${P}/global/networks?pageSize=3`);
    expect(unknownQuery.status).toBe(400);
    expect(fake.objects().filter((p) => p.includes('net-b') || p.includes('fw-b'))).toEqual([]);
  });

  test('a path no method serves is 404, a method the fake does not implement is 501', async () => {
    expect((await raw('GET', `/compute/v1/projects/${P}/global/nothings/x`)).status).toBe(404);
    expect((await raw('POST', `/compute/v1/projects/${P}/global/networks/x/switchToCustomMode`)).status).toBe(501);
  });

  test('lists follow filters (=, !=, eq regex, labels, AND) and pages', async () => {
    const disks = new compute.DisksClient(options);
    for (const [name, role] of [['d-1', 'etcd'], ['d-2', 'etcd'], ['d-3', 'etcd'], ['x-4', 'other']]) {
      await disks.insert({ project: P, zone: 'europe-west4-a', diskResource: { name, sizeGb: '10', labels: { role } } });
    }
    const names = async (filter?: string) => {
      const out: string[] = [];
      for await (const d of disks.listAsync({ project: P, zone: 'europe-west4-a', filter, maxResults: 2 })) out.push(d.name!);
      return out;
    };
    const before = fake.requests.length;
    expect(await names()).toEqual(['d-1', 'd-2', 'd-3', 'x-4']);
    expect(fake.requests.slice(before).filter((r) => r.startsWith('GET'))).toHaveLength(2);
    expect(await names('labels.role = "etcd"')).toEqual(['d-1', 'd-2', 'd-3']);
    expect(await names('name eq "d-[12]"')).toEqual(['d-1', 'd-2']);
    expect(await names('(labels.role = "etcd") (name != "d-2")')).toEqual(['d-1', 'd-3']);
    expect(await names('labels.role = etcd AND name ne "d-.*"')).toEqual([]);
    expect(status(await names('name ~ x').catch((e: unknown) => e))).toBe(400);
    expect((await disks.list({ project: P, zone: 'europe-west4-b' }))[0]).toEqual([]);

    const aggregated: string[] = [];
    await disks.insert({ project: P, zone: 'europe-west4-b', diskResource: { name: 'd-9', sizeGb: '10', labels: { role: 'etcd' } } });
    for await (const [scope, list] of disks.aggregatedListAsync({ project: P, filter: 'labels.role = "etcd"' })) {
      for (const d of list.disks ?? []) aggregated.push(`${scope}/${d.name}`);
    }
    expect(aggregated.sort()).toEqual(['zones/europe-west4-a/d-1', 'zones/europe-west4-a/d-2', 'zones/europe-west4-a/d-3', 'zones/europe-west4-b/d-9']);
  });

  test('links are stored as full URLs, and a resource another links to cannot be deleted until that one is gone', async () => {
    const networks = new compute.NetworksClient(options);
    const subnetworks = new compute.SubnetworksClient(options);
    await networks.insert({ project: P, networkResource: { name: 'net-c', autoCreateSubnetworks: false } });
    await subnetworks.insert({ project: P, region: 'europe-west4', subnetworkResource: { name: 'sub-c', network: `projects/${P}/global/networks/net-c`, ipCidrRange: '10.0.0.0/20' } });
    const [sub] = await subnetworks.get({ project: P, region: 'europe-west4', subnetwork: 'sub-c' });
    expect(sub.network).toBe(`${fake.endpoint}/compute/v1/projects/${P}/global/networks/net-c`);
    expect(sub.region).toBe(`${fake.endpoint}/compute/v1/projects/${P}/regions/europe-west4`);
    const refused = await networks.delete({ project: P, network: 'net-c' }).catch((e: unknown) => e);
    expect(status(refused)).toBe(400);
    expect(reason(refused)).toMatch(/already being used by 'projects\/fake-project\/regions\/europe-west4\/subnetworks\/sub-c'/);
    await subnetworks.delete({ project: P, region: 'europe-west4', subnetwork: 'sub-c' });
    await networks.delete({ project: P, network: 'net-c' });
    expect(fake.objects().filter((p) => p.includes('-c'))).toEqual([]);
  });

  test('patch merges top-level fields, set methods merge what the resource declares', async () => {
    const managers = new compute.InstanceGroupManagersClient(options);
    const zone = 'europe-west4-a';
    await new compute.InstanceTemplatesClient(options).insert({ project: P, instanceTemplateResource: { name: 't-1', properties: { machineType: 'e2-small' } } });
    await managers.insert({ project: P, zone, instanceGroupManagerResource: { name: 'igm-a', baseInstanceName: 'a', targetSize: 1, instanceTemplate: `projects/${P}/global/instanceTemplates/t-1` } });
    await managers.patch({ project: P, zone, instanceGroupManager: 'igm-a', instanceGroupManagerResource: { targetSize: 3 } });
    await managers.setTargetPools({ project: P, zone, instanceGroupManager: 'igm-a', instanceGroupManagersSetTargetPoolsRequestResource: { targetPools: [`projects/${P}/regions/europe-west4/targetPools/tp`] } });
    const [got] = await managers.get({ project: P, zone, instanceGroupManager: 'igm-a' });
    expect(got).toMatchObject({ name: 'igm-a', baseInstanceName: 'a', targetSize: 3, targetPools: [`${fake.endpoint}/compute/v1/projects/${P}/regions/europe-west4/targetPools/tp`] });
  });

  test('a managed instance group runs targetSize instances from its template, lists each with the template it was made from, resizes, recreates, deletes, and takes its instances along when deleted', async () => {
    const zone = 'europe-west4-b';
    const managers = new compute.InstanceGroupManagersClient(options);
    const instances = new compute.InstancesClient(options);
    const templates = new compute.InstanceTemplatesClient(options);
    await new compute.NetworksClient(options).insert({ project: P, networkResource: { name: 'net-g', autoCreateSubnetworks: false } });
    await new compute.SubnetworksClient(options).insert({ project: P, region: 'europe-west4', subnetworkResource: { name: 'sub-g', network: `projects/${P}/global/networks/net-g`, ipCidrRange: '10.9.0.0/20' } });
    const properties = (machineType: string) => ({
      machineType,
      labels: { role: 'node' },
      metadata: { items: [{ key: 'cluster-name', value: 'g' }] },
      networkInterfaces: [{ network: `projects/${P}/global/networks/net-g`, subnetwork: `projects/${P}/regions/europe-west4/subnetworks/sub-g`, accessConfigs: [{ name: 'external-nat', type: 'ONE_TO_ONE_NAT' }] }],
    });
    await templates.insert({ project: P, instanceTemplateResource: { name: 'tg-1', properties: properties('e2-small') } });
    await templates.insert({ project: P, instanceTemplateResource: { name: 'tg-2', properties: properties('e2-medium') } });
    const link = (t: string) => `${fake.endpoint}/compute/v1/projects/${P}/global/instanceTemplates/${t}`;

    const missing = await managers.insert({ project: P, zone, instanceGroupManagerResource: { name: 'igm-x', baseInstanceName: 'x', targetSize: 1, versions: [{ instanceTemplate: `projects/${P}/global/instanceTemplates/none` }] } }).catch((e: unknown) => e);
    expect(status(missing)).toBe(404);
    expect(fake.objects().filter((p) => p.includes('igm-x'))).toEqual([]);

    await managers.insert({ project: P, zone, instanceGroupManagerResource: { name: 'igm-g', baseInstanceName: 'g', targetSize: 2, versions: [{ instanceTemplate: `projects/${P}/global/instanceTemplates/tg-1` }] } });
    const managed = async () => {
      const out: { name: string; template: string; id: string }[] = [];
      for await (const m of managers.listManagedInstancesAsync({ project: P, zone, instanceGroupManager: 'igm-g', maxResults: 1 })) out.push({ name: m.name!, template: m.version!.instanceTemplate!, id: String(m.id) });
      return out;
    };
    const first = await managed();
    expect(first.map((m) => m.template)).toEqual([link('tg-1'), link('tg-1')]);
    expect(first.every((m) => /^g-[a-z0-9]{4}$/.test(m.name))).toBe(true);
    const [one] = await instances.get({ project: P, zone, instance: first[0].name });
    expect(one).toMatchObject({ status: 'RUNNING', machineType: `${fake.endpoint}/compute/v1/projects/${P}/zones/${zone}/machineTypes/e2-small`, labels: { role: 'node' } });
    expect(one.networkInterfaces![0].networkIP).toMatch(/^10\.9\.0\.\d+$/);
    expect(one.networkInterfaces![0].accessConfigs![0].natIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const [igm] = await managers.get({ project: P, zone, instanceGroupManager: 'igm-g' });
    expect(igm.instanceTemplate).toBe(link('tg-1'));

    // A new template is for new and recreated instances; the others keep the one they were made from.
    await managers.patch({ project: P, zone, instanceGroupManager: 'igm-g', instanceGroupManagerResource: { versions: [{ instanceTemplate: `projects/${P}/global/instanceTemplates/tg-2` }] } });
    expect((await managed()).map((m) => m.template)).toEqual([link('tg-1'), link('tg-1')]);
    await managers.recreateInstances({ project: P, zone, instanceGroupManager: 'igm-g', instanceGroupManagersRecreateInstancesRequestResource: { instances: [`zones/${zone}/instances/${first[1].name}`] } });
    const recreated = await managed();
    expect(recreated.map((m) => [m.name, m.template])).toEqual([[first[0].name, link('tg-1')], [first[1].name, link('tg-2')]]);
    expect(recreated[1].id).not.toBe(first[1].id);
    const unknown = await managers.recreateInstances({ project: P, zone, instanceGroupManager: 'igm-g', instanceGroupManagersRecreateInstancesRequestResource: { instances: [`zones/${zone}/instances/nothing`] } }).catch((e: unknown) => e);
    expect(status(unknown)).toBe(404);

    await managers.resize({ project: P, zone, instanceGroupManager: 'igm-g', size: 3 });
    const three = await managed();
    expect(three).toHaveLength(3);
    expect(three.filter((m) => m.template === link('tg-2'))).toHaveLength(2);

    await managers.deleteInstances({ project: P, zone, instanceGroupManager: 'igm-g', instanceGroupManagersDeleteInstancesRequestResource: { instances: [one.selfLink!] } });
    expect((await managed()).map((m) => m.name)).not.toContain(one.name);
    expect((await managers.get({ project: P, zone, instanceGroupManager: 'igm-g' }))[0].targetSize).toBe(2);
    expect(status(await instances.get({ project: P, zone, instance: one.name! }).catch((e: unknown) => e))).toBe(404);

    await managers.resize({ project: P, zone, instanceGroupManager: 'igm-g', size: 1 });
    expect(await managed()).toHaveLength(1);
    await managers.delete({ project: P, zone, instanceGroupManager: 'igm-g' });
    expect(fake.objects().filter((p) => /\/(instances\/g-|instanceGroupManagers\/igm-g)/.test(p))).toEqual([]);
  });
});
