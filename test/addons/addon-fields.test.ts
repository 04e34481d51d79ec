import { describe, expect, test } from 'vitest';
import { addonsWith, channelEntries, fixtureContext, manifestOf, objectsOf } from './addon-fixture.js';

const names = (files: ReturnType<typeof addonsWith>) => channelEntries(files).map((a) => a.name);

describe('kubeDNS.provider', () => {
  test('KubeDNS installs kube-dns in place of CoreDNS, with its cache settings and stub domains', () => {
    const files = addonsWith((s) => Object.assign(s.kubeDNS, { provider: 'KubeDNS', cacheMaxSize: 500, cacheMaxConcurrent: 20, stubDomains: { 'corp.example': ['10.0.0.2'] } }));
    expect(names(files)).toContain('kube-dns.addons.k8s.io');
    expect(names(files)).not.toContain('coredns.addons.k8s.io');
    const objects = objectsOf(files, 'addons/kube-dns.addons.k8s.io/k8s-1.12.yaml');
    expect(objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'kube-dns').data).toEqual({ stubDomains: '{"corp.example":["10.0.0.2"]}\n' });
    const dnsmasq = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'kube-dns').spec.template.spec.containers.find((c: { name: string }) => c.name === 'dnsmasq');
    expect(dnsmasq.args).toEqual(expect.arrayContaining(['--cache-size=500', '--dns-forward-max=20', '--server=/cluster.local/127.0.0.1#10053']));
  });

  test('without upstream nameservers or stub domains kube-dns has no ConfigMap', () => {
    const objects = objectsOf(addonsWith((s) => (s.kubeDNS.provider = 'KubeDNS')), 'addons/kube-dns.addons.k8s.io/k8s-1.12.yaml');
    expect(objects.map((o) => o.kind)).not.toContain('ConfigMap');
  });
});

describe('cluster-autoscaler priority expander', () => {
  const groups = [
    { metadata: { name: 'b-nodes' }, spec: { role: 'Node', autoscale: false, autoscalePriority: 5 } },
    { metadata: { name: 'a-nodes' }, spec: { role: 'Node', autoscale: true } },
    { metadata: { name: 'unset' }, spec: { role: 'Node', autoscalePriority: 9 } },
    { metadata: { name: 'control-plane' }, spec: { role: 'ControlPlane', autoscale: true } },
  ];
  const priorities = (ca: Record<string, unknown>) => {
    const files = addonsWith((s) => (s.clusterAutoscaler = { enabled: true, ...ca }), 'minimal-aws', { ...fixtureContext, instanceGroups: groups });
    return objectsOf(files, 'addons/cluster-autoscaler.addons.k8s.io/k8s-1.15.yaml').find((o) => o.kind === 'ConfigMap')?.data.priorities;
  };

  test('lists the node groups whose autoscale is set, true or false, under their priority', () => {
    expect(priorities({ expander: 'priority', createPriorityExpanderConfig: true })).toBe('0:\n- a-nodes.minimal-aws.example.com\n5:\n- b-nodes.minimal-aws.example.com');
  });

  test('a custom config is written as given, keys in text order', () => {
    expect(priorities({ expander: 'priority', createPriorityExpanderConfig: true, customPriorityExpanderConfig: { 50: ['.*low.*'], 100: ['.*high.*'] } })).toBe('100:\n- .*high.*\n50:\n- .*low.*');
  });

  test('no ConfigMap for another expander', () => {
    expect(priorities({ expander: 'random', createPriorityExpanderConfig: true })).toBeUndefined();
  });
});

describe('spec.externalDns', () => {
  test('disable leaves dns-controller in the channel with an empty manifest, so that its objects are pruned', () => {
    const files = addonsWith((s) => (s.externalDns = { disable: true }));
    expect(manifestOf(files, 'addons/dns-controller.addons.k8s.io/k8s-1.12.yaml').trim()).toBe('');
    expect(channelEntries(files).find((a) => a.name === 'dns-controller.addons.k8s.io')?.prune).toBeDefined();
  });

  test('disable wins over provider external-dns', () => {
    expect(names(addonsWith((s) => (s.externalDns = { disable: true, provider: 'external-dns' })))).not.toContain('external-dns.addons.k8s.io');
  });

  test('priorityClassName is the priority class of dns-controller', () => {
    const objects = objectsOf(addonsWith((s) => (s.externalDns.priorityClassName = 'low')), 'addons/dns-controller.addons.k8s.io/k8s-1.12.yaml');
    expect(objects.find((o) => o.kind === 'Deployment').spec.template.spec.priorityClassName).toBe('low');
  });
});

describe('Karpenter', () => {
  test('the controller takes the template defaults where the spec leaves them', () => {
    const files = addonsWith((s) => (s.karpenter = { enabled: true, image: 'registry.example/karpenter:v1', logLevel: 'debug' }));
    const controller = objectsOf(files, 'addons/karpenter.sh/k8s-1.19.yaml').find((o) => o.kind === 'Deployment').spec.template.spec.containers[0];
    expect(controller.resources).toEqual({ limits: { memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } });
    expect(controller.env.find((e: { name: string }) => e.name === 'FEATURE_GATES').value).toBe('ReservedCapacity=true,SpotToSpotConsolidation=false,NodeRepair=false,NodeOverlay=false,StaticCapacity=true');
  });
});

describe('cloudConfig.awsEBSCSIDriver.managed', () => {
  test('managed: false leaves the driver to the user', () => {
    expect(names(addonsWith((s) => (s.cloudConfig.awsEBSCSIDriver.managed = false)))).not.toContain('aws-ebs-csi-driver.addons.k8s.io');
    expect(names(addonsWith(() => {}))).toContain('aws-ebs-csi-driver.addons.k8s.io');
  });
});

describe('kubeDNS.provider empty', () => {
  test('an empty provider is CoreDNS', () => {
    expect(names(addonsWith((s) => (s.kubeDNS.provider = '')))).toContain('coredns.addons.k8s.io');
  });
});
