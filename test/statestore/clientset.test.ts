import { beforeEach, describe, expect, test } from 'vitest';
import { decodeDocuments, encodeObject } from '../../src/apis/codec.js';
import type { Cluster, InstanceGroup } from '../../src/apis/types.js';
import { ClusterStore } from '../../src/statestore/clientset.js';
import { openVfs, resetMemfs } from '../../src/statestore/index.js';

const fixedClock = () => new Date('2026-01-02T03:04:05.678Z');

function cluster(name: string, spec: Cluster['spec'] = { kubernetesVersion: '1.32.0' }): Cluster {
  return { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name }, spec };
}

function instanceGroup(name: string, role = 'Node', extra: Partial<InstanceGroup['metadata']> = {}): InstanceGroup {
  return { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'InstanceGroup', metadata: { name, ...extra }, spec: { role, minSize: 1, maxSize: 1 } };
}

let store: ClusterStore;
beforeEach(() => {
  resetMemfs();
  store = new ClusterStore(openVfs('memfs://tests'), { clock: fixedClock });
});

describe('the Go kops layout', () => {
  test('every piece of a cluster has its Go kops path', () => {
    const p = store.paths('c.example.com');
    const root = 'memfs://tests/c.example.com';
    expect(p.config.url).toBe(`${root}/config`);
    expect(p.instanceGroup('nodes').url).toBe(`${root}/instancegroup/nodes`);
    expect(p.completedSpec.url).toBe(`${root}/cluster-completed.spec`);
    expect(p.kopsVersion.url).toBe(`${root}/kops-version.txt`);
    expect(p.pki.url).toBe(`${root}/pki`);
    expect(p.keyset('kubernetes-ca').url).toBe(`${root}/pki/private/kubernetes-ca/keyset.yaml`);
    expect(p.sshPublicKey('admin').url).toBe(`${root}/pki/ssh/public/admin`);
    expect(p.sshPublicKey('admin', 'c4:b5').url).toBe(`${root}/pki/ssh/public/admin/c4:b5`);
    expect(p.secrets.url).toBe(`${root}/secrets`);
    expect(p.secret('admin').url).toBe(`${root}/secrets/admin`);
    expect(p.addons('bootstrap-channel.yaml').url).toBe(`${root}/addons/bootstrap-channel.yaml`);
    expect(p.additionalObjects.url).toBe(`${root}/clusteraddons/default`);
    expect(p.manifests('etcd', 'main-master-us-test-1a.yaml').url).toBe(`${root}/manifests/etcd/main-master-us-test-1a.yaml`);
    expect(p.backups('etcd', 'main').url).toBe(`${root}/backups/etcd/main`);
  });

  test('nodeup configs go under the role folder the Go kops uses', () => {
    const p = store.paths('c.example.com');
    const folder = (role: string) => p.nodeupConfig(role, 'ig').url.split('/igconfig/')[1];
    expect(folder('ControlPlane')).toBe('control-plane/ig/nodeupconfig.yaml');
    expect(folder('Master')).toBe('control-plane/ig/nodeupconfig.yaml');
    expect(folder('Node')).toBe('node/ig/nodeupconfig.yaml');
    expect(folder('Bastion')).toBe('bastion/ig/nodeupconfig.yaml');
    expect(folder('APIServer')).toBe('apiserver/ig/nodeupconfig.yaml');
  });

  test('names that are not a single path segment are refused', () => {
    expect(() => store.paths('a/b')).toThrow(/cannot be used as a state store path segment/);
    expect(() => store.paths('')).toThrow(/metadata.name is required/);
    expect(() => store.paths('c').instanceGroup('..')).toThrow(/InstanceGroup metadata.name/);
  });
});

