import { describe, expect, test } from 'vitest';
import { decodeDocuments, encodeObject, encodeObjects } from '../../src/apis/codec.js';
import { UserError } from '../../src/errors.js';
import type { Cluster, InstanceGroup, KopsObject } from '../../src/apis/types.js';

const cluster = `apiVersion: kops.k8s.io/v1alpha2
kind: Cluster
metadata:
  creationTimestamp: "2016-12-10T22:42:27Z"
  name: minimal.example.com
spec:
  api:
    dns: {}
  iam:
    legacy: false
  kubernetesVersion: v1.35.0
  subnets:
  - cidr: 172.20.32.0/19
    name: us-test-1a
    type: Public
    zone: us-test-1a
`;

const instanceGroup = `apiVersion: kops.k8s.io/v1alpha2
kind: InstanceGroup
metadata:
  creationTimestamp: "2016-12-10T22:42:28Z"
  labels:
    kops.k8s.io/cluster: minimal.example.com
  name: nodes
spec:
  maxSize: 2
  minSize: 2
  role: Node
`;

function decodeError(text: string): UserError {
  try {
    decodeDocuments(text, 'in.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('expected the decode to fail');
}

describe('decoding', () => {
  test('a multi-document file gives one object per document, in order', () => {
    const objs = decodeDocuments(`${cluster}---\n${instanceGroup}`, 'in.yaml');
    expect(objs.map((o) => [o.kind, o.metadata.name])).toEqual([
      ['Cluster', 'minimal.example.com'],
      ['InstanceGroup', 'nodes'],
    ]);
    expect((objs[1] as InstanceGroup).spec.maxSize).toBe(2);
  });

  test('the legacy group kops/v1alpha2 is read as kops.k8s.io/v1alpha2', () => {
    const [obj] = decodeDocuments(cluster.replace('kops.k8s.io/v1alpha2', 'kops/v1alpha2'), 'in.yaml');
    expect(obj.apiVersion).toBe('kops.k8s.io/v1alpha2');
    expect(encodeObject(obj)).toBe(cluster);
  });

  test('JSON is accepted', () => {
    const json = JSON.stringify({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'InstanceGroup', metadata: { name: 'nodes' }, spec: { role: 'Node', minSize: 1 } });
    const [obj] = decodeDocuments(json, 'in.json') as InstanceGroup[];
    expect(obj.spec.role).toBe('Node');
    expect(obj.spec.minSize).toBe(1);
  });

  test('what was given is kept: empty structs and false values survive a round trip', () => {
    const [obj] = decodeDocuments(cluster, 'in.yaml') as Cluster[];
    expect(obj.spec.api?.dns).toEqual({});
    expect(obj.spec.iam?.legacy).toBe(false);
  });

  test('non-kops documents are errors, unless asked for as additional objects', () => {
    const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n';
    expect(decodeError(other).message).toMatch(/ConfigMap has apiVersion v1, which is not a kops API version/);
    const objs = decodeDocuments(`${cluster}---\n${other}`, 'in.yaml', { allowOtherKinds: true });
    expect(objs[1]).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } });
  });

  test('quantities are read in the canonical form Go prints', () => {
    const text = cluster.replace('  iam:', '  etcdClusters:\n  - name: main\n    cpuRequest: 0.5\n    memoryRequest: 1024Mi\n  iam:');
    const [obj] = decodeDocuments(text, 'in.yaml') as Cluster[];
    expect(obj.spec.etcdClusters?.[0]).toMatchObject({ cpuRequest: '500m', memoryRequest: '1Gi' });
  });
});

