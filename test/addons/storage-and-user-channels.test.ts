import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { buildBootstrap } from '../../src/model/bootstrap/index.js';
import { goldenBootstrapCase } from '../helpers/golden-cases.js';
import { addonsWith, channelEntries } from './addon-fixture.js';

describe('cloudConfig.manageStorageClasses', () => {
  test('the AWS storage classes are installed when kops manages storage classes, and only then', () => {
    const managed = channelEntries(addonsWith((s) => (s.cloudConfig.manageStorageClasses = true)));
    expect(managed.find((a) => a.name === 'storage-aws.addons.k8s.io')).toMatchObject({ id: 'v1.15.0', manifest: 'storage-aws.addons.k8s.io/v1.15.0.yaml' });
    const unmanaged = addonsWith((s) => (s.cloudConfig.manageStorageClasses = false));
    expect(channelEntries(unmanaged).map((a) => a.name)).not.toContain('storage-aws.addons.k8s.io');
    expect(unmanaged.map((f) => f.path)).not.toContain('addons/storage-aws.addons.k8s.io/v1.15.0.yaml');
  });
});

describe('spec.addons[].manifest', () => {
  test('each user channel is applied by kops-channels after the bootstrap channel, in order', () => {
    const c = goldenBootstrapCase('minimal-aws');
    const cluster = { ...c.cluster, spec: { ...c.cluster.spec, addons: [{ manifest: 's3://bucket/a/channel.yaml' }, { manifest: 'https://example.com/b.yaml' }] } };
    const pod = parse(buildBootstrap(cluster, c.instanceGroups, c.ctx).files.find((f) => f.path === 'manifests/channels/kops-channels.yaml')!.content);
    expect(pod.spec.containers[0].args.slice(-3)).toEqual([
      `${c.cluster.spec.configBase}/addons/bootstrap-channel.yaml`,
      's3://bucket/a/channel.yaml',
      'https://example.com/b.yaml',
    ]);
  });
});
