import { describe, expect, test } from 'vitest';
import type { Cluster, InstanceGroup } from '../../../src/apis/types.js';
import { clusterSuffixedName, instanceGroupManagerName, splitAcrossZones, tagForRole } from '../../../src/cloud/gce/names.js';
import { buildGceModel } from '../../../src/model/gce/index.js';

const cluster = (spec: Cluster['spec']): Cluster => ({
  apiVersion: 'kops.k8s.io/v1alpha2',
  kind: 'Cluster',
  metadata: { name: 'g.example.com' },
  spec: {
    cloudProvider: 'gce',
    project: 'p1',
    configBase: 'memfs://tests/g.example.com',
    subnets: [{ name: 'europe-west4', region: 'europe-west4', type: 'Public', cidr: '10.0.16.0/20' }],
    sshAccess: ['0.0.0.0/0', '::/0'],
    kubernetesApiAccess: ['10.1.0.0/16'],
    api: { dns: {} },
    networking: { cni: {} },
    etcdClusters: [{ name: 'main', etcdMembers: [{ name: 'a', instanceGroup: 'cp' }] }],
    ...spec,
  },
});
const group = (name: string, role: string, zones: string[], extra: Partial<InstanceGroup['spec']> = {}): InstanceGroup => ({
  apiVersion: 'kops.k8s.io/v1alpha2',
  kind: 'InstanceGroup',
  metadata: { name },
  spec: { role, zones, subnets: ['europe-west4'], image: 'ubuntu-os-cloud/ubuntu-2404', machineType: 'e2-medium', ...extra },
});
const inputs = { project: 'p1', sshPublicKeys: [], files: [], userData: new Map<string, string>() };
const groups = [group('cp', 'Master', ['europe-west4-a'], { minSize: 1 }), group('nodes', 'Node', ['europe-west4-a', 'europe-west4-b', 'europe-west4-c'], { minSize: 4 })];

describe('GCE names', () => {
  test('cluster-suffixed names are cut with a hash to fit', () => {
    expect(clusterSuffixedName('nat', 'g.example.com', 63)).toBe('nat-g-example-com');
    const long = clusterSuffixedName('control-plane', 'minimal-gce-with-a-very-very-very-very-very-long-name.example.com', 30);
    expect(long).toHaveLength(30);
    expect(long.startsWith('control-plane-minimal-')).toBe(true);
    expect(tagForRole('g.example.com', 'node')).toBe('g-example-com-k8s-io-role-node');
  });

  test('a size is split over zones with the remainder going to the first ones', () => {
    expect([...splitAcrossZones(4, ['a', 'b', 'c']).values()]).toEqual([2, 1, 1]);
    expect(instanceGroupManagerName('g.example.com', 'nodes', 'europe-west4-b')).toBe('b-nodes-g-example-com');
  });
});

