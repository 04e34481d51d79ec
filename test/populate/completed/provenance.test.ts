import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeDocuments, encodeObject } from '../../../src/apis/codec.js';
import type { Cluster } from '../../../src/apis/types.js';
import { isCluster, isInstanceGroup } from '../../../src/apis/types.js';
import { populateClusterSpec } from '../../../src/populate/completed/index.js';
import { annotateWithOrigins } from '../../../src/populate/completed/show-origin.js';
import { OriginMap, USER, byDefault, describeOrigin, forEachLeaf, formatPath } from '../../../src/populate/origin.js';
import { sharedDir } from '../../helpers/cli.js';
import { awsCases, fixturePopulateContext, readCaseInput } from '../../helpers/golden-cases.js';

describe('provenance of the completed spec', () => {
  test('every value of every golden completed spec has a recorded origin', () => {
    const missing: string[] = [];
    for (const name of awsCases()) {
      const { cluster, instanceGroups } = readCaseInput(name);
      const { cluster: completed, origins } = populateClusterSpec(cluster, instanceGroups, fixturePopulateContext);
      forEachLeaf(completed, [], (path) => {
        if (!origins.get(path)) missing.push(`${name}: ${formatPath(path)}`);
      });
    }
    expect(missing).toEqual([]);
  });

  test('so does the completed spec of every cluster `kops create cluster` writes in the create_cluster golden cases', () => {
    const dir = join(sharedDir, 'kops-reference/conformance/create_cluster');
    const missing: string[] = [];
    for (const name of readdirSync(dir)) {
      const objects = decodeDocuments(readFileSync(join(dir, name, 'expected-v1alpha2.yaml'), 'utf8'), name);
      const cluster = objects.find(isCluster)!;
      const { cluster: completed, origins } = populateClusterSpec(cluster, objects.filter(isInstanceGroup), fixturePopulateContext);
      forEachLeaf(completed, [], (path) => {
        if (!origins.get(path)) missing.push(`${name}: ${formatPath(path)}`);
      });
    }
    expect(missing).toEqual([]);
  });

  test('values from the user spec are marked user, filled values name their rule', () => {
    const { cluster, instanceGroups } = readCaseInput('minimal-aws');
    const { origins } = populateClusterSpec(cluster, instanceGroups, fixturePopulateContext);
    expect(origins.get(['spec', 'networkCIDR'])).toEqual({ kind: 'user' });
    expect(origins.get(['spec', 'etcdClusters', 0, 'etcdMembers', 0, 'instanceGroup'])).toEqual({ kind: 'user' });
    expect(origins.get(['spec', 'podCIDR'])).toEqual({ kind: 'inferred', rule: 'upper half of nonMasqueradeCIDR' });
    expect(origins.get(['spec', 'dnsZone'])).toEqual({ kind: 'inferred', rule: 'hosted zone serving minimal-aws.example.com' });
    expect(origins.get(['spec', 'kubeAPIServer', 'securePort'])?.kind).toBe('default');
    expect(origins.get(['spec', 'masterKubelet', 'cgroupDriver'])).toEqual({ kind: 'inferred', rule: 'control-plane kubelet inherits spec.kubelet' });
    expect(origins.get(['spec', 'kubernetesVersion'])).toEqual({ kind: 'inferred', rule: 'kubernetesVersion without its leading "v"' });
  });

  test('an empty object the user wrote stops being a value of its own once populate fills it', () => {
    const { cluster, instanceGroups } = readCaseInput('privatecalico');
    expect(cluster.spec.cloudControllerManager).toEqual({});
    const { origins } = populateClusterSpec(cluster, instanceGroups, fixturePopulateContext);
    expect(origins.get(['spec', 'cloudControllerManager'])).toBeUndefined();
    expect(origins.get(['spec', 'cloudControllerManager', 'clusterName'])).toEqual({ kind: 'inferred', rule: 'cluster name' });
  });

  test('--show-origin output is the completed YAML with one origin comment per value', () => {
    const { cluster, instanceGroups } = readCaseInput('minimal-ipv6');
    const completed = populateClusterSpec(cluster, instanceGroups, fixturePopulateContext);
    const plain = encodeObject(completed.cluster as unknown as Cluster);
    const annotated = annotateWithOrigins(plain, completed.origins);

    expect(annotated).toContain('  serviceClusterIPRange: fd00:5e4f:ce::/108 # default: service range for IPv6 clusters\n');
    expect(annotated).toContain("    bindAddress: '::' # inferred: bind all IPv6 addresses\n");
    expect(annotated).toContain('  - 0.0.0.0/0 # user\n');
    expect(annotated).toContain('    rbac: {} # default: RBAC authorization\n');
    const comments = [...completed.origins.entries()].map(([, o]) => describeOrigin(o));
    expect(annotated.split('\n').filter((l) => / # /.test(l))).toHaveLength(comments.length);
    const stripped = annotated.replace(/ # (user|(default|inferred|channel): [^\n]*)$/gm, '');
    expect(stripped).toBe(plain);
  });
});

test('origin comments sit after the header of multi-line strings and on empty collections', () => {
  const origins = new OriginMap();
  origins.record(['spec'], { fileAssets: [{ content: 'line one\nline two\n', name: 'a' }] }, USER);
  origins.record(['spec', 'authorization', 'rbac'], {}, byDefault('RBAC authorization'));
  const text = 'spec:\n  authorization:\n    rbac: {}\n  fileAssets:\n  - content: |\n      line one\n      line two\n    name: a\n';
  expect(annotateWithOrigins(text, origins)).toBe(
    'spec:\n  authorization:\n    rbac: {} # default: RBAC authorization\n  fileAssets:\n  - content: | # user\n      line one\n      line two\n    name: a # user\n',
  );
});
