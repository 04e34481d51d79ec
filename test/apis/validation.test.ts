import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeDocuments } from '../../src/apis/codec.js';
import { assertValid, formatFieldError, validateCluster, validationError } from '../../src/apis/validation.js';
import { isKopsObject, type Cluster, type InstanceGroup } from '../../src/apis/types.js';
import { UserError } from '../../src/errors.js';
import { sharedDir } from '../helpers/cli.js';

function validCluster(): Cluster {
  return {
    apiVersion: 'kops.k8s.io/v1alpha2',
    kind: 'Cluster',
    metadata: { name: 'minimal.example.com' },
    spec: {
      cloudProvider: 'aws',
      kubernetesVersion: 'v1.32.0',
      networkCIDR: '172.20.0.0/16',
      nonMasqueradeCIDR: '100.64.0.0/10',
      kubernetesApiAccess: ['0.0.0.0/0', '::/0'],
      sshAccess: ['0.0.0.0/0'],
      subnets: [
        { name: 'us-test-1a', zone: 'us-test-1a', cidr: '172.20.32.0/19', type: 'Public' },
        { name: 'us-test-1b', zone: 'us-test-1b', cidr: '172.20.64.0/19', type: 'Private' },
      ],
      etcdClusters: [
        { name: 'main', etcdMembers: [{ name: 'a', instanceGroup: 'control-plane-us-test-1a' }] },
        { name: 'events', etcdMembers: [{ name: 'a', instanceGroup: 'control-plane-us-test-1a' }] },
      ],
      topology: { dns: { type: 'Public' } },
      networking: { cilium: {} },
    },
  };
}

function ig(name: string, role: string, extra: Partial<InstanceGroup['spec']> = {}): InstanceGroup {
  return {
    apiVersion: 'kops.k8s.io/v1alpha2',
    kind: 'InstanceGroup',
    metadata: { name, labels: { 'kops.k8s.io/cluster': 'minimal.example.com' } },
    spec: { role, minSize: 1, maxSize: 1, subnets: ['us-test-1a'], ...extra },
  };
}

const groups = () => [ig('control-plane-us-test-1a', 'Master'), ig('nodes', 'Node', { minSize: 2, maxSize: 3 })];

/** The problems as `<object>: <path>: <message>` lines. */
function problems(mutate: (c: Cluster, igs: InstanceGroup[]) => void): string[] {
  const c = validCluster();
  const igs = groups();
  mutate(c, igs);
  return validateCluster(c, igs).map(formatFieldError);
}

test('a well-formed cluster has no problems', () => {
  expect(problems(() => {})).toEqual([]);
});

describe('names', () => {
  test('the cluster name must be a fully-qualified DNS name', () => {
    expect(problems((c) => (c.metadata.name = 'Bad_Name.example.com'))).toContain('Cluster "Bad_Name.example.com": metadata.name: "Bad_Name.example.com" is not a valid DNS name');
    expect(problems((c) => (c.metadata.name = 'single'))).toContain('Cluster "single": metadata.name: "single" is not a fully-qualified DNS name');
    expect(problems((c) => (c.metadata.name = ''))).toContain('Cluster "": metadata.name: is required');
  });

  test('two instance groups cannot share a name', () => {
    expect(problems((_c, igs) => igs.push(ig('nodes', 'Node')))).toEqual(['InstanceGroup "nodes": metadata.name: is used by more than one instance group']);
  });
});

