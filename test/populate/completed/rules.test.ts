import { describe, expect, test } from 'vitest';
import { UserError } from '../../../src/errors.js';
import type { Cluster, InstanceGroup } from '../../../src/apis/types.js';
import { type PopulateContext, populateClusterSpec } from '../../../src/populate/completed/index.js';

const zones = { 'example.com': 'ZPUBLIC', 'internal.example.com': 'ZPRIVATE' };
const context: PopulateContext = {
  findDnsZone: (name, type) => (type === 'Public' && name.endsWith('.example.com') ? zones['example.com'] : type === 'Private' ? zones['internal.example.com'] : undefined),
  findSubnetZone: (id) => (id === 'subnet-1' ? 'eu-west-1b' : undefined),
  findBucketRegion: (bucket) => (bucket === 'oidc-bucket' ? 'eu-west-1' : undefined),
};

function cluster(name: string, spec: Partial<Cluster['spec']> = {}): Cluster {
  return {
    apiVersion: 'kops.k8s.io/v1alpha2',
    kind: 'Cluster',
    metadata: { name },
    spec: {
      cloudProvider: 'aws',
      configBase: `s3://state/${name}`,
      kubernetesVersion: '1.34.1',
      networkCIDR: '172.20.0.0/16',
      nonMasqueradeCIDR: '100.64.0.0/10',
      networking: { cni: {} },
      etcdClusters: ['main', 'events'].map((n) => ({ name: n, etcdMembers: [{ name: 'a', instanceGroup: 'control-plane-a' }] })),
      subnets: [{ name: 'eu-west-1a', zone: 'eu-west-1a', cidr: '172.20.32.0/19', type: 'Public' }],
      ...spec,
    },
  };
}

function controlPlaneGroup(name: string): InstanceGroup {
  return { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'InstanceGroup', metadata: { name }, spec: { role: 'Master', subnets: ['eu-west-1a'] } };
}

/** The completed spec of `c`, with a control-plane instance group for every etcd member. */
function complete(c: Cluster, ctx: PopulateContext = context): Record<string, any> {
  const clusters = c.spec.etcdClusters ?? [];
  const groups = [...new Set(clusters.flatMap((e) => (e.etcdMembers ?? []).map((m) => m.instanceGroup)))].map(controlPlaneGroup);
  return populateClusterSpec(c, groups, ctx).cluster.spec;
}

describe('cluster CIDRs', () => {
  test('pod range is the upper half of nonMasqueradeCIDR; the IPv4 service range is 100.64.0.0/13 whatever it is', () => {
    const spec = complete(cluster('a.example.com', { nonMasqueradeCIDR: '10.0.0.0/8' }));
    expect(spec.podCIDR).toBe('10.128.0.0/9');
    expect(spec.serviceClusterIPRange).toBe('100.64.0.0/13');
    expect(spec.kubeDNS.serverIP).toBe('100.64.0.10');
    expect(spec.kubelet.clusterDNS).toBe('100.64.0.10');
    expect(spec.kubeControllerManager.clusterCIDR).toBe('10.128.0.0/9');
  });

  test('when nonMasqueradeCIDR is the VPC itself (Amazon VPC CNI) services get 100.64.0.0/13', () => {
    const spec = complete(cluster('a.example.com', { nonMasqueradeCIDR: '172.20.0.0/16', networking: { amazonvpc: {} } }));
    expect(spec.podCIDR).toBe('172.20.128.0/17');
    expect(spec.serviceClusterIPRange).toBe('100.64.0.0/13');
    expect(spec.kubeProxy.clusterCIDR).toBeUndefined();
    expect(spec.kubelet.shutdownGracePeriod).toBe('0s');
    expect(spec.kubeAPIServer.enableAggregatorRouting).toBeUndefined();
  });

  test('metrics-server turns on aggregator routing', () => {
    expect(complete(cluster('a.example.com', { metricsServer: { enabled: true } })).kubeAPIServer.enableAggregatorRouting).toBe(true);
  });

  test('IPv6 clusters use the kops ULA service range and no pod range', () => {
    const spec = complete(cluster('a.example.com', { nonMasqueradeCIDR: '::/0' }));
    expect(spec.podCIDR).toBeUndefined();
    expect(spec.serviceClusterIPRange).toBe('fd00:5e4f:ce::/108');
    expect(spec.kubeDNS.serverIP).toBe('fd00:5e4f:ce::a');
    expect(spec.kubeAPIServer.bindAddress).toBe('::');
    expect(spec.kubeControllerManager.controllers).toEqual(['*', '-nodeipam']);
  });

  test('a nonMasqueradeCIDR that is not a CIDR is an error naming the field', () => {
    expect(() => complete(cluster('a.example.com', { nonMasqueradeCIDR: '10.0.0.0' }))).toThrow(/spec\.nonMasqueradeCIDR/);
  });
});