describe('bad input is a UserError naming the place', () => {
  test('malformed YAML gives the line', () => {
    const err = decodeError('apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nspec:\n  subnets: [a,\n');
    expect(err.message).toMatch(/^in\.yaml: line \d+: invalid YAML/);
  });

  test('a duplicate key is malformed YAML', () => {
    expect(decodeError(`${cluster}kind: Cluster\n`).message).toMatch(/^in\.yaml: line 17: invalid YAML: Map keys must be unique/);
  });

  test('an unknown apiVersion', () => {
    expect(decodeError(cluster.replace('kops.k8s.io/v1alpha2', 'kops.k8s.io/v1')).message).toBe('in.yaml: Cluster has unknown apiVersion kops.k8s.io/v1');
  });

  test('v1alpha3 is not supported yet', () => {
    expect(decodeError(cluster.replace('v1alpha2', 'v1alpha3')).message).toMatch(/v1alpha3 is not supported yet/);
  });

  test('an unknown kind', () => {
    expect(decodeError(cluster.replace('kind: Cluster', 'kind: Clusterr')).message).toMatch(/unknown kind Clusterr/);
  });

  test('a missing apiVersion or kind', () => {
    expect(decodeError('kind: Cluster\n').message).toMatch(/has no apiVersion/);
    expect(decodeError('apiVersion: kops.k8s.io/v1alpha2\n').message).toMatch(/has no kind/);
  });

  test('an unknown field, with its path', () => {
    const err = decodeError(cluster.replace('    zone: us-test-1a', '    zonee: us-test-1a'));
    expect(err.message).toBe('Cluster "minimal.example.com": spec.subnets[0].zonee: unknown field');
    expect(err.hint).toMatch(/in\.yaml/);
  });

  test('a field named like an Object property is still unknown', () => {
    expect(decodeError(instanceGroup.replace('  role: Node', '  constructor: x')).message).toBe('InstanceGroup "nodes": spec.constructor: unknown field');
  });

  test('an unknown field inside metadata', () => {
    expect(decodeError(instanceGroup.replace('  name: nodes', '  nam: nodes')).message).toBe('InstanceGroup "": metadata.nam: unknown field');
  });

  test('a wrong type, with its path', () => {
    expect(decodeError(instanceGroup.replace('maxSize: 2', 'maxSize: two')).message).toBe(
      'InstanceGroup "nodes": spec.maxSize: expected an integer, got a string ("two")',
    );
    expect(decodeError(cluster.replace('kubernetesVersion: v1.35.0', 'kubernetesVersion: 1.35')).message).toBe(
      'Cluster "minimal.example.com": spec.kubernetesVersion: expected a string, got a number (1.35)',
    );
    expect(decodeError(cluster.replace('  - cidr: 172.20.32.0/19\n', '  - cidr: [172.20.32.0/19]\n')).message).toMatch(
      /spec\.subnets\[0\]\.cidr: expected a string, got a list/,
    );
    expect(decodeError(cluster.replace('legacy: false', 'legacy: maybe')).message).toMatch(/spec\.iam\.legacy: expected true or false/);
  });

  test('YAML 1.1 booleans are booleans, as in Go', () => {
    const [obj] = decodeDocuments(cluster.replace('legacy: false', 'legacy: no'), 'in.yaml') as Cluster[];
    expect(obj.spec.iam?.legacy).toBe(false);
    expect(decodeError(cluster.replace('name: us-test-1a', 'name: yes')).message).toMatch(/spec\.subnets\[0\]\.name: expected a string, got a boolean/);
  });

  test('a bad timestamp and a bad quantity', () => {
    expect(decodeError(cluster.replace('"2016-12-10T22:42:27Z"', 'yesterday')).message).toMatch(/metadata\.creationTimestamp: "yesterday" is not an RFC 3339 time/);
    const bad = cluster.replace('  iam:', '  etcdClusters:\n  - name: main\n    memoryRequest: lots\n  iam:');
    expect(decodeError(bad).message).toMatch(/spec\.etcdClusters\[0\]\.memoryRequest: "lots" is not a valid quantity/);
  });

  test('like Go kops create -f, unknown fields can be reported and dropped instead', () => {
    const dropped: string[] = [];
    const text = cluster.replace('    zone: us-test-1a', '    zone: us-test-1a\n    volumeIops: 6000');
    const [obj] = decodeDocuments(text, 'in.yaml', { onUnknownField: (f) => dropped.push(f) });
    expect(dropped).toEqual(['Cluster "minimal.example.com": spec.subnets[0].volumeIops']);
    expect(encodeObject(obj)).toBe(cluster);
  });
});

