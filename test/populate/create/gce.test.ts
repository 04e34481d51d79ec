import { describe, expect, test } from 'vitest';
import type { GceLookup } from '../../../src/cloud/gce/lookup.js';
import { embeddedChannel } from '../../../src/populate/channel.js';
import { createClusterSpec, defaultCreateClusterOptions, type CreateClusterOptions } from '../../../src/populate/create/index.js';
import { fixtureAwsWorld } from '../../conformance/fixtures/aws-world.js';

function gceWorld(used: Record<string, string[]>, project = ''): GceLookup & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    defaultProject: async () => project,
    usedRanges: async (p, network) => {
      asked.push(`${p}/${network}`);
      return used[`${p}/${network}`] ?? [];
    },
    dnsZones: async () => [],
  };
}

function create(o: Partial<CreateClusterOptions>, gceLookup: GceLookup) {
  const options = { ...defaultCreateClusterOptions(), clusterName: 'g.example.com', cloudProvider: 'gce', zones: ['europe-west4-a'], kubernetesVersion: 'v1.32.0', networking: 'cni', ...o };
  return createClusterSpec(options, { lookup: fixtureAwsWorld({ forCreateCluster: true }), gceLookup, channel: embeddedChannel('stable')!, stateStore: 'memfs://tests', kopsVersion: '1.37.0' });
}

describe('create cluster on GCE', () => {
  test('one regional subnet for zones of one region; the first free /20 after 10.0.0.0/20 that the network does not use', async () => {
    const world = gceWorld({ 'p1/g-example-com': ['10.0.16.0/20', '10.0.40.0/21'] });
    const { cluster, instanceGroups } = await create({ project: 'p1', zones: ['europe-west4-a', 'europe-west4-b'] }, world);
    expect(world.asked).toEqual(['p1/g-example-com']);
    expect(cluster.spec.subnets).toEqual([{ name: 'europe-west4', region: 'europe-west4', type: 'Public', cidr: '10.0.48.0/20' }]);
    expect(cluster.spec.networkCIDR).toBeUndefined();
    expect(instanceGroups.map((ig) => [ig.metadata.name, ig.spec.zones, ig.spec.machineType])).toEqual([
      ['control-plane-europe-west4-a', ['europe-west4-a'], 'e2-medium'],
      ['nodes-europe-west4-a', ['europe-west4-a'], 'e2-medium'],
      ['nodes-europe-west4-b', ['europe-west4-b'], 'e2-medium'],
    ]);
    expect(cluster.spec.etcdClusters![0].etcdMembers).toEqual([{ name: 'a', instanceGroup: 'control-plane-europe-west4-a' }]);
  });

  test('IP aliases (--networking gce) take pod, service and node ranges from 10.0.0.0/8 and mask nothing inside it', async () => {
    const { cluster } = await create({ project: 'p1', networking: 'gce' }, gceWorld({}));
    expect(cluster.spec.networking).toEqual({ gce: {} });
    expect([cluster.spec.podCIDR, cluster.spec.serviceClusterIPRange, cluster.spec.subnets![0].cidr, cluster.spec.nonMasqueradeCIDR]).toEqual([
      '10.4.0.0/14',
      '10.1.0.0/16',
      '10.0.32.0/19',
      '10.0.0.0/8',
    ]);
  });

  test('the project comes from --project, else from the configured default; none at all is an error naming --project', async () => {
    expect((await create({}, gceWorld({}, 'configured'))).cluster.spec.project).toBe('configured');
    await expect(create({}, gceWorld({}))).rejects.toThrow(/--project/);
  });

  test('network CIDRs, which GCE does not take, stop the command naming the field', async () => {
    await expect(create({ project: 'p1', networkCIDRs: ['10.0.0.0/16', '10.1.0.0/16'] }, gceWorld({}))).rejects.toThrow(
      'Cluster "g.example.com": spec.networkCIDR is forbidden: gce doesn\'t support networkCIDR (GCE subnetworks carry their own ranges)\nCluster "g.example.com": spec.additionalNetworkCIDRs is forbidden',
    );
  });

  test('a shared network is read for used ranges under its own project', async () => {
    const world = gceWorld({});
    await create({ project: 'p1', networkID: 'host/shared-net' }, world);
    expect(world.asked).toEqual(['host/shared-net']);
  });
});