describe('versions follow the Kubernetes version', () => {
  test('Kubernetes 1.34 gets etcd 3.6 and no registerSchedulable', () => {
    const spec = complete(cluster('a.example.com', { kubernetesVersion: 'v1.34.1' }));
    expect(spec.kubernetesVersion).toBe('1.34.1');
    expect(spec.etcdClusters.map((e: { version: string }) => e.version)).toEqual(['3.6.12', '3.6.12']);
    expect(spec.kubelet.registerSchedulable).toBeUndefined();
    expect(spec.kubeAPIServer.image).toBe('registry.k8s.io/kube-apiserver:v1.34.1');
  });

  test('Kubernetes 1.32 gets etcd 3.5, registerSchedulable and an external cloud provider flag on the API server', () => {
    const spec = complete(cluster('a.example.com', { kubernetesVersion: '1.32.3' }));
    expect(spec.etcdClusters[0].version).toBe('3.5.31');
    expect(spec.kubelet.registerSchedulable).toBe(true);
    expect(spec.kubeAPIServer.cloudProvider).toBe('external');
  });

  test('a side-loaded release URL keeps its place as the version, and images carry its tag', () => {
    const spec = complete(cluster('a.example.com', { kubernetesVersion: 'https://dl.k8s.io/release/v1.35.0' }));
    expect(spec.kubernetesVersion).toBe('https://dl.k8s.io/release/v1.35.0');
    expect(spec.kubeAPIServer.image).toBe('registry.k8s.io/kube-apiserver-amd64:v1.35.0');
    expect(spec.kubeProxy.image).toBe('registry.k8s.io/kube-proxy-amd64:v1.35.0');
    expect(spec.etcdClusters[0].version).toBe('3.6.12');
  });

  test('a version that is not one is an error naming the field', () => {
    expect(() => complete(cluster('a.example.com', { kubernetesVersion: 'latest' }))).toThrow(/spec\.kubernetesVersion/);
  });
});

