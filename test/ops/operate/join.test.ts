import { describe, expect, test } from 'vitest';
import type { InstanceGroup } from '../../../src/apis/types.js';
import type { CloudInstanceGroup } from '../../../src/cloud/types.js';
import type { KubeNode } from '../../../src/ops/kube.js';
import { joinGroups } from '../../../src/ops/operate/instances.js';

const spec = { metadata: { name: 'nodes' }, spec: { role: 'Node' } } as unknown as InstanceGroup;
const node = (name: string, providerID: string) => ({ metadata: { name }, spec: { providerID } }) as KubeNode;
const cloudGroup = (instances: CloudInstanceGroup['instances']): CloudInstanceGroup => ({ instanceGroup: 'nodes', cloudName: 'g', minSize: 2, maxSize: 2, desiredCapacity: 2, instances });

describe('instances joined to their nodes', () => {
  test('by the provider ID the cloud gives (GCE: gce://project/zone/name), not by a name another zone or project shares', () => {
    const link = (zone: string) => `https://compute/projects/p1/zones/${zone}/instances/nodes-abcd`;
    const [group] = joinGroups(
      [cloudGroup([
        { id: link('europe-west4-a'), providerId: 'gce://p1/europe-west4-a/nodes-abcd', state: 'RUNNING', upToDate: true },
        { id: link('europe-west4-b'), providerId: 'gce://p1/europe-west4-b/nodes-abcd', state: 'RUNNING', upToDate: false },
      ])],
      [spec],
      [node('n-b', 'gce://p1/europe-west4-b/nodes-abcd'), node('n-other', 'gce://p2/europe-west4-a/nodes-abcd')],
    );
    expect(group.members.map((m) => [m.status, m.node?.metadata?.name])).toEqual([
      ['UpToDate', undefined],
      ['NeedsUpdate', 'n-b'],
    ]);
  });

  test('without one, by the instance id the node\'s provider ID ends with (AWS)', () => {
    const [group] = joinGroups([cloudGroup([{ id: 'i-0abc', state: 'InService', upToDate: true }])], [spec], [node('ip-10-0-0-1', 'aws:///us-east-1a/i-0abc')]);
    expect(group.members[0].node?.metadata?.name).toBe('ip-10-0-0-1');
  });
});
