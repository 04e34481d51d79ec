import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { gceCloud } from '../../../src/cloud/gce/cloud.js';
import { GceDisk, GceFirewall, GceHttpHealthCheck, GceInstanceGroupManager, GceInstanceTemplate, GceNetwork, GceRouter, GceRouterNat, GceSubnetwork, GceTargetPool } from '../../../src/cloud/gce/resources/index.js';
import type { GceInstanceTemplateSpec } from '../../../src/cloud/gce/resources/instance-template.js';
import { runTasks } from '../../../src/engine/run.js';
import { ref, type Task } from '../../../src/engine/task.js';
import { startComputeFake, type ComputeFake } from '../../helpers/compute-fake.js';
import { writeServiceAccountKey } from '../../helpers/gce-credentials.js';

const P = 'p1';
let fake: ComputeFake;
const provider = () => gceCloud({ project: P, region: 'europe-west4', env: { KOPS_GCE_ENDPOINT: fake.endpoint, GOOGLE_APPLICATION_CREDENTIALS: process.env.GOOGLE_APPLICATION_CREDENTIALS } }).direct();

beforeAll(async () => {
  fake = await startComputeFake();
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', writeServiceAccountKey(P));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake?.stop();
});

function tasks(change: { sourceRanges?: string[]; machineType?: string; diskLabel?: string } = {}): Task[] {
  const network = GceNetwork.task('n', { name: 'n', autoCreateSubnetworks: false });
  const subnet = GceSubnetwork.task('s', { name: 's', network: ref(network, 'name'), region: 'europe-west4', ipCidrRange: '10.0.16.0/20' });
  const firewall = GceFirewall.task('fw', { name: 'fw', network: ref(network, 'name'), allow: [{ protocol: 'tcp', ports: ['22'] }], sourceRanges: change.sourceRanges ?? ['0.0.0.0/0'], targetTags: ['n-node'], disabled: false });
  const disk = GceDisk.task('d', { name: 'd', zone: 'europe-west4-a', type: 'pd-ssd', sizeGb: 20, labels: { 'k8s-io-cluster-name': 'c', role: change.diskLabel ?? 'main' } });
  const template: GceInstanceTemplateSpec = {
    name: 'nodes',
    namePrefix: 'nodes-c-',
    canIpForward: true,
    machineType: change.machineType ?? 'e2-medium',
    disks: [{ autoDelete: true, boot: true, deviceName: 'persistent-disks-0', diskName: '', diskSizeGb: 128, diskType: 'pd-standard', interface: '', mode: 'READ_WRITE', provisionedIops: 0, provisionedThroughput: 0, source: '', sourceImage: 'https://www.googleapis.com/compute/v1/projects/ubuntu-os-cloud/global/images/ubuntu', type: 'PERSISTENT' }],
    labels: { 'k8s-io-cluster-name': 'c' },
    metadata: { 'cluster-name': 'c', 'user-data': '#!/bin/bash\necho hi\n' },
    networkInterfaces: [{ network: ref(network, 'name'), subnetwork: ref(subnet, 'name'), stackType: 'IPV4_ONLY', accessConfigs: [{}] }],
    scheduling: { automaticRestart: true, onHostMaintenance: 'MIGRATE', preemptible: false, provisioningModel: 'STANDARD' },
    serviceAccounts: [{ email: 'default', scopes: ['https://www.googleapis.com/auth/compute'] }],
    tags: ['n-node'],
  };
  const tmpl = GceInstanceTemplate.task('nodes', template);
  const igm = GceInstanceGroupManager.task('a-nodes', {
    name: 'a-nodes',
    zone: 'europe-west4-a',
    baseInstanceName: 'nodes',
    targetSize: 2,
    version: { instanceTemplate: ref(tmpl, 'self_link') },
    listManagedInstancesResults: 'PAGINATED',
    updatePolicy: { minimalAction: 'REPLACE', type: 'OPPORTUNISTIC' },
  });
  return [network, subnet, firewall, disk, tmpl, igm];
}

const run = (list: Task[], apply: boolean) => runTasks(list, { provider: provider(), apply, retryDelay: () => 1 });
const actions = (r: Awaited<ReturnType<typeof run>>) => Object.fromEntries(r.outcomes.map((o) => [o.task.name, o.action === 'update' ? `update ${o.changes.map((c) => c.field).join(',')}` : o.action]));
const mutating = (from: number) => fake.requests.slice(from).filter((r) => !r.startsWith('GET ') && !r.endsWith('/wait'));