describe('clusters', () => {
  test('createCluster stores config with a creation timestamp from the clock', async () => {
    const stored = await store.createCluster(cluster('c.example.com'));
    expect(stored.metadata.creationTimestamp).toBe('2026-01-02T03:04:05Z');
    const text = (await openVfs('memfs://tests/c.example.com/config').read()).toString();
    expect(text).toBe(encodeObject(stored));
    expect(text).toContain('creationTimestamp: "2026-01-02T03:04:05Z"');
  });

  test('a creation timestamp the object already has is kept', async () => {
    const c = cluster('c.example.com');
    c.metadata.creationTimestamp = '2016-12-10T22:42:27Z';
    expect((await store.createCluster(c)).metadata.creationTimestamp).toBe('2016-12-10T22:42:27Z');
  });

  test('createCluster refuses an existing cluster and leaves it unchanged', async () => {
    await store.createCluster(cluster('c.example.com', { kubernetesVersion: '1.31.0' }));
    await expect(store.createCluster(cluster('c.example.com'))).rejects.toMatchObject({
      name: 'UserError',
      message: 'cluster "c.example.com" already exists in state store memfs://tests',
    });
    expect((await store.getCluster('c.example.com'))?.spec.kubernetesVersion).toBe('1.31.0');
  });

  test('getCluster fills in spec.configBase from the store location, and is undefined when absent', async () => {
    await store.createCluster(cluster('c.example.com'));
    expect((await store.getCluster('c.example.com'))?.spec.configBase).toBe('memfs://tests/c.example.com');
    expect(await store.getCluster('other.example.com')).toBeUndefined();
    await expect(store.requireCluster('other.example.com')).rejects.toThrow(/cluster "other.example.com" not found in state store memfs:\/\/tests/);
  });

  test('a configBase written in the spec is kept', async () => {
    await store.createCluster(cluster('c.example.com', { configBase: 's3://elsewhere/c.example.com' }));
    expect((await store.getCluster('c.example.com'))?.spec.configBase).toBe('s3://elsewhere/c.example.com');
  });

  test('listClusters names the folders that hold a config, sorted', async () => {
    await store.createCluster(cluster('b.example.com'));
    await store.createCluster(cluster('a.example.com'));
    await openVfs('memfs://tests/not-a-cluster/instancegroup/config').write('x');
    await openVfs('memfs://tests/deep/er/config').write('x');
    await openVfs('memfs://tests/config').write('x');
    expect(await store.listClusters()).toEqual(['a.example.com', 'b.example.com']);
  });

  test('updateCluster replaces the config and bumps the generation only when the spec changed', async () => {
    await store.createCluster(cluster('c.example.com'));
    const current = await store.requireCluster('c.example.com');
    current.metadata.labels = { team: 'x' };
    expect((await store.updateCluster(current)).metadata.generation).toBeUndefined();
    current.spec.kubernetesVersion = '1.33.0';
    expect((await store.updateCluster(current)).metadata.generation).toBe(1);
    const again = await store.requireCluster('c.example.com');
    again.spec.kubernetesVersion = '1.34.0';
    await store.updateCluster(again);
    const final = await store.requireCluster('c.example.com');
    expect(final.metadata.generation).toBe(2);
    expect(final.metadata.labels).toEqual({ team: 'x' });
  });

  test('updateCluster refuses a cluster that is not there', async () => {
    await expect(store.updateCluster(cluster('ghost.example.com'))).rejects.toThrow(/not found/);
    expect(await store.listClusters()).toEqual([]);
  });

  test('a config that holds another kind is reported with its location', async () => {
    await openVfs('memfs://tests/c.example.com/config').write(encodeObject(instanceGroup('nodes')));
    await expect(store.getCluster('c.example.com')).rejects.toThrow(
      'memfs://tests/c.example.com/config: expected one Cluster object, found InstanceGroup',
    );
  });

  test('the completed spec is written next to the config and read back', async () => {
    const completed = cluster('c.example.com', { kubernetesVersion: '1.32.0', configBase: 'memfs://tests/c.example.com' });
    await store.writeCompletedSpec(completed);
    expect(await openVfs('memfs://tests/c.example.com/cluster-completed.spec').exists()).toBe(true);
    expect(await store.readCompletedSpec('c.example.com')).toEqual(completed);
  });
});

