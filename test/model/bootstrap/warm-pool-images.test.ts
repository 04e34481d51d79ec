import { expect, test } from 'vitest';
import { managedImages, warmPoolImages } from '../../../src/model/bootstrap/warm-pool-images.js';
import type { Cluster, InstanceGroup } from '../../../src/apis/types.js';

const cluster = { kind: 'Cluster', metadata: { name: 'c.example.com' }, spec: { cloudProvider: 'aws', kubeProxy: { image: 'registry.k8s.io/kube-proxy:v1.34.0' } } } as Cluster;
const group = (role: string, additionalImages?: string[]) => ({ kind: 'InstanceGroup', metadata: { name: role }, spec: { role, warmPool: { additionalImages } } }) as InstanceGroup;
const manifest = {
  tfName: 'addon',
  path: 'addons/x/k8s-1.16.yaml',
  content: 'kind: DaemonSet\nspec:\n  template:\n    spec:\n      initContainers:\n      - image: quay.io/calico/cni:v3\n      containers:\n      - image: quay.io/calico/node:v3\n---\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - image: registry.k8s.io/coredns/coredns:v1\n',
};

test('warm pool nodes pull the node images kops manages and their own, sorted; control planes pull none', () => {
  const managed = managedImages(cluster, [manifest]);
  expect(managed.sort()).toEqual(['quay.io/calico/cni:v3', 'quay.io/calico/node:v3', 'registry.k8s.io/coredns/coredns:v1', 'registry.k8s.io/kube-proxy:v1.34.0']);
  expect(warmPoolImages(cluster, group('Node', ['example.com/app:1']), managed)).toEqual(['example.com/app:1', 'quay.io/calico/cni:v3', 'quay.io/calico/node:v3', 'registry.k8s.io/kube-proxy:v1.34.0']);
  expect(warmPoolImages(cluster, group('ControlPlane', ['example.com/app:1']), managed)).toEqual([]);
});

test('without kube-proxy its image is not pulled', () => {
  const noProxy = { ...cluster, spec: { ...cluster.spec, kubeProxy: { image: 'registry.k8s.io/kube-proxy:v1.34.0', enabled: false } } } as Cluster;
  expect(managedImages(noProxy, [])).toEqual([]);
});

test('with a container registry, the prefixes and the group\'s own images are remapped as the managed ones are', () => {
  const mirrored = { ...cluster, spec: { ...cluster.spec, assets: { containerRegistry: 'mirror.example.com' } } } as Cluster;
  const managed = ['mirror.example.com/kube-proxy:v1.34.0', 'mirror.example.com/coredns-coredns:v1'];
  expect(warmPoolImages(mirrored, group('Node', ['quay.io/app/x:1']), managed)).toEqual(['mirror.example.com/kube-proxy:v1.34.0', 'mirror.example.com/quay.io-app-x:1']);
});
