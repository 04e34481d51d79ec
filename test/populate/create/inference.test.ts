import { describe, expect, test } from 'vitest';
import { embeddedChannel } from '../../../src/populate/channel.js';
import { createClusterSpec, defaultCreateClusterOptions, optionsFromGoFields, type CreateClusterOptions } from '../../../src/populate/create/index.js';
import { parseCloudLabels } from '../../../src/populate/create/cloud-labels.js';
import { fixtureAwsWorld } from '../../conformance/fixtures/aws-world.js';

const ctx = { lookup: fixtureAwsWorld({ forCreateCluster: true }), channel: embeddedChannel('stable')!, stateStore: 'memfs://tests', kopsVersion: '1.37.0' };

function options(overrides: Partial<CreateClusterOptions>): CreateClusterOptions {
  return { ...defaultCreateClusterOptions(), clusterName: 'c.example.com', zones: ['us-test-1a'], cloudProvider: 'aws', kubernetesVersion: 'v1.32.0', ...overrides };
}

const create = (o: Partial<CreateClusterOptions>) => createClusterSpec(options(o), ctx);

describe('create cluster inference', () => {
  test('defaults: channel Kubernetes version, cilium without kube-proxy, one control plane and one node per zone', async () => {
    const { cluster, instanceGroups } = await create({ kubernetesVersion: '', zones: ['us-test-1a', 'us-test-1b'] });
    expect(cluster.spec.kubernetesVersion).toBe('1.36.3');
    expect(cluster.spec.networking).toEqual({ cilium: { enableNodePort: true } });
    expect(cluster.spec.kubeProxy).toEqual({ enabled: false });
    expect(cluster.spec.configBase).toBe('memfs://tests/c.example.com');
    expect(instanceGroups.map((ig) => [ig.metadata.name, ig.spec.role, ig.spec.minSize, ig.spec.machineType])).toEqual([
      ['control-plane-us-test-1a', 'Master', 1, 'm3.medium'],
      ['nodes-us-test-1a', 'Node', 1, 't2.medium'],
      ['nodes-us-test-1b', 'Node', 1, 't2.medium'],
    ]);
    expect(instanceGroups[0].metadata.labels).toEqual({ 'kops.k8s.io/cluster': 'c.example.com' });
  });

  test('a private topology over three zones carves /18 blocks and /21 utility blocks from 172.20.0.0/16', async () => {
    const { cluster } = await create({ zones: ['us-test-1a', 'us-test-1b', 'us-test-1c'], topology: 'private', networking: 'calico' });
    expect(cluster.spec.subnets!.map((s) => [s.name, s.type, s.cidr])).toEqual([
      ['us-test-1a', 'Private', '172.20.64.0/18'],
      ['us-test-1b', 'Private', '172.20.128.0/18'],
      ['us-test-1c', 'Private', '172.20.192.0/18'],
      ['utility-us-test-1a', 'Utility', '172.20.0.0/21'],
      ['utility-us-test-1b', 'Utility', '172.20.8.0/21'],
      ['utility-us-test-1c', 'Utility', '172.20.16.0/21'],
    ]);
    expect(cluster.spec.api).toEqual({ loadBalancer: { type: 'Public', class: 'Network' } });
  });

  test('several node sizes make a mixed instances policy; the first size is the machine type and picks the image', async () => {
    const { instanceGroups } = await create({ nodeSizes: ['m6g.xlarge', 'a1.large'] });
    const nodes = instanceGroups.find((ig) => ig.spec.role === 'Node')!;
    expect(nodes.spec.machineType).toBe('m6g.xlarge');
    expect(nodes.spec.mixedInstancesPolicy).toEqual({ instances: ['m6g.xlarge', 'a1.large'] });
    expect(nodes.spec.image).toContain('arm64');
  });

  test('public DNS gives an API DNS name instead of a load balancer', async () => {
    const { cluster } = await create({ dnsType: 'public' });
    expect(cluster.spec.api).toEqual({ dns: {} });
    expect(cluster.spec.masterPublicName).toBe('api.c.example.com');
    expect(cluster.spec.topology).toEqual({ dns: { type: 'Public' } });
  });

  test('a gossip name with public DNS still reaches the API through a load balancer', async () => {
    const { cluster } = await create({ clusterName: 'g.k8s.local', dnsType: 'public' });
    expect(cluster.spec.api).toEqual({ loadBalancer: { type: 'Public', class: 'Network' } });
  });

  test('a cluster publishing DNS records needs a matching hosted zone of the right privacy', async () => {
    const { findClusterHostedZone } = await import('../../../src/populate/create/dns-zone.js');
    const zoneOf = async (o: Partial<CreateClusterOptions>) => findClusterHostedZone((await create(o)).cluster, ctx.lookup);
    expect((await zoneOf({ dnsType: 'public', clusterName: 'a.b.example.com' }))?.id).toBe('Z1AFAKE1ZON3YO');
    expect((await zoneOf({ dnsType: 'private', clusterName: 'k.internal.example.com' }))?.id).toBe('Z2AFAKE1ZON3NO');
    expect((await zoneOf({ dnsZone: 'Z3AFAKE1ZOMORE', dnsType: 'private' }))?.name).toBe('private.example.com');
    expect(await zoneOf({})).toBeUndefined();
    await expect(create({ dnsType: 'public', clusterName: 'c.nozone.test' })).rejects.toThrow(/no public Route 53 hosted zone matches the cluster name c.nozone.test/);
    await expect(create({ dnsType: 'private' })).rejects.toThrow(/no private Route 53 hosted zone matches/);
    await expect(create({ dnsZone: 'other.example.org' })).rejects.toThrow(/--dns-zone: no public Route 53 hosted zone other.example.org/);
  });

  test('flags for volumes, tenancy, security groups, public IPs and the SSL certificate land on the right groups', async () => {
    const { cluster, instanceGroups } = await create({
      controlPlaneVolumeSize: 50,
      controlPlaneVolumeType: 'io1',
      nodeVolumeSize: 80,
      nodeTenancy: 'dedicated',
      associatePublicIP: false,
      apiSSLCertificate: 'arn:aws:acm:us-test-1:123:certificate/x',
      apiLoadBalancerType: 'internal',
      topology: 'private',
      disableSubnetTags: true,
    });
    const [cp, nodes] = instanceGroups;
    expect([cp.spec.rootVolumeSize, cp.spec.rootVolumeType, cp.spec.tenancy, cp.spec.associatePublicIp]).toEqual([50, 'io1', undefined, false]);
    expect([nodes.spec.rootVolumeSize, nodes.spec.tenancy, nodes.spec.associatePublicIp]).toEqual([80, 'dedicated', false]);
    expect(cluster.spec.api?.loadBalancer).toEqual({ type: 'Internal', class: 'Network', sslCertificate: 'arn:aws:acm:us-test-1:123:certificate/x' });
    expect(cluster.spec.DisableSubnetTags).toBe(true);
  });

  test('--set and --unset address spec fields by path, typed by the API schema', async () => {
    const { cluster } = await create({
      sets: ['cluster.spec.kubelet.maxPods=200', 'spec.networking.networkCIDR=10.10.0.0/16', 'cluster.spec.cloudLabels=a=b,c=d', 'cluster.spec.cloudConfig.manageStorageClasses=false'],
      unsets: ['cluster.spec.sshAccess'],
    });
    expect(cluster.spec.kubelet).toEqual({ anonymousAuth: false, maxPods: 200 });
    expect(cluster.spec.networkCIDR).toBe('10.10.0.0/16');
    expect(cluster.spec.subnets![0].cidr).toBe('10.10.0.0/16');
    expect(cluster.spec.cloudLabels).toEqual({ a: 'b', c: 'd' });
    expect(cluster.spec.cloudConfig?.manageStorageClasses).toBe(false);
    expect(cluster.spec.sshAccess).toBeUndefined();
    await expect(create({ sets: ['cluster.spec.nosuchfield=1'] })).rejects.toThrow(/--set: "cluster.spec.nosuchfield": unknown field nosuchfield/);
    await expect(create({ sets: ['cluster.spec.kubelet.maxPods=many'] })).rejects.toThrow(/expected an integer/);
  });

  test('IPv6 defaults to a private topology with dual-stack subnets and an external cloud controller manager', async () => {
    const { cluster, instanceGroups } = await create({ ipv6: true, networking: 'calico' });
    expect(cluster.spec.nonMasqueradeCIDR).toBe('::/0');
    expect(cluster.spec.cloudControllerManager).toEqual({});
    expect(cluster.spec.subnets!.map((s) => [s.name, s.type, s.cidr, s.ipv6CIDR])).toEqual([
      ['us-test-1a', 'Private', undefined, '/64#0'],
      ['dualstack-us-test-1a', 'DualStack', '172.20.64.0/18', '/64#1'],
      ['utility-us-test-1a', 'Utility', '172.20.0.0/21', '/64#2'],
    ]);
    expect(instanceGroups[0].spec.subnets).toEqual(['dualstack-us-test-1a']);
  });

  test('Kubernetes older than 1.27 gets IMDSv2 metadata options on every group', async () => {
    const { instanceGroups } = await create({ kubernetesVersion: '1.26.5' });
    expect(instanceGroups.map((ig) => ig.spec.instanceMetadata)).toEqual([{ httpTokens: 'required' }, { httpPutResponseHopLimit: 1, httpTokens: 'required' }]);
  });
});