describe('DNS', () => {
  test('the hosted zone is looked up for the cluster name and the DNS type', () => {
    expect(complete(cluster('a.example.com')).dnsZone).toBe('ZPUBLIC');
    expect(complete(cluster('a.example.com', { topology: { dns: { type: 'Private' } } })).dnsZone).toBe('ZPRIVATE');
  });

  test('a zone the user set is kept as written', () => {
    expect(complete(cluster('a.example.com', { dnsZone: 'example.com' })).dnsZone).toBe('example.com');
  });

  test('gossip clusters look nothing up and run no DNS controller', () => {
    const ctx: PopulateContext = { ...context, findDnsZone: () => { throw new Error('no look-up expected'); } };
    const spec = complete(cluster('a.k8s.local'), ctx);
    expect(spec.dnsZone).toBeUndefined();
    expect(spec.externalDns).toBeUndefined();
  });

  test('no hosted zone for the name is an error saying what to do', () => {
    const err = (() => {
      try {
        complete(cluster('a.other.org'));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe('spec.dnsZone: no public hosted zone found for a.other.org');
  });
});

describe('what populate leaves alone and what it derives', () => {
  test('values the user set are never replaced, and the input object is not modified', () => {
    const input = cluster('a.example.com', { kubeAPIServer: { logLevel: 4 }, etcdClusters: [{ name: 'main', version: '3.5.9', etcdMembers: [{ name: 'a', instanceGroup: 'cp' }] }] });
    const before = structuredClone(input);
    const spec = complete(input);
    expect(spec.kubeAPIServer.logLevel).toBe(4);
    expect(spec.etcdClusters[0].version).toBe('3.5.9');
    expect(input).toEqual(before);
  });

  test('with node-local DNS the kubelet points at the local cache', () => {
    const spec = complete(cluster('a.example.com', { kubeDNS: { nodeLocalDNS: { enabled: true } } }));
    expect(spec.kubeDNS.nodeLocalDNS.localIP).toBe('169.254.20.10');
    expect(spec.kubelet.clusterDNS).toBe('169.254.20.10');
    expect(spec.masterKubelet.clusterDNS).toBe('169.254.20.10');
    const custom = complete(cluster('a.example.com', { kubeDNS: { nodeLocalDNS: { enabled: true, localIP: '169.254.0.53' } } }));
    expect(custom.kubelet.clusterDNS).toBe('169.254.0.53');
  });

  test('kubenet needs cloud routes from the controller managers', () => {
    const spec = complete(cluster('a.example.com', { networking: { kubenet: {} } }));
    expect(spec.kubeControllerManager.configureCloudRoutes).toBe(true);
    expect(spec.cloudControllerManager.configureCloudRoutes).toBe(true);
  });

  test('with Karpenter there is no node termination handler', () => {
    const spec = complete(cluster('a.example.com', { karpenter: { enabled: true } }));
    expect(spec.nodeTerminationHandler).toBeUndefined();
    expect(spec.karpenter.image).toMatch(/^public\.ecr\.aws\/karpenter\/controller:/);
  });

  test('a shared subnet without a zone gets the zone the cloud reports, an unknown one is an error', () => {
    const shared = [{ name: 'shared', id: 'subnet-1', type: 'Private' }];
    expect(complete(cluster('a.example.com', { subnets: shared })).subnets[0].zone).toBe('eu-west-1b');
    expect(() => complete(cluster('a.example.com', { subnets: [{ name: 'x', id: 'subnet-9', type: 'Private' }] }))).toThrow(/spec\.subnets\[0\]\.zone: subnet subnet-9/);
  });

  test('a shared GCE subnetwork is regional: no zone is looked up for it', () => {
    const gce = cluster('a.example.com', { cloudProvider: 'gce', networkCIDR: undefined, project: 'p1', subnets: [{ name: 'us-test1', region: 'us-test1', id: 'shared-subnet', type: 'Public' }] });
    expect(complete(gce).subnets[0]).toEqual({ name: 'us-test1', region: 'us-test1', id: 'shared-subnet', type: 'Public' });
  });

  test('the API server count follows the members of etcd main', () => {
    const members = ['a', 'b', 'c'].map((n) => ({ name: n, instanceGroup: `cp-${n}` }));
    const spec = complete(cluster('a.example.com', { etcdClusters: [{ name: 'main', etcdMembers: members }, { name: 'events', etcdMembers: members }] }));
    expect(spec.kubeAPIServer.apiServerCount).toBe(3);
  });

  test('legacy v1alpha2 fields the current API dropped do not reach the completed spec', () => {
    const spec = complete(cluster('a.example.com', { topology: { masters: 'private', nodes: 'private', dns: { type: 'Public' } }, containerRuntime: 'containerd' }));
    expect(spec.topology).toEqual({ dns: { type: 'Public' } });
    expect(spec.containerRuntime).toBeUndefined();
  });

  test('flannel without a backend keeps the legacy udp backend', () => {
    expect(complete(cluster('a.example.com', { networking: { flannel: {} } })).networking.flannel.backend).toBe('udp');
    expect(complete(cluster('a.example.com', { networking: { flannel: { backend: 'vxlan' } } })).networking.flannel.backend).toBe('vxlan');
  });
});

describe('service-account issuer', () => {
  test('without a discovery store it is the internal API name', () => {
    const api = complete(cluster('a.example.com')).kubeAPIServer;
    expect(api.serviceAccountIssuer).toBe('https://api.internal.a.example.com');
    expect(api.serviceAccountJWKSURI).toBe('https://api.internal.a.example.com/openid/v1/jwks');
  });

  test('an S3 discovery store is served from the bucket in its region', () => {
    const spec = complete(cluster('a.example.com', { serviceAccountIssuerDiscovery: { discoveryStore: 's3://oidc-bucket/a.example.com' } }));
    expect(spec.kubeAPIServer.serviceAccountIssuer).toBe('https://oidc-bucket.s3.eu-west-1.amazonaws.com/a.example.com');
  });

  test('a bucket whose region is unknown is an error naming the field', () => {
    expect(() => complete(cluster('a.example.com', { serviceAccountIssuerDiscovery: { discoveryStore: 's3://nowhere/x' } }))).toThrow(
      /^spec\.serviceAccountIssuerDiscovery\.discoveryStore: cannot find the region of bucket nowhere$/,
    );
  });

  test('an issuer the user set is kept, and the JWKS address follows it', () => {
    const api = complete(cluster('a.example.com', { kubeAPIServer: { serviceAccountIssuer: 'https://issuer.example.org' } })).kubeAPIServer;
    expect(api.serviceAccountJWKSURI).toBe('https://issuer.example.org/openid/v1/jwks');
  });
});

test('an etcd member on an instance group that does not exist is an error naming the member', () => {
  const c = cluster('a.example.com');
  expect(() => populateClusterSpec(c, [controlPlaneGroup('other')], context)).toThrow(
    /^spec\.etcdClusters\[0\]\.etcdMembers\[0\]\.instanceGroup: no instance group named control-plane-a in cluster a\.example\.com$/,
  );
});

test('appended admission plugins join the kops list, in order', () => {
  const spec = complete(cluster('a.example.com', { kubeAPIServer: { appendAdmissionPlugins: ['PodNodeSelector', 'AlwaysPullImages'] } }));
  expect(spec.kubeAPIServer.enableAdmissionPlugins).toContain('PodNodeSelector');
  expect(spec.kubeAPIServer.enableAdmissionPlugins.slice(0, 2)).toEqual(['AlwaysPullImages', 'DefaultStorageClass']);
});

test('the API server talks to the etcd clusters that exist, and to kopeio authentication when configured', () => {
  const members = [{ name: 'a', instanceGroup: 'control-plane-a' }];
  const spec = complete(cluster('a.example.com', { etcdClusters: [{ name: 'main', etcdMembers: members }], authentication: { kopeio: {} } }));
  expect(spec.kubeAPIServer.etcdServers).toEqual(['https://127.0.0.1:4001']);
  expect(spec.kubeAPIServer.etcdServersOverrides).toBeUndefined();
  expect(spec.kubeAPIServer.authenticationTokenWebhookConfigFile).toBe('/etc/kubernetes/authn.config');
});

test('aws-iam-authenticator: the webhook flag is left to nodeup, not written into the completed spec', () => {
  const members = [{ name: 'a', instanceGroup: 'control-plane-a' }];
  const spec = complete(cluster('a.example.com', { etcdClusters: [{ name: 'main', etcdMembers: members }], authentication: { aws: {} } }));
  expect(spec.kubeAPIServer.authenticationTokenWebhookConfigFile).toBeUndefined();
});

describe('API access', () => {
  test('a public control plane is reached through DNS', () => {
    expect(complete(cluster('a.example.com')).api).toEqual({ dns: {} });
  });

  test('a control plane in a private subnet gets a public network load balancer', () => {
    const subnets = [{ name: 'eu-west-1a', zone: 'eu-west-1a', cidr: '172.20.32.0/19', type: 'Private' }];
    const spec = complete(cluster('a.example.com', { subnets }));
    expect(spec.api).toEqual({ loadBalancer: { class: 'Network', type: 'Public' } });
  });

  test('the legacy topology.masters is read no more (kops 1.37): the subnet types decide, and it is dropped', () => {
    const spec = complete(cluster('a.example.com', { topology: { masters: 'private', nodes: 'private' } }));
    expect(spec.api).toEqual({ dns: {} });
    expect(spec.topology).toEqual({ dns: { type: 'Public' } });
  });

  test('a control plane in utility or dual-stack subnets only gets no API access by default', () => {
    const subnets = [{ name: 'eu-west-1a', zone: 'eu-west-1a', cidr: '172.20.32.0/19', type: 'Utility' }];
    expect(complete(cluster('a.example.com', { subnets })).api).toBeUndefined();
  });

  test('a load balancer the user describes keeps its settings and gets the missing ones', () => {
    const spec = complete(cluster('a.example.com', { api: { loadBalancer: { type: 'Internal' } } }));
    expect(spec.api.loadBalancer).toEqual({ class: 'Network', type: 'Internal' });
  });
});

describe('cilium defaults (CiliumOptionsBuilder)', () => {
  const ciliumOf = (cilium: Record<string, unknown>) => complete(cluster('c.example.com', { networking: { cilium } })).networking.cilium;

  test('a hubble, ingress or gatewayAPI block without enabled turns the feature on; no block leaves it off', () => {
    const given = ciliumOf({ hubble: { metrics: ['dns'] }, ingress: {}, gatewayAPI: { enableSecretsSync: true } });
    expect([given.hubble.enabled, given.ingress.enabled, given.gatewayAPI.enabled]).toEqual([true, true, true]);
    const none = ciliumOf({});
    expect([none.hubble.enabled, none.ingress.enabled, none.gatewayAPI.enabled]).toEqual([false, false, false]);
    expect(ciliumOf({ hubble: { enabled: false } }).hubble.enabled).toBe(false);
  });

  test('v1alpha2 settings the kops API dropped do not reach the completed spec', () => {
    const c = ciliumOf({ labels: ['a'], logOpt: { x: 'y' }, enableipv4: true, IPTablesRulesNoinstall: true, enableL7Proxy: false });
    expect([c.labels, c.logOpt, c.enableipv4]).toEqual([undefined, undefined, undefined]);
    expect(c.IPTablesRulesNoinstall).toBe(true);
    const flannel = complete(cluster('f.example.com', { networking: { flannel: { disableTxChecksumOffloading: true, iptablesResyncSeconds: 9 } } })).networking.flannel;
    expect(flannel).toEqual({ backend: 'udp', iptablesResyncSeconds: 9 });
  });

  test('encryption defaults to IPsec; without encryption no type is set', () => {
    expect(ciliumOf({ enableEncryption: true }).encryptionType).toBe('ipsec');
    expect(ciliumOf({ enableEncryption: true, encryptionType: 'wireguard' }).encryptionType).toBe('wireguard');
    expect(ciliumOf({}).encryptionType).toBeUndefined();
  });
});
