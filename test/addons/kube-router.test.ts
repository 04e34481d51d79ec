import { describe, expect, test } from 'vitest';
import { addonsWith, channelEntries, objectsOf } from './addon-fixture.js';

const PATH = 'addons/networking.kuberouter/k8s-1.12.yaml';
const kubeRouter = (extra: Record<string, unknown> = {}) => (spec: Record<string, any>) => {
  spec.networking = { kuberouter: extra };
  spec.kubeProxy.enabled = false;
};

describe('kube-router networking add-on', () => {
  test('networking.kuberouter installs the kube-router DaemonSet, selected as the networking add-on', () => {
    const files = addonsWith(kubeRouter());
    expect(channelEntries(files).find((a) => a.name === 'networking.kuberouter')).toEqual({
      id: 'k8s-1.12',
      manifest: 'networking.kuberouter/k8s-1.12.yaml',
      manifestHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      name: 'networking.kuberouter',
      selector: { 'role.kubernetes.io/networking': '1' },
    });
    const objects = objectsOf(files, PATH);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ConfigMap/kube-router-cfg',
      'DaemonSet/kube-router',
      'ServiceAccount/kube-router',
      'ClusterRole/kube-router',
      'ClusterRoleBinding/kube-router',
    ]);
    const ds = objects.find((o) => o.kind === 'DaemonSet');
    const args: string[] = ds.spec.template.spec.containers[0].args;
    expect(args).toContain('--service-cluster-ip-range="100.64.0.0/13"');
    expect(args).not.toContain('--use-nftables-for-netpol=true');
    expect(ds.spec.template.spec.initContainers[0].command[2]).toContain('cp /etc/kube-router/cni-conf.json ${TMP}; mv ${TMP} /etc/cni/net.d/10-kuberouter.conflist; fi');
    expect(ds.spec.template.spec.securityContext).toBeUndefined();
    expect(objects.every((o) => o.metadata.labels['role.kubernetes.io/networking'] === '1' && o.metadata.labels['addon.kops.k8s.io/name'] === 'networking.kuberouter')).toBe(true);
    expect(ds.spec.template.metadata.labels['kops.k8s.io/managed-by']).toBe('kops');
  });

  test('useNFTablesForNetpol and containerd SELinux reach the DaemonSet', () => {
    const objects = objectsOf(addonsWith((s) => { kubeRouter({ useNFTablesForNetpol: true })(s); s.containerd.selinuxEnabled = true; }), PATH);
    const pod = objects.find((o) => o.kind === 'DaemonSet').spec.template.spec;
    expect(pod.containers[0].args).toContain('--use-nftables-for-netpol=true');
    expect(pod.securityContext).toEqual({ seLinuxOptions: { level: 's0', type: 'spc_t' } });
  });

  test('with IRSA the kube-router pods assume their own role', () => {
    const objects = objectsOf(addonsWith((s) => { kubeRouter()(s); s.iam = { ...s.iam, useServiceAccountExternalPermissions: true }; }), PATH);
    const env = objects.find((o) => o.kind === 'DaemonSet').spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'AWS_ROLE_ARN', value: 'arn:aws-test:iam::123456789012:role/kube-router.kube-system.sa.minimal-aws.example.com' });
  });
});