describe('create cluster rejects bad input with the flag and what to do', () => {
  test.each<[string, Partial<CreateClusterOptions>, RegExp]>([
    ['a zone outside the region', { zones: ['us-test-1a', 'us-east-1a'] }, /--zones: us-east-1a is not a zone of region us-test-1/],
    ['a zone given twice', { zones: ['us-test-1a', 'us-test-1a'] }, /--zones: us-test-1a is given more than once/],
    ['a zone the region does not have', { zones: ['us-test-1z'] }, /--zones: us-test-1z is not a zone of region us-test-1/],
    ['fewer control-plane nodes than control-plane zones', { zones: ['us-test-1a', 'us-test-1b'], controlPlaneZones: ['us-test-1a', 'us-test-1b'], controlPlaneCount: 1 }, /--control-plane-count: 1 control-plane nodes cannot cover 2 control-plane zones/],
    ['overlapping network CIDRs', { networkCIDRs: ['10.0.0.0/16', '10.0.128.0/17'] }, /--network-cidr: 10.0.128.0\/17 overlaps 10.0.0.0\/16/],
    ['a network CIDR too small for AWS', { networkCIDRs: ['10.0.0.0/29'] }, /must be between \/16 and \/28/],
    ['a network CIDR too small for the subnets', { networkCIDRs: ['10.0.0.0/27'], zones: ['us-test-1a', 'us-test-1b', 'us-test-1c'], topology: 'private', networking: 'calico' }, /too small to carve 6 subnets/],
    ['a malformed network CIDR', { networkCIDRs: ['10.0.0.0'] }, /"10.0.0.0" is not an IPv4 CIDR/],
    ['a subnet id that does not exist', { subnetIDs: ['subnet-nope'] }, /--subnets: subnet subnet-nope does not exist/],
    ['a subnet outside the given VPC', { networkID: 'vpc-12345678', subnetIDs: ['subnet-nope'] }, /--subnets: subnet subnet-nope not found in VPC vpc-12345678/],
    ['unknown networking', { networking: 'weave-x' }, /--networking: unknown networking mode "weave-x"/],
    ['an invalid Kubernetes version', { kubernetesVersion: '1.32' }, /--kubernetes-version: cannot parse "1.32"/],
    ['a name that is not a DNS name', { clusterName: 'My_Cluster' }, /cluster name "My_Cluster" is not a valid DNS name/],
    ['a name that is not fully qualified', { clusterName: 'demo' }, /metadata.name: "demo" is not a fully-qualified DNS name/],
    ['a bastion with a public topology', { bastion: true }, /--bastion needs --topology private/],
    ['kubenet with a private topology', { networking: 'kubenet', topology: 'private' }, /kubenet does not support --topology private/],
    ['an unsupported cloud', { cloudProvider: 'hetzner' }, /cloud provider "hetzner" is not supported yet/],
    ['an unknown topology', { topology: 'hybrid' }, /--topology: unknown topology "hybrid"/],
    ['an unknown instance manager', { instanceManager: 'spot' }, /--instance-manager: unknown value "spot"/],
    ['an unknown DNS type', { dnsType: 'gossip' }, /--dns: unknown DNS type "gossip"/],
    ['karpenter without a discovery store', { instanceManager: 'karpenter' }, /requires --discovery-store/],
    ['a machine type the region does not have', { nodeSizes: ['t2.invalidType'] }, /machine type t2.invalidType does not exist/],
  ])('%s', async (_what, o, message) => {
    await expect(create(o)).rejects.toThrow(message);
  });
});

