import { describe, expect, test } from 'vitest';
import type { Cluster, InstanceGroup } from '../../../src/apis/types.js';
import { type PopulateContext, populateClusterSpec } from '../../../src/populate/completed/index.js';

const context: PopulateContext = {
  findDnsZone: () => 'ZPUBLIC',
  findSubnetZone: () => undefined,
  findBucketRegion: () => undefined,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function complete(spec: Record<string, any>): Record<string, any> {
  const cluster: Cluster = {
    apiVersion: 'kops.k8s.io/v1alpha2',
    kind: 'Cluster',
    metadata: { name: 'addons.example.com' },
    spec: {
      cloudProvider: 'aws',
      configBase: 's3://state/addons.example.com',
      kubernetesVersion: '1.34.1',
      networkCIDR: '172.20.0.0/16',
      nonMasqueradeCIDR: '100.64.0.0/10',
      networking: { cni: {} },
      etcdClusters: ['main', 'events'].map((n) => ({ name: n, etcdMembers: [{ name: 'a', instanceGroup: 'control-plane-a' }] })),
      subnets: [{ name: 'eu-west-1a', zone: 'eu-west-1a', cidr: '172.20.32.0/19', type: 'Public' }],
      ...spec,
    },
  };
  const group: InstanceGroup = { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'InstanceGroup', metadata: { name: 'control-plane-a' }, spec: { role: 'Master', subnets: ['eu-west-1a'] } };
  return populateClusterSpec(cluster, [group], context).cluster.spec;
}

describe('add-on defaults of the completed spec', () => {
  test('a Karpenter block gets its image and logging defaults, enabled or not', () => {
    expect(complete({ karpenter: { enabled: false } }).karpenter).toEqual({ enabled: false, image: 'public.ecr.aws/karpenter/controller:1.13.0', logEncoding: 'console', logLevel: 'debug' });
    expect(complete({}).karpenter).toBeUndefined();
  });

  test('the priority expander always gets its config created, over a false given', () => {
    expect(complete({ clusterAutoscaler: { enabled: true, expander: 'priority', createPriorityExpanderConfig: false } }).clusterAutoscaler.createPriorityExpanderConfig).toBe(true);
  });

  test('externalDns.disable leaves the provider unset', () => {
    expect(complete({ externalDns: { disable: true } }).externalDns).toEqual({ disable: true });
    expect(complete({}).externalDns).toEqual({ provider: 'dns-controller' });
  });

  test('a discovery service is the service-account issuer, and must have a URL', () => {
    const api = complete({ serviceAccountIssuerDiscovery: { discoveryService: { url: 'https://discovery.example.com/u1' } } }).kubeAPIServer;
    expect(api.serviceAccountIssuer).toBe('https://discovery.example.com/u1');
    expect(api.serviceAccountJWKSURI).toBe('https://discovery.example.com/u1/openid/v1/jwks');
    expect(() => complete({ serviceAccountIssuerDiscovery: { discoveryService: {} } })).toThrow('spec.serviceAccountIssuerDiscovery.discoveryService.url: discoveryService URL must be specified');
  });
});
