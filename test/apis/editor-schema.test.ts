/**
 * The JSON Schema shipped for editors (schema/kops.k8s.io_v1alpha2.json, written by npm run gen) against the golden
 * Cluster and InstanceGroup documents of the conformance cases, read at test time.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { sharedDir } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../schema/kops.k8s.io_v1alpha2.json'), 'utf8'));
const validate = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);
const conformance = join(sharedDir, 'kops-reference/conformance');

/** The v1alpha2 inputs and expected outputs of the golden cases: every Cluster and InstanceGroup document in them. */
function goldenDocuments(): Array<[string, Record<string, unknown>]> {
  const files = [
    ...casesWith('update_cluster', 'in-v1alpha2.yaml'),
    ...casesWith('create_cluster', 'expected-v1alpha2.yaml'),
    ...casesWith('conversion', 'v1alpha2.yaml'),
  ];
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .map((d) => d.toJS() as Record<string, unknown> | null)
      .filter((d): d is Record<string, unknown> => d?.apiVersion === 'kops.k8s.io/v1alpha2' && (d.kind === 'Cluster' || d.kind === 'InstanceGroup'))
      .map((d, i): [string, Record<string, unknown>] => [`${file.slice(conformance.length + 1)}#${i} ${String(d.kind)}`, d]),
  );
}

function casesWith(suite: string, file: string): string[] {
  const dir = join(conformance, suite);
  return readdirSync(dir).map((c) => join(dir, c, file)).filter((f) => existsSync(f)).sort();
}

const clusterYaml = (spec: Record<string, unknown>) => ({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name: 'a.example.com' }, spec });
/** The failures in the document itself (not the `if`/`then` that picked the definition for its kind). */
const errorsOf = (doc: unknown) => (validate(doc) ? [] : validate.errors!.filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath} ${e.message}`));

describe('the editor schema for Cluster and InstanceGroup', () => {
  const documents = goldenDocuments();

  test('covers the golden documents of every suite', () => {
    expect(documents.length).toBeGreaterThan(150);
    expect(new Set(documents.map(([, d]) => d.kind))).toEqual(new Set(['Cluster', 'InstanceGroup']));
  });

  test.each(documents)('accepts %s', (_name, doc) => {
    expect(errorsOf(doc)).toEqual([]);
  });

  test('rejects a field of the wrong type, naming its path', () => {
    expect(errorsOf(clusterYaml({ kubelet: { maxPods: 'many' } }))).toEqual(['/spec/kubelet/maxPods must be integer']);
  });

  test('rejects a value outside an enum', () => {
    expect(errorsOf(clusterYaml({ subnets: [{ name: 'a', type: 'Secret' }] }))).toContain('/spec/subnets/0/type must be equal to one of the allowed values');
    const group = { apiVersion: 'kops.k8s.io/v1alpha2', kind: 'InstanceGroup', metadata: { name: 'nodes' }, spec: { role: 'Worker' } };
    expect(errorsOf(group)).toContain('/spec/role must be equal to one of the allowed values');
  });

  test('rejects a missing required field and an unknown kind', () => {
    expect(errorsOf(clusterYaml({ etcdClusters: [{ name: 'main', etcdMembers: [{ instanceGroup: 'cp' }] }] }))).toContain(
      "/spec/etcdClusters/0/etcdMembers/0 must have required property 'name'",
    );
    expect(errorsOf({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Clusters', metadata: { name: 'x' } })).toContain('/kind must be equal to one of the allowed values');
    expect(errorsOf({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: {} })).toContain("/metadata must have required property 'name'");
  });

  test('one shared definition for the kubelet of the cluster, the control plane and instance groups', () => {
    const defs = schema.definitions;
    expect(defs.ClusterSpec.properties.kubelet).toEqual({ $ref: '#/definitions/KubeletConfigSpec' });
    expect(defs.ClusterSpec.properties.masterKubelet).toEqual({ $ref: '#/definitions/KubeletConfigSpec' });
    expect(defs.InstanceGroupSpec.properties.kubelet).toEqual({ $ref: '#/definitions/KubeletConfigSpec' });
  });
});
