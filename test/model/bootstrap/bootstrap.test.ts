import { describe, expect, test } from 'vitest';
import { buildBootstrap } from '../../../src/model/bootstrap/index.js';
import { UserError } from '../../../src/errors.js';
import { goldenBootstrapCase } from '../../helpers/golden-cases.js';

describe('buildBootstrap', () => {
  test('is deterministic: the same inputs give the same files', () => {
    const c = goldenBootstrapCase('minimal-aws');
    const a = buildBootstrap(c.cluster, c.instanceGroups, c.ctx);
    const b = buildBootstrap(c.cluster, c.instanceGroups, c.ctx);
    expect(a.files).toEqual(b.files);
    expect([...a.userData]).toEqual([...b.userData]);
  });

  test('files are placed under the config base by role, etcd specs under their backup store', () => {
    const c = goldenBootstrapCase('apiservernodes');
    const paths = buildBootstrap(c.cluster, c.instanceGroups, c.ctx).files.map((f) => f.path);
    expect(paths).toContain('igconfig/control-plane/master-us-test-1a/nodeupconfig.yaml');
    expect(paths).toContain('igconfig/apiserver/apiserver/nodeupconfig.yaml');
    expect(paths).toContain('igconfig/node/nodes/nodeupconfig.yaml');
    expect(paths).toContain('backups/etcd/main/control/etcd-cluster-spec');
    expect(paths).toContain('addons/bootstrap-channel.yaml');
    expect(paths).not.toContain('cluster-completed.spec');
  });

  test('a bastion without additional user data gets none; Karpenter groups get a script in the state store', () => {
    const priv = goldenBootstrapCase('privatecalico');
    const bastion = priv.instanceGroups.find((ig) => ig.spec.role === 'Bastion');
    expect(bastion).toBeDefined();
    expect(buildBootstrap(priv.cluster, priv.instanceGroups, priv.ctx).userData.has(bastion!.metadata.name)).toBe(false);

    const k = goldenBootstrapCase('karpenter');
    const result = buildBootstrap(k.cluster, k.instanceGroups, k.ctx);
    expect(result.userData.has('karpenter-nodes-default')).toBe(false);
    expect(result.files.find((f) => f.tfName === 'nodeupscript-karpenter-nodes-default')?.path).toBe('igconfig/node/karpenter-nodes-default/nodeupscript.sh');
  });

  test('nodes of a warm pool with a lifecycle hook are told to complete it; the control plane is not', () => {
    const c = goldenBootstrapCase('minimal-aws');
    const cluster = { ...c.cluster, spec: { ...c.cluster.spec, warmPool: { enableLifecycleHook: true } } };
    const files = buildBootstrap(cluster, c.instanceGroups, c.ctx).files;
    expect(files.find((f) => f.tfName === 'nodeupconfig-nodes')?.content).toContain('EnableLifecycleHook: true');
    expect(files.find((f) => f.tfName === 'nodeupconfig-master-us-test-1a')?.content).not.toContain('EnableLifecycleHook');
  });

  test('compressUserData embeds the boot config gzipped', () => {
    const c = goldenBootstrapCase('minimal-aws');
    const igs = c.instanceGroups.map((ig) => (ig.metadata.name === 'nodes' ? { ...ig, spec: { ...ig.spec, compressUserData: true } } : ig));
    const data = buildBootstrap(c.cluster, igs, c.ctx).userData.get('nodes') ?? '';
    expect(data).toMatch(/echo "H4sI[A-Za-z0-9+/=]+" \| base64 -d \| gzip -d > conf\/kube_env.yaml/);
    expect(data).not.toContain('__EOF_KUBE_ENV');
  });

  test('a missing CA keyset is a user error naming it', () => {
    const c = goldenBootstrapCase('minimal-aws');
    const { ['kubernetes-ca']: _dropped, ...keysets } = c.ctx.keysets;
    expect(() => buildBootstrap(c.cluster, c.instanceGroups, { ...c.ctx, keysets })).toThrow(UserError);
    expect(() => buildBootstrap(c.cluster, c.instanceGroups, { ...c.ctx, keysets })).toThrow('keyset kubernetes-ca is missing');
  });
});