describe('networks', () => {
  test('CIDRs must parse', () => {
    expect(problems((c) => (c.spec.networkCIDR = '172.20.0.0/33'))).toContain('Cluster "minimal.example.com": spec.networkCIDR: "172.20.0.0/33" is not a valid CIDR');
    expect(problems((c) => (c.spec.sshAccess = ['1.2.3.4']))).toContain('Cluster "minimal.example.com": spec.sshAccess[0]: "1.2.3.4" is not a valid CIDR');
  });

  test('a subnet must sit inside the network CIDR or an additional one', () => {
    expect(problems((c) => (c.spec.subnets![1].cidr = '10.1.0.0/16'))).toEqual([
      'Cluster "minimal.example.com": spec.subnets[1].cidr: 10.1.0.0/16 is not inside spec.networkCIDR or spec.additionalNetworkCIDRs (172.20.0.0/16)',
    ]);
    expect(
      problems((c) => {
        c.spec.subnets![1].cidr = '10.1.0.0/16';
        c.spec.additionalNetworkCIDRs = ['10.0.0.0/8'];
      }),
    ).toEqual([]);
  });

  test('subnets need a known type, a unique name, and zones of one region', () => {
    expect(
      problems((c) => {
        c.spec.subnets![1].type = 'Semi';
        c.spec.subnets![1].name = 'us-test-1a';
        c.spec.subnets![1].zone = 'eu-west-1b';
      }),
    ).toEqual([
      'Cluster "minimal.example.com": spec.subnets[1].name: subnet name "us-test-1a" is used more than once',
      'Cluster "minimal.example.com": spec.subnets[1].type: unknown subnet type "Semi"',
      'Cluster "minimal.example.com": spec.subnets: subnets are in more than one region (eu-west-1, us-test-1)',
    ]);
  });

  test('kops IPv6 subnet shorthand is accepted, other text is not', () => {
    expect(problems((c) => (c.spec.subnets![0].ipv6CIDR = '/64#1'))).toEqual([]);
    expect(problems((c) => (c.spec.subnets![0].ipv6CIDR = '10.0.0.0/8'))).toEqual(['Cluster "minimal.example.com": spec.subnets[0].ipv6CIDR: "10.0.0.0/8" is not an IPv6 CIDR']);
  });

  test('a subnet egress names a known kind, and only private or IPv6-capable public subnets take one but External (as Go validateSubnet)', () => {
    expect(problems((c) => (c.spec.subnets![1].egress = 'nat-0123'))).toEqual([]);
    expect(problems((c) => (c.spec.subnets![0].egress = 'External'))).toEqual([]);
    expect(
      problems((c) => {
        c.spec.subnets![0].egress = 'nat-0123';
        c.spec.subnets![0].ipv6CIDR = '/64#0';
      }),
    ).toEqual([]);
    expect(problems((c) => (c.spec.subnets![1].egress = 'NatGateway'))).toEqual(['Cluster "minimal.example.com": spec.subnets[1].egress: unsupported egress "NatGateway"']);
    expect(problems((c) => (c.spec.subnets![0].egress = 'tgw-0123'))).toEqual([
      'Cluster "minimal.example.com": spec.subnets[0].egress: is forbidden: egress can only be specified for private or IPv6-capable public subnets',
    ]);
  });

  test('subnets are all shared (given by id) or none is', () => {
    expect(problems((c) => (c.spec.subnets![1].id = 'subnet-1'))).toEqual(['Cluster "minimal.example.com": spec.subnets[1].id: is forbidden: cannot mix subnets with specified ID and unspecified ID']);
  });

  test('an internal API load balancer needs a private subnet', () => {
    expect(problems((c) => (c.spec.api = { loadBalancer: { type: 'Internal' } }))).toEqual([]);
    expect(
      problems((c) => {
        c.spec.api = { loadBalancer: { type: 'Internal' } };
        c.spec.subnets = c.spec.subnets!.filter((s) => s.type === 'Public');
      }),
    ).toEqual(['Cluster "minimal.example.com": spec.api.loadBalancer.type: is forbidden: Internal LoadBalancers must have at least one subnet of type Private']);
  });

  test('on GCE every subnet has the one region of the cluster, and every instance group names its zones and a known provisioning model', () => {
    const gce = (mutate: (c: Cluster, igs: InstanceGroup[]) => void) =>
      problems((c, igs) => {
        c.spec.cloudProvider = 'gce';
        delete c.spec.networkCIDR;
        c.spec.subnets = [
          { name: 'us-test-1a', region: 'us-test1', type: 'Public' },
          { name: 'us-test-1b', region: 'us-test1', type: 'Private' },
        ];
        for (const g of igs) g.spec.zones = ['us-test1-a'];
        mutate(c, igs);
      });
    expect(gce(() => {})).toEqual([]);
    expect(
      gce((c, igs) => {
        c.spec.subnets![1].region = 'us-test2';
        delete c.spec.subnets![0].region;
        delete igs[1].spec.zones;
        igs[0].spec.gcpProvisioningModel = 'PREEMPTIBLE';
      }),
    ).toEqual([
      'Cluster "minimal.example.com": spec.subnets[0].region: is required: GCE subnets are regional',
      'InstanceGroup "control-plane-us-test-1a": spec.gcpProvisioningModel: unsupported value "PREEMPTIBLE"',
      'InstanceGroup "nodes": spec.zones: is required: a GCE instance group names the zones of its managed instance groups',
    ]);
    expect(gce((c) => (c.spec.subnets![1].region = 'us-test2'))).toEqual(['Cluster "minimal.example.com": spec.subnets[1].region: is forbidden: clusters cannot span regions (us-test1 and us-test2)']);
  });

  test('only one networking provider', () => {
    expect(problems((c) => (c.spec.networking = { cilium: {}, calico: {} }))).toEqual([
      'Cluster "minimal.example.com": spec.networking: only one networking provider may be set, found cilium, calico',
    ]);
  });
});