describe('instance groups', () => {
  beforeEach(async () => {
    await store.createCluster(cluster('c.example.com'));
  });

  test('created groups are listed by name with the cluster label added on read', async () => {
    await store.createInstanceGroup('c.example.com', instanceGroup('nodes-b'));
    await store.createInstanceGroup('c.example.com', instanceGroup('control-plane-a', 'ControlPlane'));
    const groups = await store.listInstanceGroups('c.example.com');
    expect(groups.map((g) => g.metadata.name)).toEqual(['control-plane-a', 'nodes-b']);
    expect(groups[0].metadata.labels).toEqual({ 'kops.k8s.io/cluster': 'c.example.com' });
    expect(groups[0].metadata.creationTimestamp).toBe('2026-01-02T03:04:05Z');
    const [raw] = decodeDocuments((await openVfs('memfs://tests/c.example.com/instancegroup/nodes-b').read()).toString(), 'ig');
    expect(raw.metadata.labels).toBeUndefined();
  });

  test('createInstanceGroup refuses a duplicate; putInstanceGroup replaces', async () => {
    await store.createInstanceGroup('c.example.com', instanceGroup('nodes'));
    await expect(store.createInstanceGroup('c.example.com', instanceGroup('nodes'))).rejects.toThrow(
      'instance group "nodes" already exists in cluster "c.example.com"',
    );
    const bigger = instanceGroup('nodes');
    bigger.spec.maxSize = 5;
    await store.putInstanceGroup('c.example.com', bigger);
    expect((await store.getInstanceGroup('c.example.com', 'nodes'))?.spec.maxSize).toBe(5);
  });

  test('updateInstanceGroup needs an existing group and bumps the generation on a spec change', async () => {
    await expect(store.updateInstanceGroup('c.example.com', instanceGroup('nodes'))).rejects.toThrow(/not found in cluster/);
    await store.createInstanceGroup('c.example.com', instanceGroup('nodes'));
    const group = (await store.getInstanceGroup('c.example.com', 'nodes'))!;
    group.spec.maxSize = 3;
    expect((await store.updateInstanceGroup('c.example.com', group)).metadata.generation).toBe(1);
  });

  test('deleteInstanceGroup removes only that group', async () => {
    await store.createInstanceGroup('c.example.com', instanceGroup('a'));
    await store.createInstanceGroup('c.example.com', instanceGroup('b'));
    await store.deleteInstanceGroup('c.example.com', 'a');
    expect((await store.listInstanceGroups('c.example.com')).map((g) => g.metadata.name)).toEqual(['b']);
    expect(await store.getInstanceGroup('c.example.com', 'a')).toBeUndefined();
  });
});

describe('deleteClusterState', () => {
  async function fullCluster(name: string): Promise<void> {
    await store.createCluster(cluster(name));
    await store.createInstanceGroup(name, instanceGroup('nodes'));
    const p = store.paths(name);
    await store.writeCompletedSpec(cluster(name));
    for (const path of [p.keyset('kubernetes-ca'), p.sshPublicKey('admin', 'ab'), p.secret('admin'), p.nodeupConfig('Node', 'nodes'), p.addons('bootstrap-channel.yaml'), p.kopsVersion]) {
      await path.write('x');
    }
  }

  test('removes everything under the cluster folder and nothing of a sibling with a longer name', async () => {
    await fullCluster('c.example.com');
    await fullCluster('c.example.com2');
    await store.deleteClusterState('c.example.com');
    expect(await openVfs('memfs://tests/c.example.com').readTree()).toEqual([]);
    expect(await store.listClusters()).toEqual(['c.example.com2']);
    expect((await openVfs('memfs://tests/c.example.com2').readTree()).length).toBe(9);
  });

  test('refuses, deleting nothing, when the folder holds a file kops does not write', async () => {
    await fullCluster('c.example.com');
    await openVfs('memfs://tests/c.example.com/my-notes.txt').write('keep me');
    await expect(store.deleteClusterState('c.example.com')).rejects.toThrow(
      'refusing to delete cluster state: unknown file memfs://tests/c.example.com/my-notes.txt',
    );
    expect((await openVfs('memfs://tests/c.example.com').readTree()).length).toBe(10);
  });
});

describe('additional objects', () => {
  test('are stored as YAML documents in clusteraddons/default and listed back in order', async () => {
    const objects = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' }, data: { z: '1', a: 'yes' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a' } },
    ];
    await store.replaceAdditionalObjects('c.example.com', objects);
    expect((await openVfs('memfs://tests/c.example.com/clusteraddons/default').read()).toString()).toBe(
      'apiVersion: v1\ndata:\n  a: "yes"\n  z: "1"\nkind: ConfigMap\nmetadata:\n  name: b\n\n---\n\napiVersion: v1\nkind: Secret\nmetadata:\n  name: a\n',
    );
    expect(await store.listAdditionalObjects('c.example.com')).toEqual(objects);
    expect(await store.listAdditionalObjects('none.example.com')).toEqual([]);
  });
});
