import { describe, expect, test } from 'vitest';
import { nodeClass, nodePool, type InstanceGroup } from '../../src/addons/templates/karpenter-resources.js';
import type { AddonCluster } from '../../src/addons/types.js';

const cluster: AddonCluster = {
  metadata: { name: 'k.example.com' },
  spec: {
    cloudLabels: { team: 'a' },
    kubelet: { nodeLabels: { 'from-kubelet': 'x' } },
    subnets: [
      { name: 'public-a', type: 'Public', zone: 'us-test-1a' },
      { name: 'private-a', type: 'Private', zone: 'us-test-1a' },
    ],
  },
};

const group = (spec: Record<string, unknown>): InstanceGroup => ({
  metadata: { name: 'karp' },
  spec: { role: 'Node', manager: 'Karpenter', image: 'ubuntu/images/u-24.04', machineType: 't3.large', subnets: ['public-a'], ...spec },
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const classSpec = (spec: Record<string, unknown>) => nodeClass(cluster, group(spec), { kopsVersion: '1.37.0' }).spec as any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const poolSpec = (spec: Record<string, unknown>) => nodePool(cluster, group(spec)).spec as any;

describe('EC2NodeClass of a Karpenter instance group', () => {
  test('images are selected by id, SSM parameter, own name or owner alias', () => {
    expect(classSpec({ image: 'ami-0123' }).amiSelectorTerms).toEqual([{ id: 'ami-0123' }]);
    expect(classSpec({ image: 'ssm:/aws/service/x' }).amiSelectorTerms).toEqual([{ ssmParameter: '/aws/service/x' }]);
    expect(classSpec({ image: 'my-image' }).amiSelectorTerms).toEqual([{ name: 'my-image', owner: 'self' }]);
    expect(classSpec({}).amiSelectorTerms).toEqual([{ name: 'images/u-24.04', owner: '099720109477' }]);
    expect(() => classSpec({ image: 's3://bucket/image' })).toThrow(/must be ami-\*, ssm:<parameter>, <name>, or <owner>\/<name>/);
  });

  test('public addresses follow the first subnet: on by default in a public subnet, never in a private one', () => {
    expect(classSpec({}).associatePublicIPAddress).toBe(true);
    expect(classSpec({ associatePublicIp: false }).associatePublicIPAddress).toBe(false);
    expect(classSpec({ subnets: ['private-a'], associatePublicIp: true }).associatePublicIPAddress).toBe(false);
  });

  test('the root volume takes IOPS and throughput only where its type does, and the key only with explicit encryption', () => {
    expect(classSpec({}).blockDeviceMappings[0].ebs).toEqual({ deleteOnTermination: true, encrypted: true, iops: 3000, throughput: 125, volumeSize: '128Gi', volumeType: 'gp3' });
    expect(classSpec({ rootVolumeType: 'io1', rootVolumeIops: 50, rootVolumeThroughput: 500 }).blockDeviceMappings[0].ebs).toMatchObject({ iops: 100, volumeType: 'io1' });
    expect(classSpec({ rootVolumeType: 'io1' }).blockDeviceMappings[0].ebs.throughput).toBeUndefined();
    expect(classSpec({ rootVolumeType: 'st1', rootVolumeIops: 500 }).blockDeviceMappings[0].ebs).toEqual({ deleteOnTermination: true, encrypted: true, volumeSize: '128Gi', volumeType: 'st1' });
    expect(classSpec({ rootVolumeEncryptionKey: 'k1' }).blockDeviceMappings[0].ebs.kmsKeyID).toBeUndefined();
    expect(classSpec({ rootVolumeEncryption: true, rootVolumeEncryptionKey: 'k1' }).blockDeviceMappings[0].ebs.kmsKeyID).toBe('k1');
  });

  test('the root volume is mapped on the image root device', () => {
    const ctx = { kopsVersion: '1.37.0', imageRootDevices: { 'ubuntu/images/u-24.04': '/dev/sda1' } };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect((nodeClass(cluster, group({}), ctx).spec as any).blockDeviceMappings[0].deviceName).toBe('/dev/sda1');
  });

  test('security groups: the override or the nodes group, then the additional ones; the profile from the group ARN', () => {
    expect(classSpec({ additionalSecurityGroups: ['sg-2'] }).securityGroupSelectorTerms).toEqual([{ tags: { KubernetesCluster: 'k.example.com', Name: 'nodes.k.example.com' } }, { id: 'sg-2' }]);
    expect(classSpec({ securityGroupOverride: 'sg-1' }).securityGroupSelectorTerms).toEqual([{ id: 'sg-1' }]);
    expect(classSpec({ iam: { profile: 'arn:aws:iam::1:instance-profile/custom' } }).instanceProfile).toBe('custom');
  });

  test('tags carry cloud labels, node labels and taints for the autoscaler, without Karpenter-reserved keys', () => {
    const tags = classSpec({ cloudLabels: { 'karpenter.sh/nodepool': 'x', own: 'y' }, taints: ['dedicated=gpu:NoSchedule', 'bare'] }).tags;
    expect(tags).toMatchObject({ team: 'a', own: 'y', 'k8s.io/cluster-autoscaler/node-template/label/from-kubelet': 'x', 'k8s.io/cluster-autoscaler/node-template/taint/dedicated': 'gpu:NoSchedule' });
    expect(Object.keys(tags)).not.toContain('karpenter.sh/nodepool');
    expect(Object.keys(tags)).not.toContain('k8s.io/cluster-autoscaler/node-template/taint/bare');
  });
});

describe('NodePool of a Karpenter instance group', () => {
  test('instance types from the machine types and mixed instances, once each and sorted; spot when priced', () => {
    const spec = poolSpec({ machineType: 'm5.large,c5.large', mixedInstancesPolicy: { instances: ['c5.large', 'a1.large'], onDemandAboveBase: 20 } });
    expect(spec.template.spec.requirements).toEqual([
      { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
      { key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['a1.large', 'c5.large', 'm5.large'] },
      { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand', 'spot'] },
    ]);
    expect(poolSpec({ maxPrice: '0.1' }).template.spec.requirements[2].values).toEqual(['spot']);
  });

  test('a minimum size is a replica count, the maximum a node limit', () => {
    expect(poolSpec({ machineType: 'a,b', minSize: 2, maxSize: 4 })).toMatchObject({ replicas: 2, limits: { nodes: '4' } });
    const none = poolSpec({ minSize: 0 });
    expect(none.replicas).toBeUndefined();
    expect(none.limits).toBeUndefined();
  });

  test('labels without the hostname or Karpenter domains, and the group taints', () => {
    const spec = poolSpec({ nodeLabels: { 'kubernetes.io/hostname': 'h', 'x.karpenter.sh/y': 'z', app: 'web' }, taints: ['dedicated=gpu:NoSchedule', 'only:NoExecute'] });
    expect(spec.template.metadata.labels).toEqual({ app: 'web', 'from-kubelet': 'x', 'node-role.kubernetes.io/node': '' });
    expect(spec.template.spec.taints).toEqual([
      { effect: 'NoSchedule', key: 'dedicated', value: 'gpu' },
      { effect: 'NoExecute', key: 'only' },
    ]);
  });
});
