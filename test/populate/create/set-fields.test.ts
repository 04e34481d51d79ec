import { describe, expect, test } from 'vitest';
import type { Cluster } from '../../../src/apis/types.js';
import { setClusterFields, unsetClusterFields } from '../../../src/populate/create/set-fields.js';

const cluster = (spec: Record<string, unknown>): Cluster => ({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name: 'c.example.com' }, spec }) as Cluster;

describe('--set / --unset on a cluster', () => {
  test('creates the objects and list items on the way, and typed values at the end', () => {
    const c = cluster({});
    setClusterFields(c, ['spec.etcdClusters[0].name=main', 'spec.etcdClusters[0].etcdMembers[0].instanceGroup=cp', 'spec.kubelet.maxPods=200']);
    expect(c.spec).toEqual({ etcdClusters: [{ name: 'main', etcdMembers: [{ instanceGroup: 'cp' }] }], kubelet: { maxPods: 200 } });
    unsetClusterFields(c, ['spec.etcdClusters[0].etcdMembers[0]', 'spec.kubelet.maxPods', 'spec.kubeProxy.enabled']);
    expect(c.spec).toEqual({ etcdClusters: [{ name: 'main', etcdMembers: [] }], kubelet: {} });
  });

  test('a path through a value that is not an object names it and writes nothing', () => {
    const c = cluster({ kubelet: 'oops' });
    expect(() => setClusterFields(c, ['spec.kubelet.maxPods=1'])).toThrow(/--set: "spec.kubelet.maxPods": kubelet holds "oops", not an object/);
    expect(c.spec).toEqual({ kubelet: 'oops' });
  });
});
