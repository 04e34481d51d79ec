import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cluster, InstanceGroup } from '../../src/apis/types.js';
import { populateInstanceGroups } from '../../src/populate/instance-group.js';
import { fixtureAwsWorld } from '../conformance/fixtures/aws-world.js';

const cluster = (spec: Partial<Cluster['spec']> = {}): Cluster =>
  ({
    apiVersion: 'kops.k8s.io/v1alpha2',
    kind: 'Cluster',
    metadata: { name: 'minimal.example.com' },
    spec: { cloudProvider: 'aws', kubernetesVersion: '1.34.1', subnets: [{ name: 'us-test-1a', zone: 'us-test-1a', type: 'Public' }], ...spec },
  }) as Cluster;

const group = (name: string, spec: Partial<InstanceGroup['spec']>): InstanceGroup =>
  ({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'InstanceGroup', metadata: { name }, spec: { role: 'Node', subnets: ['us-test-1a'], ...spec } }) as InstanceGroup;

const NOBLE_AMD64 = '099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260714';

describe('instance groups at update (PopulateInstanceGroupSpec)', () => {
  it('a group stored without machine type and image gets the default type for its role, then the stable channel image', async () => {
    const stored = group('nodes', {});
    const [filled] = await populateInstanceGroups(cluster(), [stored], fixtureAwsWorld());
    expect(filled.spec.machineType).toBe('t2.medium');
    expect(filled.spec.image).toBe(NOBLE_AMD64);
    expect(stored.spec.image).toBeUndefined();
  });

  it('the image follows the architecture of the group machine type', async () => {
    const [filled] = await populateInstanceGroups(cluster(), [group('arm', { machineType: 'm6g.xlarge' })], fixtureAwsWorld());
    expect(filled.spec.image).toBe(NOBLE_AMD64.replace('amd64', 'arm64'));
  });

  it('spec.channel names the channel the image comes from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kops-channel-'));
    const file = join(dir, 'channel.yaml');
    writeFileSync(file, 'spec:\n  images:\n  - name: 123456789012/own-image\n    providerID: aws\n    architectureID: amd64\n    kubernetesVersion: ">=1.30.0"\n');
    const [filled] = await populateInstanceGroups(cluster({ channel: file }), [group('nodes', { machineType: 't2.medium' })], fixtureAwsWorld());
    expect(filled.spec.image).toBe('123456789012/own-image');
  });

  it('complete groups keep what they say, and a Karpenter group gets no machine type nor sizes', async () => {
    const complete = group('nodes', { machineType: 'c5.large', image: 'ami-1', minSize: 3, maxSize: 5 });
    const karpenter = group('karpenter', { manager: 'Karpenter', image: 'ami-1' });
    const groups = await populateInstanceGroups(cluster(), [complete, karpenter], fixtureAwsWorld());
    expect(groups[0]).toEqual({ ...complete, spec: { ...complete.spec, manager: 'CloudGroup' } });
    expect(groups[1].spec).toEqual(karpenter.spec);
  });

  it('sizes and manager are filled as PopulateInstanceGroupSpec fills them: 1 for control plane and bastions, 2 for the others', async () => {
    const roles = ['ControlPlane', 'Bastion', 'Node', 'APIServer'] as const;
    const stored = roles.map((role) => group(role.toLowerCase(), { role, machineType: 't3.medium', image: 'ami-1' }));
    const groups = await populateInstanceGroups(cluster(), stored, fixtureAwsWorld());
    expect(groups.map((g) => [g.spec.minSize, g.spec.maxSize, g.spec.manager])).toEqual([
      [1, 1, 'CloudGroup'],
      [1, 1, 'CloudGroup'],
      [2, 2, 'CloudGroup'],
      [2, 2, 'CloudGroup'],
    ]);
    expect(stored.every((g) => g.spec.minSize === undefined && g.spec.manager === undefined)).toBe(true);
  });

  it('a channel without an image for the version is one error naming the group and the field', async () => {
    await expect(populateInstanceGroups(cluster({ kubernetesVersion: '1.10.0' }), [group('nodes', { machineType: 't2.medium' })], fixtureAwsWorld())).rejects.toThrow(
      /instancegroup nodes spec\.image: no image in channel/,
    );
  });

  it('on GCE a group gets the GCE default machine type for its role and the channel GCE image, with no cloud look-up', async () => {
    const gce = cluster({ cloudProvider: 'gce', subnets: [{ name: 'us-test1', region: 'us-test1', type: 'Public' }] });
    const groups = ['Master', 'Node', 'Bastion'].map((role) => group(role.toLowerCase(), { role: role as InstanceGroup['spec']['role'], subnets: ['us-test1'] }));
    const filled = await populateInstanceGroups(gce, groups, undefined);
    expect(filled.map((g) => g.spec.machineType)).toEqual(['e2-medium', 'e2-medium', 'e2-micro']);
    expect(new Set(filled.map((g) => g.spec.image))).toEqual(new Set(['ubuntu-os-cloud/ubuntu-2404-noble-amd64-v20260615']));
  });

  it('on GCE spec.channel names the channel the image comes from, and a given machine type is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kops-channel-'));
    const file = join(dir, 'channel.yaml');
    writeFileSync(file, 'spec:\n  images:\n  - name: 123456789012/own-image\n    providerID: aws\n    architectureID: amd64\n    kubernetesVersion: ">=1.30.0"\n  - name: own-project/own-gce-image\n    providerID: gce\n    architectureID: amd64\n    kubernetesVersion: ">=1.30.0"\n');
    const [filled] = await populateInstanceGroups(cluster({ cloudProvider: 'gce', channel: file }), [group('nodes', { machineType: 'n2-standard-2' })], undefined);
    expect(filled.spec).toMatchObject({ machineType: 'n2-standard-2', image: 'own-project/own-gce-image' });
  });
});