describe('GCE model', () => {
  test('one managed instance group per zone, sized by the split, all from the group template', () => {
    const tasks = buildGceModel(cluster({}), groups, inputs);
    const migs = tasks.filter((t) => t.type === 'google_compute_instance_group_manager' && t.name.endsWith('nodes-g-example-com'));
    expect(migs.map((t) => [t.name, t.spec.zone, t.spec.targetSize])).toEqual([
      ['a-nodes-g-example-com', 'europe-west4-a', 2],
      ['b-nodes-g-example-com', 'europe-west4-b', 1],
      ['c-nodes-g-example-com', 'europe-west4-c', 1],
    ]);
  });

  test('external access rules are split by address family; a family with no source is a disabled catch-all', () => {
    const tasks = buildGceModel(cluster({}), groups, inputs);
    const rule = (name: string) => tasks.find((t) => t.name === name)!.spec;
    expect(rule('kubernetes-master-https-g-example-com')).toMatchObject({ sourceRanges: ['10.1.0.0/16'], disabled: false });
    expect(rule('kubernetes-master-https-ipv6-g-example-com')).toMatchObject({ sourceRanges: ['::/0'], disabled: true });
    expect(rule('ssh-external-to-node-ipv6-g-example-com')).toMatchObject({ sourceRanges: ['::/0'], disabled: false });
  });

  test('without a shared account each role gets its own service account; the control plane is bound to the service-agent role', () => {
    const tasks = buildGceModel(cluster({}), groups, inputs);
    expect(tasks.filter((t) => t.type === 'google_service_account').map((t) => t.spec.accountId)).toEqual(['control-plane-g-example-com', 'node-g-example-com']);
    const binding = tasks.find((t) => t.type === 'google_project_iam_binding')!;
    expect(binding.spec.members).toEqual([{ $ref: { type: 'google_service_account', name: 'control-plane' }, attr: 'email', prefix: 'serviceAccount:' }]);
    const shared = buildGceModel(cluster({ cloudConfig: { gceServiceAccount: 'sa@p1.iam.gserviceaccount.com' } }), groups, inputs);
    expect(shared.filter((t) => t.type === 'google_service_account').map((t) => [t.spec.email, t.shared])).toEqual([['sa@p1.iam.gserviceaccount.com', true]]);
  });

  test('a shared network is referred to by name and neither its network nor its subnet is managed', () => {
    const tasks = buildGceModel(cluster({ networkID: 'host/shared', subnets: [{ name: 'europe-west4', region: 'europe-west4', type: 'Private', id: 'sub1' }] }), groups, inputs);
    expect(tasks.filter((t) => t.type === 'google_compute_network' || t.type === 'google_compute_subnetwork').map((t) => [t.name, t.shared])).toEqual([
      ['shared', true],
      ['sub1', true],
    ]);
    expect(tasks.some((t) => t.type === 'google_compute_router')).toBe(false);
    expect(tasks.find((t) => t.type === 'google_compute_firewall')!.spec.network).toBe('host/shared');
  });

  test('a private subnet gets a Cloud NAT for an empty or "nat" egress, none for External, and any other egress is refused', () => {
    const withEgress = (egress?: string) => buildGceModel(cluster({ subnets: [{ name: 'europe-west4', region: 'europe-west4', type: 'Private', cidr: '10.0.16.0/20', egress }] }), groups, inputs);
    const hasNat = (tasks: ReturnType<typeof buildGceModel>) => tasks.some((t) => t.type === 'google_compute_router_nat');
    expect(hasNat(withEgress(undefined))).toBe(true);
    expect(hasNat(withEgress('nat'))).toBe(true);
    expect(hasNat(withEgress('External'))).toBe(false);
    expect(() => withEgress('nat-0123')).toThrow('spec.subnets[0].egress: "nat-0123" is not supported on GCE');
  });

  test('a public API load balancer: target pool the control plane joins, plus the internal backend service and its per-subnet rule', () => {
    const tasks = buildGceModel(cluster({ api: { loadBalancer: { type: 'Public' } } }), groups, inputs);
    const cp = tasks.find((t) => t.name === 'a-cp-g-example-com')!;
    expect(cp.spec.targetPools).toEqual([{ $ref: { type: 'google_compute_target_pool', name: 'api-g-example-com' }, attr: 'self_link' }]);
    expect(tasks.find((t) => t.name === 'a-nodes-g-example-com')!.spec.targetPools).toBeUndefined();
    const backend = tasks.find((t) => t.type === 'google_compute_region_backend_service')!;
    expect(backend.spec.backends).toEqual([{ balancingMode: 'CONNECTION', group: { $ref: { type: 'google_compute_instance_group_manager', name: 'a-cp-g-example-com' }, attr: 'instance_group' } }]);
    expect(tasks.filter((t) => t.type === 'google_compute_forwarding_rule').map((t) => [t.name, t.spec.loadBalancingScheme])).toEqual([
      ['api-g-example-com', 'EXTERNAL'],
      ['api-europe-west4-g-example-com', 'INTERNAL'],
    ]);
    expect(tasks.some((t) => t.name === 'kubernetes-master-https-g-example-com')).toBe(false);
    expect(tasks.find((t) => t.name === 'https-api-g-example-com')!.spec.sourceRanges).toEqual(['10.1.0.0/16']);
  });

  test('a gs:// state store: the control plane administers its etcd backup buckets and reads the state bucket; nodes get nothing; a shared account none', () => {
    const spec = {
      configBase: 'gs://state/g.example.com',
      etcdClusters: [
        { name: 'main', etcdMembers: [{ name: 'a', instanceGroup: 'cp' }], backups: { backupStore: 'gs://backups/g.example.com/backups/etcd/main' } },
        { name: 'events', etcdMembers: [{ name: 'a', instanceGroup: 'cp' }], backups: { backupStore: 'gs://backups/g.example.com/backups/etcd/events' } },
      ],
    };
    const withApiServers = [group('api', 'APIServer', ['europe-west4-a']), ...groups];
    const grants = buildGceModel(cluster(spec), withApiServers, inputs).filter((t) => t.type === 'google_storage_bucket_iam_member');
    const member = { $ref: { type: 'google_service_account', name: 'control-plane' }, attr: 'email', prefix: 'serviceAccount:' };
    expect(grants.map((t) => [t.name, t.spec, t.lifecycle])).toEqual([
      ['objectadmin-backups-serviceaccount-controlplane', { bucket: 'backups', member, role: 'roles/storage.objectAdmin' }, 'WarnIfInsufficientAccess'],
      ['objectviewer-state-serviceaccount-controlplane', { bucket: 'state', member, role: 'roles/storage.objectViewer' }, 'WarnIfInsufficientAccess'],
    ]);
    const sameBucket = { ...spec, etcdClusters: [{ ...spec.etcdClusters[0], backups: { backupStore: 'gs://state/g.example.com/backups/etcd/main' } }] };
    expect(buildGceModel(cluster(sameBucket), groups, inputs).filter((t) => t.type === 'google_storage_bucket_iam_member').map((t) => t.name)).toEqual(['objectadmin-state-serviceaccount-controlplane']);
    expect(buildGceModel(cluster({ ...spec, cloudConfig: { gceServiceAccount: 'sa@p1.iam.gserviceaccount.com' } }), groups, inputs).some((t) => t.type === 'google_storage_bucket_iam_member')).toBe(false);
    expect(buildGceModel(cluster({}), groups, inputs).some((t) => t.type === 'google_storage_bucket_iam_member')).toBe(false);
  });
});
