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
  expect(warmPoolImages(group('Node', ['example.com/app:1']), managed)).toEqual(['example.com/app:1', 'quay.io/calico/cni:v3', 'quay.io/calico/node:v3', 'registry.k8s.io/kube-proxy:v1.34.0']);
  expect(warmPoolImages(group('ControlPlane', ['example.com/app:1']), managed)).toEqual([]);
});

test('without kube-proxy its image is not pulled', () => {
  const noProxy = { ...cluster, spec: { ...cluster.spec, kubeProxy: { image: 'registry.k8s.io/kube-proxy:v1.34.0', enabled: false } } } as Cluster;
  expect(managedImages(noProxy, [])).toEqual([]);
});
