/** Cluster fields with their kops effect on AWS (beside networking and component flags). */
import type { RegistryEntry } from '../registry.js';
import { clusterEffect, masterConfig, noTf, tf } from './dsl.js';

const PUBLIC_NLB = [['spec.api.loadBalancer', { type: 'Public', class: 'Network' }]] as const;

export const AWS_CLUSTER_FIELDS: readonly RegistryEntry[] = [
  clusterEffect('spec.DisableSubnetTags', true, [noTf('"SubnetType" = "Public"')], 'pkg/model/awsmodel/network.go'),
  clusterEffect('spec.additionalSans', ['api.registry-sample.example.com'], [masterConfig('    additionalSANs:\n    - api.registry-sample.example.com\n')], 'pkg/apis/nodeup/config.go'),
  clusterEffect('spec.etcdClusters[].etcdMembers[].kmsKeyId', 'arn:aws-test:kms:us-test-1:123456789012:key/registry-sample', [tf('kms_key_id = "arn:aws-test:kms:us-test-1:123456789012:key/registry-sample"')], 'pkg/model/master_volumes.go'),
  clusterEffect('spec.api.loadBalancer.subnets', [{ name: 'us-test-1a', allocationId: 'eipalloc-0123456789registry' }], [tf('allocation_id = "eipalloc-0123456789registry"')], 'pkg/model/awsmodel/api_loadbalancer.go', {
    covers: ['spec.api.loadBalancer.subnets[].allocationId', 'spec.api.loadBalancer.subnets[].name'],
    settings: PUBLIC_NLB,
  }),
];
