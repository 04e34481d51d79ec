import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { encryptionConfigSecretHash } from '../../../src/model/bootstrap/encryption-config.js';
import { refusedFields } from '../../../src/apis/fields/refuse.js';
import { validateCluster } from '../../../src/apis/validation.js';
import { kubeAPIServerTasks } from '../../../src/nodeup/builders/kube-apiserver.js';
import type { Cluster } from '../../../src/apis/types.js';
import type { BuildContext } from '../../../src/nodeup/builders/context.js';

const cluster = (spec: Record<string, unknown>) => ({ apiVersion: 'kops.k8s.io/v1alpha2', kind: 'Cluster', metadata: { name: 'e.example.com' }, spec }) as unknown as Cluster;

describe('encryption at rest (spec.encryptionConfig)', () => {
  test('the secret hash is sha256 in URL-safe base64 with padding, only when the field is on', () => {
    const secret = Buffer.from('kind: EncryptionConfiguration\n');
    const expected = createHash('sha256').update(secret).digest('base64').replace(/\+/g, '-').replace(/\//g, '_');
    expect(encryptionConfigSecretHash(cluster({ encryptionConfig: true }), secret)).toBe(expected);
    expect(expected.endsWith('=')).toBe(true);
    expect(encryptionConfigSecretHash(cluster({ encryptionConfig: false }), secret)).toBeUndefined();
  });

  test('on without the encryptionconfig secret, the update stops saying how to create it', () => {
    expect(() => encryptionConfigSecretHash(cluster({ encryptionConfig: true }), undefined)).toThrow(/no encryptionconfig secret/);
  });

  test('nodeup gives kube-apiserver the secret as its encryption provider config, and refuses to go on without it', () => {
    const ctx = (secrets: Map<string, string>) =>
      ({
        config: { ClusterName: 'e.example.com', APIServerConfig: { EncryptionConfigSecretHash: 'h', KubeAPIServer: {} }, KeypairIDs: {}, CAs: {} },
        role: 'ControlPlane',
        host: { distribution: 'ubuntu', architecture: 'amd64' },
        assets: {},
        remote: new Map(),
        secrets,
      }) as unknown as BuildContext;
    const tasks = kubeAPIServerTasks(ctx(new Map([['encryptionconfig', 'kind: EncryptionConfiguration\n']])));
    const file = tasks.find((t) => t.kind === 'File' && t.path === '/srv/kubernetes/kube-apiserver/encryptionconfig.yaml');
    expect(file).toMatchObject({ mode: '0600', contents: 'kind: EncryptionConfiguration\n' });
    const manifest = tasks.find((t) => t.kind === 'File' && t.path.endsWith('kube-apiserver.manifest'));
    expect(String((manifest as { contents: unknown }).contents)).toContain('--encryption-provider-config=/srv/kubernetes/kube-apiserver/encryptionconfig.yaml');
    expect(() => kubeAPIServerTasks(ctx(new Map()))).toThrow(/encryptionconfig secret/);
  });
});

describe('legacy fields kops refuses by value', () => {
  test('iam.legacy: true is refused, the false every kops-written spec carries is not', () => {
    expect(refusedFields(cluster({ iam: { legacy: true } }), 'aws').map((r) => r.path)).toEqual(['spec.iam.legacy']);
    expect(refusedFields(cluster({ iam: { legacy: false } }), 'aws')).toEqual([]);
  });

  test('containerRuntime may only name containerd; containerd itself must be 2.1.0 or newer', () => {
    const paths = (spec: Record<string, unknown>) => validateCluster(cluster(spec), []).map((e) => `${e.path}: ${e.message}`);
    expect(paths({ containerRuntime: 'containerd' }).filter((p) => p.startsWith('spec.containerRuntime'))).toEqual([]);
    expect(paths({ containerRuntime: 'docker' })).toContain('spec.containerRuntime: is forbidden: Docker CRI support was removed in Kubernetes 1.24');
    expect(paths({ containerRuntime: 'rkt' })).toContain('spec.containerRuntime: unsupported value "rkt"');
    expect(paths({ containerd: { version: '1.7.0' } }).some((p) => p.startsWith('spec.containerd.version: "1.7.0" is an unsupported legacy version'))).toBe(true);
  });
});