describe('encoding', () => {
  test('a decoded Go-written object encodes to the same bytes', () => {
    const objs = decodeDocuments(`${cluster}---\n${instanceGroup}`, 'in.yaml');
    expect(encodeObjects(objs)).toBe(`${cluster.trim()}\n\n---\n\n${instanceGroup.trim()}\n`);
  });

  test('keys come out sorted whatever order they were written in', () => {
    const shuffled = 'kind: InstanceGroup\nspec:\n  role: Node\n  minSize: 1\nmetadata:\n  name: nodes\napiVersion: kops.k8s.io/v1alpha2\n';
    expect(encodeObject(decodeDocuments(shuffled, 'in.yaml')[0])).toBe(
      'apiVersion: kops.k8s.io/v1alpha2\nkind: InstanceGroup\nmetadata:\n  creationTimestamp: null\n  name: nodes\nspec:\n  minSize: 1\n  role: Node\n',
    );
  });

  test('Go prints an unset creationTimestamp as null and an unset iam.legacy as false', () => {
    const obj: KopsObject = { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name: 'c.example.com' }, spec: { iam: {} } };
    expect(encodeObject(obj)).toBe('apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  creationTimestamp: null\n  name: c.example.com\nspec:\n  iam:\n    legacy: false\n');
  });

  test('an object without a spec is printed with an empty one, as Go does', () => {
    const [obj] = decodeDocuments('apiVersion: kops.k8s.io/v1alpha2\nkind: SSHCredential\nmetadata:\n  name: admin\n', 'in.yaml');
    expect(obj.spec).toEqual({});
    expect(encodeObject(obj)).toBe('apiVersion: kops.k8s.io/v1alpha2\nkind: SSHCredential\nmetadata:\n  creationTimestamp: null\n  name: admin\nspec: {}\n');
  });

  test('empty lists and maps are dropped (Go omitempty), empty structs are kept', () => {
    const obj: KopsObject = {
      apiVersion: 'kops.k8s.io/v1alpha2',
      kind: 'Cluster',
      metadata: { name: 'c.example.com', creationTimestamp: '2017-01-01T00:00:00Z', labels: {} },
      spec: { subnets: [], cloudLabels: {}, authorization: { rbac: {} } },
    };
    expect(encodeObject(obj)).toBe(
      'apiVersion: kops.k8s.io/v1alpha2\nkind: Cluster\nmetadata:\n  creationTimestamp: "2017-01-01T00:00:00Z"\n  name: c.example.com\nspec:\n  authorization:\n    rbac: {}\n',
    );
  });

  test('a zero value of a plain Go field is dropped, one of a pointer field is kept', () => {
    const text = cluster.replace('  kubernetesVersion: v1.35.0\n', '  kubernetesVersion: ""\n  sshKeyName: ""\n');
    const out = encodeObject(decodeDocuments(text, 'in.yaml')[0]);
    expect(out).not.toMatch(/kubernetesVersion/);
    expect(out).toMatch(/\n  sshKeyName: ""\n/);
  });

  test('an empty map behind a Go pointer is kept', () => {
    const obj: KopsObject = { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name: 'c' }, spec: { additionalPolicies: {}, cloudLabels: {} } };
    expect(encodeObject(obj)).toMatch(/\nspec:\n  additionalPolicies: {}\n$/);
  });

  test('a quantity given as a number is printed as a string', () => {
    const obj: KopsObject = { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name: 'c' }, spec: { etcdClusters: [{ name: 'main', cpuRequest: 1 }] } };
    expect(encodeObject(obj)).toMatch(/\n  - cpuRequest: "1"\n    name: main\n/);
  });

  test('additional objects are written with sorted keys', () => {
    const [, other] = decodeDocuments(`${cluster}---\nkind: ConfigMap\napiVersion: v1\ndata:\n  b: "2"\n  a: x\n`, 'in.yaml', { allowOtherKinds: true });
    expect(encodeObject(other)).toBe('apiVersion: v1\ndata:\n  a: x\n  b: "2"\nkind: ConfigMap\n');
  });
});
