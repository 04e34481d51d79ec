import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { kubeAPIServerTasks } from '../../src/nodeup/builders/kube-apiserver.js';
import type { BuildContext } from '../../src/nodeup/builders/context.js';
import { parseNodeupConfig } from '../../src/nodeup/config.js';
import type { FileTask, Task } from '../../src/nodeup/tasks.js';

function controlPlane(authentication: Record<string, unknown>, kubeAPIServer: Record<string, unknown> = {}): BuildContext {
  const config = parseNodeupConfig(
    JSON.stringify({
      ClusterName: 'c.example.com',
      KubernetesVersion: '1.34.0',
      KubeletConfig: {},
      Assets: { amd64: [] },
      CAs: { 'kubernetes-ca': 'CA-PEM' },
      KeypairIDs: { 'kubernetes-ca': '7' },
      APIServerConfig: { API: {}, KubeAPIServer: { image: 'k/apiserver:1', ...kubeAPIServer }, Authentication: authentication },
    }),
    'test',
  );
  return { config, role: 'ControlPlane', host: { distribution: 'ubuntu', architecture: 'amd64' }, assets: {}, remote: new Map() };
}

const file = (tasks: Task[], path: string) => tasks.find((t): t is FileTask => t.kind === 'File' && t.path === path);
const apiServerPod = (tasks: Task[]) => parse(String(file(tasks, '/etc/kubernetes/manifests/kube-apiserver.manifest')?.contents));

describe('token webhook of spec.authentication on the API server', () => {
  test('kopeio: the webhook kubeconfig points at auth-api on 127.0.0.1:9001 and is mounted into kube-apiserver', () => {
    const tasks = kubeAPIServerTasks(controlPlane({ kopeio: {} }, { authenticationTokenWebhookConfigFile: '/etc/kubernetes/authn.config' }));
    expect(parse(String(file(tasks, '/etc/kubernetes/authn.config')?.contents))).toEqual({
      apiVersion: 'v1',
      clusters: [{ cluster: { server: 'http://127.0.0.1:9001/hooks/authn' }, name: 'webhook' }],
      contexts: [{ context: { cluster: 'webhook', user: 'kube-apiserver' }, name: 'webhook' }],
      'current-context': 'webhook',
      kind: 'Config',
      users: [{ name: 'kube-apiserver', user: {} }],
    });
    const container = apiServerPod(tasks).spec.containers[0];
    expect(container.args).toContain('--authentication-token-webhook-config-file=/etc/kubernetes/authn.config');
    expect(container.volumeMounts).toContainEqual({ mountPath: '/etc/kubernetes/authn.config', name: 'authn-config', readOnly: true });
    expect(tasks.some((t) => t.kind === 'UserTask')).toBe(false);
  });

  test('aws: nodeup adds the flag, writes the webhook kubeconfig with the cluster CA and a serving certificate for the authenticator', () => {
    const tasks = kubeAPIServerTasks(controlPlane({ aws: {} }));
    const authn = file(tasks, '/etc/kubernetes/authn.config');
    expect(authn?.mode).toBe('600');
    const kubeconfig = parse(String(authn?.contents));
    expect(kubeconfig.clusters[0]).toEqual({
      cluster: { 'certificate-authority-data': Buffer.from('CA-PEM').toString('base64'), server: 'https://127.0.0.1:21362/authenticate' },
      name: 'aws-iam-authenticator',
    });
    expect(apiServerPod(tasks).spec.containers[0].args).toContain('--authentication-token-webhook-config-file=/etc/kubernetes/authn.config');
    expect(tasks).toContainEqual({ kind: 'UserTask', name: 'aws-iam-authenticator', uid: 10000, shell: '/sbin/nologin', home: '/srv/kubernetes/aws-iam-authenticator' });
    expect(file(tasks, '/srv/kubernetes/aws-iam-authenticator/key.pem')).toMatchObject({ mode: '600', owner: 'aws-iam-authenticator', group: 'aws-iam-authenticator' });
    expect(tasks.find((t) => t.kind === 'IssueCert' && t.name === 'aws-iam-authenticator')).toMatchObject({ keypairID: '7', type: 'server', alternateNames: ['localhost', '127.0.0.1'] });
  });

  test('no authentication: no webhook file and no mount', () => {
    const tasks = kubeAPIServerTasks(controlPlane({}));
    expect(file(tasks, '/etc/kubernetes/authn.config')).toBeUndefined();
    expect(JSON.stringify(apiServerPod(tasks))).not.toContain('authn');
  });
});