describe('GCE resource types through the engine, against the Compute Engine REST fake', () => {
  test('created, then found unchanged; a change is made in place where GCE allows it, a template change is a new template the group moves to, the old one deleted', async () => {
    const created = await run(tasks(), true);
    expect(created.failed).toEqual([]);
    expect(Object.values(actions(created))).toEqual(Array(6).fill('create'));

    let mark = fake.requests.length;
    const again = await run(tasks(), true);
    expect(Object.values(actions(again))).toEqual(Array(6).fill('none'));
    expect(mutating(mark)).toEqual([]);

    mark = fake.requests.length;
    const changed = tasks({ sourceRanges: ['10.0.0.0/8'], machineType: 'e2-standard-2', diskLabel: 'events' });
    const plan = await run(changed, false);
    expect(actions(plan)).toMatchObject({ fw: 'update sourceRanges', d: 'update labels', nodes: 'create', 'a-nodes': 'update version' });
    const moving = plan.outcomes.find((o) => o.task.name === 'a-nodes')!.changes[0];
    expect(String((moving.old as { instanceTemplate: string }).instanceTemplate)).toMatch(/\/instanceTemplates\/nodes-c-[0-9a-f]{12}$/);
    expect(String((moving.new as { instanceTemplate: unknown }).instanceTemplate)).toBe('name:nodes');
    expect(mutating(mark)).toEqual([]);
    const oldTemplate = fake.objects().filter((p) => p.includes('/instanceTemplates/'));

    mark = fake.requests.length;
    const applied = await run(changed, true);
    expect(applied.failed).toEqual([]);
    expect(actions(applied)).toMatchObject({ fw: 'update sourceRanges', d: 'update labels', nodes: 'create', 'a-nodes': 'update version' });
    expect(mutating(mark).map((r) => r.replace(/\/compute\/v1\/projects\/p1\//, ''))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^PUT global\/firewalls\/fw$/), expect.stringMatching(/^POST zones\/europe-west4-a\/disks\/d\/setLabels$/), expect.stringMatching(/^POST global\/instanceTemplates$/), expect.stringMatching(/^PATCH zones\/europe-west4-a\/instanceGroupManagers\/a-nodes$/)]),
    );
    const templates = fake.objects().filter((p) => p.includes('/instanceTemplates/'));
    expect(templates).toHaveLength(1);
    expect(templates).not.toEqual(oldTemplate);
    const manager = fake.resources.get('/compute/v1/projects/p1/zones/europe-west4-a/instanceGroupManagers/a-nodes')!;
    const template = String((manager.versions as { instanceTemplate: string }[])[0].instanceTemplate);
    expect(template).toMatch(/\/instanceTemplates\/nodes-c-[0-9a-f]{12}$/);
    expect(fake.resources.get(template.replace(fake.endpoint, ''))).toMatchObject({ properties: { machineType: 'e2-standard-2' } });
    expect(fake.resources.get('/compute/v1/projects/p1/global/firewalls/fw')).toMatchObject({ sourceRanges: ['10.0.0.0/8'] });

    const settled = await run(changed, false);
    expect(Object.values(actions(settled))).toEqual(Array(6).fill('none'));
  });

  test('a change GCE cannot make in place is refused, naming the field', async () => {
    const list = tasks();
    const disk = list.find((t) => t.name === 'd')!;
    disk.spec = { ...disk.spec, type: 'pd-standard' };
    const result = await run(list, true);
    expect(result.failed.map((o) => [o.task.name, o.error])).toEqual([['d', 'cannot change in place: type']]);
  });

  test('a shared network and subnetwork (spec.networkID, spec.subnets[].id) are found and never written; a missing shared subnetwork stops the apply naming it', async () => {
    const owned = GceNetwork.task('host-net', { name: 'host-net', autoCreateSubnetworks: false });
    expect((await run([owned, GceSubnetwork.task('host-sub', { name: 'host-sub', network: ref(owned, 'name'), region: 'europe-west4', ipCidrRange: '10.8.0.0/20' })], true)).failed).toEqual([]);

    const usingShared = (subnet: string) => {
      const network = GceNetwork.task('host-net', { name: 'host-net' }, { shared: true });
      const sub = GceSubnetwork.task(subnet, { name: subnet, network: 'host-net', region: 'europe-west4', secondaryIpRanges: [], stackType: 'IPV4_ONLY' }, { shared: true });
      const firewall = GceFirewall.task('fw-shared', { name: 'fw-shared', network: 'host-net', allow: [{ protocol: 'tcp', ports: ['22'] }], sourceRanges: ['0.0.0.0/0'], targetTags: ['n-node'], disabled: false });
      return [network, sub, firewall];
    };
    const mark = fake.requests.length;
    const applied = await run(usingShared('host-sub'), true);
    expect(applied.failed).toEqual([]);
    expect(actions(applied)).toEqual({ 'host-net': 'none', 'host-sub': 'none', 'fw-shared': 'create' });
    expect(mutating(mark).map((r) => r.replace(/\/compute\/v1\/projects\/p1\//, ''))).toEqual(['POST global/firewalls']);
    expect(fake.resources.get('/compute/v1/projects/p1/regions/europe-west4/subnetworks/host-sub')).toMatchObject({ ipCidrRange: '10.8.0.0/20' });

    const missing = await run(usingShared('no-such-sub'), true);
    expect(missing.failed.map((o) => [o.task.name, o.error])).toEqual([['no-such-sub', 'shared Subnet no-such-sub was not found; it must exist before the cluster uses it']]);
  });

  test('a legacy HTTP health check (not served by the client) is made on its REST path, found, written back and deleted; its target pool links it', async () => {
    const checked = (port: number): Task[] => {
      const check = GceHttpHealthCheck.task('api-c', { name: 'api-c', port, requestPath: '/healthz' });
      const pool = GceTargetPool.task('api-pool', { name: 'api-c', region: 'europe-west4', healthChecks: [ref(check, 'self_link')] });
      return [check, pool];
    };
    expect((await run(checked(3990), true)).failed).toEqual([]);
    const path = '/compute/v1/projects/p1/global/httpHealthChecks/api-c';
    expect(fake.resources.get(path)).toMatchObject({ kind: 'compute#httpHealthCheck', port: 3990, requestPath: '/healthz' });
    expect(fake.resources.get('/compute/v1/projects/p1/regions/europe-west4/targetPools/api-c')).toMatchObject({ healthChecks: [fake.endpoint + path] });

    let mark = fake.requests.length;
    expect(Object.values(actions(await run(checked(3990), true)))).toEqual(['none', 'none']);
    expect(mutating(mark)).toEqual([]);

    mark = fake.requests.length;
    expect(actions(await run(checked(3991), true))).toEqual({ 'api-c': 'update port', 'api-pool': 'none' });
    expect(mutating(mark)).toEqual([`PUT ${path}`]);
    expect(fake.resources.get(path)).toMatchObject({ port: 3991 });

    const found = await run(checked(3991), false);
    const p = provider();
    for (const outcome of [...found.outcomes].reverse()) await p.ops(outcome.task.type)!.delete(p.cloud, outcome.actual!);
    expect(fake.resources.has(path)).toBe(false);
    expect((await fetch(fake.endpoint + path)).status).toBe(404);
  });

  test('Cloud NAT lives in its router: added, found unchanged, changed and removed by writing the router back', async () => {
    const nat = (ranges: string[]): Task[] => {
      const network = GceNetwork.task('n2', { name: 'n2', autoCreateSubnetworks: false });
      const subnet = GceSubnetwork.task('s2', { name: 's2', network: ref(network, 'name'), region: 'europe-west4', ipCidrRange: '10.1.0.0/20' });
      const router = GceRouter.task('nat-c', { name: 'nat-c', network: ref(network, 'name'), region: 'europe-west4' });
      const cloudNat = GceRouterNat.task('cloud-nat', {
        name: 'nat-c',
        region: 'europe-west4',
        router: ref(router, 'name'),
        natIpAllocateOption: 'AUTO_ONLY',
        sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS',
        subnetworks: [{ name: ref(subnet, 'name'), sourceIpRangesToNat: ranges }],
      });
      return [network, subnet, router, cloudNat];
    };
    expect((await run(nat(['ALL_IP_RANGES']), true)).failed).toEqual([]);
    const routerPath = '/compute/v1/projects/p1/regions/europe-west4/routers/nat-c';
    expect(fake.resources.get(routerPath)).toMatchObject({ nats: [{ name: 'nat-c', subnetworks: [{ sourceIpRangesToNat: ['ALL_IP_RANGES'] }] }] });
    expect(Object.values(actions(await run(nat(['ALL_IP_RANGES']), false)))).toEqual(Array(4).fill('none'));

    const changed = await run(nat(['PRIMARY_IP_RANGE']), true);
    expect(actions(changed)).toMatchObject({ 'nat-c': 'none', 'cloud-nat': 'update subnetworks' });
    expect(fake.resources.get(routerPath)).toMatchObject({ nats: [{ name: 'nat-c', subnetworks: [{ sourceIpRangesToNat: ['PRIMARY_IP_RANGE'] }] }] });

    const natOps = provider().ops(GceRouterNat.type)!;
    const found = (await run(nat(['PRIMARY_IP_RANGE']), false)).outcomes.find((o) => o.task.type === GceRouterNat.type)!.actual!;
    await natOps.delete(provider().cloud, found);
    expect(fake.resources.get(routerPath)).toMatchObject({ name: 'nat-c', network: expect.stringMatching(/\/networks\/n2$/) });
    expect(fake.resources.get(routerPath)?.nats ?? []).toEqual([]);
  });
});
