import { describe, expect, test } from 'vitest';
import type { Cluster, InstanceGroup } from '../../src/apis/types.js';
import { validateCompletedCluster } from '../../src/apis/validation-completed.js';
import { formatFieldError } from '../../src/apis/validation.js';
import { fillGroupSizes } from '../../src/populate/instance-group.js';
import { goldenCases, goldenCompletedSpec, readCaseInput, readGoldenData } from '../helpers/golden-cases.js';

/** A golden case's completed spec (what the Go kops completed and accepted) and its groups as populate completes them. */
function golden(name: string): { cluster: Cluster; groups: InstanceGroup[] } {
  const cluster = goldenCompletedSpec(readGoldenData(name));
  const groups = readCaseInput(name).instanceGroups.map(fillGroupSizes);
  return { cluster, groups };
}

const problems = (cluster: Cluster, groups: InstanceGroup[], featureFlags: string[] = []) => validateCompletedCluster(cluster, groups, { featureFlags }).map(formatFieldError);

const AWS = 'minimal-aws';
const GCE = 'minimal_gce';

describe('validation of the completed spec (Go strict rules)', () => {
  test('every completed spec of the Go golden cases (AWS and GCE) passes, with the groups completed as populate does', () => {
    const cases = goldenCases().filter((c) => ['aws', 'gce'].includes(golden(c).cluster.spec.cloudProvider ?? ''));
    expect(cases.length).toBeGreaterThan(40);
    const failing = cases.flatMap((c) => {
      const { cluster, groups } = golden(c);
      // Images come from the channel at update; the golden inputs that leave them out are completed there.
      for (const g of groups) g.spec.image ??= 'channel-image';
      return problems(cluster, groups).map((p) => `${c}: ${p}`);
    });
    expect(failing).toEqual([]);
  });

  test('the components populate always fills must be there', () => {
    const { cluster, groups } = golden(AWS);
    delete cluster.spec.kubelet;
    delete cluster.spec.kubeProxy;
    expect(problems(cluster, groups)).toEqual([
      'Cluster "minimal-aws.example.com": spec.kubelet: kubelet not configured',
      'Cluster "minimal-aws.example.com": spec.kubeProxy: kubeProxy not configured',
    ]);
  });

  test("a component's cloudProvider must name the cluster's cloud or external", () => {
    const { cluster, groups } = golden(AWS);
    cluster.spec.kubeControllerManager!.cloudProvider = 'gce';
    expect(problems(cluster, groups)).toEqual(['Cluster "minimal-aws.example.com": spec.kubeControllerManager.cloudProvider: Forbidden: Did not match cluster cloudProvider']);
  });

  test('pod range inside nonMasqueradeCIDR, the service range required, and the API server using the same', () => {
    const { cluster, groups } = golden(AWS);
    cluster.spec.podCIDR = '10.0.0.0/16';
    delete cluster.spec.serviceClusterIPRange;
    expect(problems(cluster, groups)).toEqual([
      'Cluster "minimal-aws.example.com": spec.kubeAPIServer.serviceClusterIPRange: Forbidden: kubeAPIServer serviceClusterIPRange "100.64.0.0/13" did not match cluster serviceClusterIPRange ""',
      'Cluster "minimal-aws.example.com": spec.podCIDR: Forbidden: podCIDR "10.0.0.0/16" must be a subnet of nonMasqueradeCIDR "100.64.0.0/10"',
      'Cluster "minimal-aws.example.com": spec.serviceClusterIPRange: Required value: Cluster did not have serviceClusterIPRange set',
    ]);
  });

  test('nonMasqueradeCIDR must not overlap the VPC, and subnets need a CIDR on AWS', () => {
    const { cluster, groups } = golden(AWS);
    cluster.spec.nonMasqueradeCIDR = '172.16.0.0/12';
    cluster.spec.podCIDR = '172.24.0.0/13';
    delete cluster.spec.subnets![0].cidr;
    const found = problems(cluster, groups);
    expect(found).toContain('Cluster "minimal-aws.example.com": spec.nonMasqueradeCIDR: Forbidden: nonMasqueradeCIDR "172.16.0.0/12" cannot overlap with networkCIDR "172.20.0.0/16"');
    expect(found).toContain('Cluster "minimal-aws.example.com": spec.subnets[0].cidr: Required value: subnet does not have a cidr set');
  });

  test('etcd: version 3 for every cluster, the same one, and a version with an image', () => {
    const { cluster, groups } = golden(AWS);
    const [main, events] = cluster.spec.etcdClusters!;
    main.version = '2.2.1';
    events.image = 'registry.k8s.io/etcd:3.5.21';
    delete events.version;
    expect(problems(cluster, groups)).toEqual([
      'Cluster "minimal-aws.example.com": spec.etcdClusters[0].version: "2.2.1": unsupported storage version, we only support major version 3',
      'Cluster "minimal-aws.example.com": spec.etcdClusters[1].version: Required value: version must be set when image is set',
    ]);
  });

  test('kubelet clusterDNS must be the DNS server (or node-local cache) unless ExperimentalClusterDNS is on', () => {
    const { cluster, groups } = golden(AWS);
    cluster.spec.kubelet!.clusterDNS = '100.64.0.53';
    cluster.spec.kubeDNS!.nodeLocalDNS ??= { enabled: false };
    expect(problems(cluster, groups)).toEqual(['Cluster "minimal-aws.example.com": spec.kubelet.clusterDNS: Forbidden: Kubelet ClusterDNS did not match cluster kubeDNS.serverIP or nodeLocalDNS.localIP']);
    expect(problems(cluster, groups, ['ExperimentalClusterDNS'])).toEqual([]);
  });

  test('AWS: the API load balancer class must be Network', () => {
    const { cluster, groups } = golden(AWS);
    cluster.spec.api = { loadBalancer: { type: 'Public' } };
    expect(problems(cluster, groups)).toEqual(['Cluster "minimal-aws.example.com": spec.api.loadBalancer.class: Unsupported value: "": supported values: "Network"']);
  });

  test('service-account issuer discovery: an S3 bucket without dots, and OIDC only with a store or service', () => {
    const { cluster, groups } = golden(AWS);
    cluster.spec.serviceAccountIssuerDiscovery = { discoveryStore: 's3://oidc.example.com/c', enableAWSOIDCProvider: true };
    expect(problems(cluster, groups)).toEqual(['Cluster "minimal-aws.example.com": spec.serviceAccountIssuerDiscovery.discoveryStore: "s3://oidc.example.com/c": Bucket name cannot contain dots']);
    cluster.spec.serviceAccountIssuerDiscovery = { enableAWSOIDCProvider: true };
    expect(problems(cluster, groups)).toEqual(['Cluster "minimal-aws.example.com": spec.serviceAccountIssuerDiscovery.enableAWSOIDCProvider: Forbidden: AWS OIDC Provider requires a discoveryStore or discoveryService to be set']);
  });

  test('groups: a control-plane and a node group, sizes and an image, each control-plane group in every etcd cluster', () => {
    const { cluster, groups } = golden(AWS);
    const controlPlane = groups.filter((g) => g.spec.role === 'Master');
    expect(problems(cluster, controlPlane)).toEqual(['Cluster "minimal-aws.example.com": instance groups: must configure at least one Node InstanceGroup']);
    const nodes = groups.find((g) => g.spec.role === 'Node')!;
    delete nodes.spec.maxSize;
    delete nodes.spec.image;
    expect(problems(cluster, groups)).toEqual(['InstanceGroup "nodes": spec.maxSize: Forbidden: maxSize must be set', 'InstanceGroup "nodes": spec.image: Forbidden: image must be specified.']);
  });

  test('GCE: no networkCIDR, and the user-input rules hold on the completed spec too (one region)', () => {
    const { cluster, groups } = golden(GCE);
    cluster.spec.networkCIDR = '10.0.0.0/16';
    cluster.spec.subnets = [...cluster.spec.subnets!, { ...cluster.spec.subnets![0], name: 'other', region: 'europe-west4' }];
    expect(problems(cluster, groups)).toEqual([
      'Cluster "minimal-gce.example.com": spec.subnets[1].region: is forbidden: clusters cannot span regions (us-test1 and europe-west4)',
      'Cluster "minimal-gce.example.com": spec.networkCIDR: Forbidden: gce doesn\'t support networkCIDR',
    ]);
  });
});