describe('etcd', () => {
  test('members must reference a control-plane instance group', () => {
    expect(problems((c) => (c.spec.etcdClusters![0].etcdMembers![0].instanceGroup = 'nodes'))).toEqual([
      'Cluster "minimal.example.com": spec.etcdClusters[0].etcdMembers[0].instanceGroup: "nodes" is not a control-plane instance group of this cluster',
    ]);
  });

  test('an etcd cluster needs an odd number of members', () => {
    expect(
      problems((c, igs) => {
        igs.push(ig('control-plane-us-test-1b', 'Master'));
        c.spec.etcdClusters![0].etcdMembers!.push({ name: 'b', instanceGroup: 'control-plane-us-test-1b' });
      }),
    ).toEqual(['Cluster "minimal.example.com": spec.etcdClusters[0].etcdMembers: 2 members: an etcd cluster needs an odd number of members for quorum']);
  });
});

describe('instance groups', () => {
  test('min must not exceed max', () => {
    expect(problems((_c, igs) => (igs[1].spec.minSize = 5))).toEqual(['InstanceGroup "nodes": spec.minSize: 5 is greater than spec.maxSize 3']);
  });

  test('the role must be known', () => {
    expect(problems((_c, igs) => (igs[1].spec.role = 'Worker'))).toEqual(['InstanceGroup "nodes": spec.role: unknown role "Worker"']);
    expect(problems((_c, igs) => delete (igs[1].spec as { role?: string }).role)).toEqual(['InstanceGroup "nodes": spec.role: is required']);
  });

  test('subnets must be subnets of the cluster', () => {
    expect(problems((_c, igs) => (igs[1].spec.subnets = ['us-test-1z']))).toEqual(['InstanceGroup "nodes": spec.subnets[0]: "us-test-1z" is not a subnet of the cluster']);
  });
});

test('the Kubernetes version must be a version or a release URL', () => {
  expect(problems((c) => (c.spec.kubernetesVersion = 'latest'))).toEqual(['Cluster "minimal.example.com": spec.kubernetesVersion: "latest" is not a Kubernetes version']);
  expect(problems((c) => (c.spec.kubernetesVersion = 'https://dl.k8s.io/release/v1.35.0'))).toEqual([]);
  expect(problems((c) => (c.spec.kubernetesVersion = '1.32.0-rc.1'))).toEqual([]);
});

test('problems become one UserError: the first one, its hint, and how many more', () => {
  const c = validCluster();
  c.spec.networkCIDR = 'nope';
  const igs = groups();
  igs[1].spec.minSize = 9;
  const err = validationError(validateCluster(c, igs));
  expect(err).toBeInstanceOf(UserError);
  expect(err.message).toBe('Cluster "minimal.example.com": spec.networkCIDR: "nope" is not a valid CIDR (and 1 more problem)');
  expect(err.hint).toMatch(/address\/prefix/);
  expect(() => assertValid(validCluster(), groups())).not.toThrow();
});

test('a decoded file with duplicate instance group names is rejected', () => {
  const text = [
    'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  name: minimal.example.com\nspec:\n  cloudProvider: aws\n',
    'apiVersion: kops.k8s.io/v1alpha2\nkind: InstanceGroup\nmetadata:\n  name: nodes\nspec:\n  role: Node\n',
    'apiVersion: kops.k8s.io/v1alpha2\nkind: InstanceGroup\nmetadata:\n  name: nodes\nspec:\n  role: Node\n',
  ].join('---\n');
  const [cluster, ...igs] = decodeDocuments(text, 'in.yaml') as [Cluster, ...InstanceGroup[]];
  expect(() => assertValid(cluster, igs)).toThrow('InstanceGroup "nodes": metadata.name: is used by more than one instance group');
});