describe('option files and cloud labels', () => {
  test('option keys are Go field names matched case-insensitively; unknown keys are rejected', () => {
    const o = optionsFromGoFields({ ClusterName: 'x.example.com', kubernetesVersion: 'v1.32.0', NetworkCIDRs: ['10.0.0.0/16'], IPv6: true, EncryptEtcdStorage: false }, 'options.yaml');
    expect([o.clusterName, o.kubernetesVersion, o.networkCIDRs, o.ipv6, o.encryptEtcdStorage, o.networking]).toEqual(['x.example.com', 'v1.32.0', ['10.0.0.0/16'], true, false, 'cilium']);
    expect(() => optionsFromGoFields({ Zone: ['a'] }, 'options.yaml')).toThrow(/options.yaml: unknown field "Zone"/);
    expect(() => optionsFromGoFields({ NodeCount: 'three' }, 'options.yaml')).toThrow(/NodeCount must be an integer/);
  });

  test('cloud labels are k=v records; quoted values may hold = and :', () => {
    expect(parseCloudLabels('Owner=John Doe,dn="cn=John Doe: dc=example dc=com", foo/bar=fib+baz')).toEqual({ Owner: 'John Doe', dn: 'cn=John Doe: dc=example dc=com', 'foo/bar': 'fib+baz' });
    expect(() => parseCloudLabels('novalue')).toThrow(/"novalue" is not a key=value pair/);
    expect(() => parseCloudLabels('a=b"c')).toThrow(/quote inside an unquoted value/);
  });
});
