import { describe, expect, test } from 'vitest';
import { addonsWith, channelEntries, fixtureContext } from './addon-fixture.js';

describe('nvidia add-on', () => {
  test("installed for the cluster's containerd GPU setting or any instance group's own, before the load-balancer controller", () => {
    expect(channelEntries(addonsWith(() => {})).map((a) => a.name)).not.toContain('nvidia.addons.k8s.io');
    const ctx = { ...fixtureContext, instanceGroups: [{ metadata: { name: 'gpu' }, spec: { role: 'Node', containerd: { nvidiaGPU: { enabled: true } } } }] };
    const names = channelEntries(addonsWith((s) => (s.awsLoadBalancerController = { enabled: true }), 'minimal-aws', ctx)).map((a) => a.name);
    expect(names).toContain('nvidia.addons.k8s.io');
    expect(names.indexOf('nvidia.addons.k8s.io')).toBeLessThan(names.indexOf('aws-load-balancer-controller.addons.k8s.io'));
    expect(channelEntries(addonsWith((s) => (s.containerd.nvidiaGPU = { enabled: true }))).map((a) => a.name)).toContain('nvidia.addons.k8s.io');
  });
});