describe('additional routes of a subnet (as Go awsValidateAdditionalRoutes)', () => {
  const withRoutes = (index: number, additionalRoutes: Array<{ cidr: string; target: string }>) => {
    const cluster = validCluster();
    cluster.spec.subnets![index].additionalRoutes = additionalRoutes;
    return validateCluster(cluster, []).map(formatFieldError);
  };
  const at = 'Cluster "minimal.example.com": spec.subnets[1].additionalRoutes';

  test('a private subnet may route to any known kind of target', () => {
    expect(withRoutes(1, [{ cidr: '10.9.0.0/16', target: 'pcx-1' }, { cidr: '10.8.0.0/16', target: 'tgw-1' }, { cidr: '10.7.0.0/16', target: 'eigw-1' }])).toEqual([]);
  });

  test('routes are refused on a public or shared subnet, to an unknown target, or twice to one CIDR', () => {
    expect(withRoutes(0, [{ cidr: '10.9.0.0/16', target: 'pcx-1' }])).toEqual(['Cluster "minimal.example.com": spec.subnets[0].additionalRoutes: is forbidden: additional routes can only be added on private subnets']);
    expect(withRoutes(1, [{ cidr: '10.9.0.0/16', target: 'vgw-1' }])).toEqual([`${at}[0].target: unknown target type for route "vgw-1"`]);
    expect(withRoutes(1, [{ cidr: '10.9.0.0/16', target: 'i-1' }, { cidr: '10.9.0.0/16', target: 'nat-1' }])).toEqual([`${at}[1].cidr: duplicate value "10.9.0.0/16"`]);
    expect(withRoutes(1, [{ cidr: '172.20.0.0/16', target: 'i-1' }])).toEqual([`${at}[0].cidr: duplicate value "172.20.0.0/16"`]);
    const shared = validCluster();
    shared.spec.subnets![0].id = 'subnet-0';
    shared.spec.subnets![1] = { ...shared.spec.subnets![1], id: 'subnet-1', additionalRoutes: [{ cidr: '10.9.0.0/16', target: 'i-1' }] };
    expect(validateCluster(shared, []).map(formatFieldError)).toEqual([`${at}: is forbidden: additional routes cannot be added if the subnet is shared`]);
  });

  test('a peering connection cannot carry a route inside the network CIDR', () => {
    expect(withRoutes(1, [{ cidr: '172.20.128.0/24', target: 'pcx-1' }])).toEqual([
      `${at}[0].target: is forbidden: target is more specific than a network CIDR block. This route can target only an interface or an instance.`,
    ]);
  });
});

test('IP-based node names are refused on an IPv6-only cluster', () => {
  const cluster = validCluster();
  cluster.spec.nonMasqueradeCIDR = '::/0';
  cluster.spec.cloudConfig = { useIPBasedNodeNames: true };
  expect(validateCluster(cluster, []).map(formatFieldError)).toContain('Cluster "minimal.example.com": spec.cloudConfig.useIPBasedNodeNames: is forbidden: IP-based node names are not supported on IPv6-only clusters');
});

/** The clusters kops validates: those it updates and creates (its conversion cases are converted, never validated). */
describe('every cluster in the golden data is valid', () => {
  const conformance = join(sharedDir, 'kops-reference/conformance');
  const files = ['update_cluster:in-v1alpha2.yaml', 'create_cluster:expected-v1alpha2.yaml'].flatMap((spec) => {
    const [suite, file] = spec.split(':');
    return readdirSync(join(conformance, suite))
      .map((c) => join(suite, c, file))
      .filter((f) => existsSync(join(conformance, f)));
  });

  test.each(files)('%s', (name) => {
    const objects = decodeDocuments(readFileSync(join(conformance, name), 'utf8'), name, { allowOtherKinds: true, onUnknownField: () => {} }).filter(isKopsObject);
    const igs = objects.filter((o): o is InstanceGroup => o.kind === 'InstanceGroup');
    for (const cluster of objects.filter((o): o is Cluster => o.kind === 'Cluster')) {
      expect(validateCluster(cluster, igs).map(formatFieldError)).toEqual([]);
    }
  });
});

