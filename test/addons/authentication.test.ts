import { describe, expect, test } from 'vitest';
import { addonsWith, channelEntries, objectsOf } from './addon-fixture.js';

const AWS = 'addons/authentication.aws/k8s-1.12.yaml';
const KOPEIO = 'addons/authentication.kope.io/k8s-1.12.yaml';
const daemonSet = (objects: any[]) => objects.find((o) => o.kind === 'DaemonSet');

describe('authentication add-ons', () => {
  test('authentication.kopeio installs kopeio auth-api, selected by the authentication role', () => {
    const files = addonsWith((s) => (s.authentication = { kopeio: {} }));
    expect(channelEntries(files).find((a) => a.name === 'authentication.kope.io')).toMatchObject({
      id: 'k8s-1.12',
      manifest: 'authentication.kope.io/k8s-1.12.yaml',
      selector: { 'role.kubernetes.io/authentication': '1' },
    });
    const objects = objectsOf(files, KOPEIO);
    expect(daemonSet(objects).spec.template.spec.containers[0].command).toContain('--listen=127.0.0.1:9001');
    expect(objects.map((o) => o.kind)).toContain('APIService');
    expect(channelEntries(files).map((a) => a.name)).not.toContain('authentication.aws');
  });

  test('authentication.aws with defaults: mounted-file backend, default image and resources, on API-server nodes', () => {
    const files = addonsWith((s) => (s.authentication = { aws: {} }));
    expect(channelEntries(files).find((a) => a.name === 'authentication.aws')).toMatchObject({
      id: 'k8s-1.12',
      manifest: 'authentication.aws/k8s-1.12.yaml',
      selector: { 'role.kubernetes.io/authentication': '1' },
    });
    const pod = daemonSet(objectsOf(files, AWS)).spec.template.spec;
    expect(pod.nodeSelector).toEqual({ 'node-role.kubernetes.io/control-plane': '' });
    const container = pod.containers[0];
    expect(container.image).toBe('public.ecr.aws/eks-distro/kubernetes-sigs/aws-iam-authenticator:v0.6.20-eks-1-30-7');
    expect(container.args).toEqual(['server', '--config=/etc/aws-iam-authenticator/config.yaml', '--state-dir=/var/aws-iam-authenticator', '--kubeconfig-pregenerated=true']);
    expect(container.resources).toEqual({ limits: { memory: '20Mi' }, requests: { cpu: '10m', memory: '20Mi' } });
    expect(pod.volumes.map((v: { name: string }) => v.name)).toEqual(['config', 'output', 'state']);
  });

  test('authentication.aws settings: CRD backend with cluster id, image, resources and identity mappings', () => {
    const files = addonsWith((s) => {
      s.authentication = {
        aws: {
          backendMode: 'CRD',
          image: 'example.com/authenticator:1',
          cpuRequest: '20m',
          cpuLimit: '100m',
          memoryRequest: '30Mi',
          memoryLimit: '40Mi',
          identityMappings: [
            { arn: 'arn:aws:iam::123456789012:role/admins', username: 'admin', groups: ['system:masters'] },
            { arn: 'arn:aws:iam::123456789012:user/viewer', username: 'viewer' },
          ],
        },
      };
    });
    const objects = objectsOf(files, AWS);
    const container = daemonSet(objects).spec.template.spec.containers[0];
    expect(container.image).toBe('example.com/authenticator:1');
    expect(container.args).toEqual(['server', '--cluster-id=minimal-aws.example.com', '--state-dir=/var/aws-iam-authenticator', '--kubeconfig-pregenerated=true', '--backend-mode=CRD']);
    expect(container.resources).toEqual({ limits: { cpu: '100m', memory: '40Mi' }, requests: { cpu: '20m', memory: '30Mi' } });
    expect(container.volumeMounts.map((v: { name: string }) => v.name)).toEqual(['state', 'output']);
    const mappings = objects.filter((o) => o.kind === 'IAMIdentityMapping');
    expect(mappings.map((m) => [m.metadata.name, m.spec])).toEqual([
      ['iam-identity-mapping-0', { arn: 'arn:aws:iam::123456789012:role/admins', groups: ['system:masters'], username: 'admin' }],
      ['iam-identity-mapping-1', { arn: 'arn:aws:iam::123456789012:user/viewer', groups: [], username: 'viewer' }],
    ]);
  });

  test('an explicit clusterID is passed with the mounted-file backend too; API-server nodes with the APIServerNodes flag', () => {
    const files = addonsWith((s) => (s.authentication = { aws: { clusterID: 'my-cluster', backendMode: 'MountedFile,CRD' } }), 'minimal-aws', {
      kopsVersion: '1.34.0-beta.1',
      featureFlags: ['APIServerNodes'],
    });
    const pod = daemonSet(objectsOf(files, AWS)).spec.template.spec;
    expect(pod.containers[0].args).toEqual([
      'server',
      '--config=/etc/aws-iam-authenticator/config.yaml',
      '--cluster-id=my-cluster',
      '--state-dir=/var/aws-iam-authenticator',
      '--kubeconfig-pregenerated=true',
      '--backend-mode=MountedFile,CRD',
    ]);
    expect(pod.nodeSelector).toEqual({ 'node-role.kubernetes.io/api-server': '' });
  });
});