describe('cilium (validateNetworkingCilium)', () => {
  const cilium = (settings: Record<string, unknown>, more: (c: Cluster) => void = () => {}) =>
    problems((c) => {
      c.spec.networking = { cilium: settings };
      more(c);
    }).map((p) => p.replace('Cluster "minimal.example.com": ', ''));

  test('enumerated settings name the values kops supports', () => {
    expect(cilium({ tunnel: 'gre', enablePolicy: 'sometimes', bpfLBAlgorithm: 'hash' })).toEqual([
      'spec.networking.cilium.enablePolicy: Unsupported value: "sometimes": supported values: "default", "always", "never"',
      'spec.networking.cilium.tunnel: Unsupported value: "gre": supported values: "vxlan", "geneve", "disabled"',
      'spec.networking.cilium.bpfLBAlgorithm: Unsupported value: "hash": supported values: "random", "maglev"',
    ]);
    expect(cilium({ tunnel: 'geneve', enablePolicy: 'always', bpfLBAlgorithm: 'maglev', ipam: 'eni', monitorAggregation: 'low' })).toEqual([]);
  });

  test('only Cilium 1.18, written with a v', () => {
    expect(cilium({ version: 'v1.17.4' })).toEqual(['spec.networking.cilium.version: Invalid value: "v1.17.4": Only version 1.18 is supported']);
    expect(cilium({ version: '1.18.2' })).toEqual(["spec.networking.cilium.version: Invalid value: \"1.18.2\": Cilium version must be prefixed with 'v'"]);
    expect(cilium({ version: 'v1.18.2' })).toEqual([]);
  });

  test('settings that need another: kvstore identities and managed etcd, encryption type, BPF socket LB, L7 proxy and iptables', () => {
    expect(cilium({ identityAllocationMode: 'kvstore', etcdManaged: true })).toEqual(['spec.etcdClusters: Required value: Cilium with managed etcd requires a dedicated etcd cluster']);
    expect(cilium({ identityAllocationMode: 'kvstore' })).toEqual(['spec.networking.cilium.identityAllocationMode: Forbidden: Cilium requires managed etcd to allocate identities on kvstore mode']);
    expect(cilium({ encryptionType: 'wireguard' })).toEqual(['spec.networking.cilium.encryptionType: Forbidden: encryptionType requires enableEncryption']);
    expect(cilium({ bpfLBSockHostNSOnly: true })).toEqual(['spec.networking.cilium.bpfLBSockHostNSOnly: Forbidden: bpfLBSockHostNSOnly requires bpfLBSock to be enabled']);
    expect(cilium({ IPTablesRulesNoinstall: true, enableL7Proxy: true })).toEqual(['spec.networking.cilium.enableL7Proxy: Forbidden: Cilium L7 Proxy requires installIptablesRules.']);
    expect(cilium({ IPTablesRulesNoinstall: true, enableL7Proxy: false, enableEncryption: true, encryptionType: 'wireguard', bpfLBSock: true, bpfLBSockHostNSOnly: true })).toEqual([]);
  });

  test('Hubble needs cert-manager, NodePort needs kube-proxy off, encryption and ENI IPAM need IPv4 (unset settings not yet defaulted, as kops checks a written spec)', () => {
    expect(cilium({ hubble: { enabled: true } })).toEqual(['spec.networking.cilium.hubble.enabled: Forbidden: Hubble requires that cert manager is enabled']);
    expect(cilium({ hubble: { enabled: true } }, (c) => (c.spec.certManager = { enabled: true }))).toEqual([]);
    expect(cilium({ hubble: { enabled: false } })).toEqual([]);
    expect(cilium({ enableNodePort: true }, (c) => (c.spec.kubeProxy = {}))).toEqual(['spec.kubeProxy.enabled: Forbidden: When Cilium NodePort is enabled, kubeProxy must be disabled']);
    expect(cilium({ enableNodePort: true }, (c) => (c.spec.kubeProxy = { enabled: false }))).toEqual([]);
    const ipv6 = (c: Cluster) => (c.spec.nonMasqueradeCIDR = '::/0');
    expect(cilium({ enableEncryption: true, ipam: 'eni' }, ipv6)).toEqual([
      'spec.networking.cilium.enableEncryption: Forbidden: encryption is not supported on IPv6 clusters',
      'spec.networking.cilium.ipam: Forbidden: Cilium ENI IPAM does not support IPv6',
    ]);
  });
});
