import { describe, expect, test } from 'vitest';
import { clientKubeconfig } from '../../src/nodeup/builders/kubeconfig.js';
import type { BuildContext } from '../../src/nodeup/builders/context.js';
import { parseNodeupConfig } from '../../src/nodeup/config.js';
import { serializeTasks, taskKey, type Task } from '../../src/nodeup/tasks.js';

const minimalConfig = { ClusterName: 'c.example.com', KubernetesVersion: '1.34.0', KubeletConfig: {}, Assets: { amd64: [] }, KeypairIDs: { 'kubernetes-ca': '7' } };

function context(): BuildContext {
  return {
    config: parseNodeupConfig(JSON.stringify(minimalConfig), 'test'),
    role: 'Node',
    host: { distribution: 'ubuntu', architecture: 'amd64' },
    assets: {},
    remote: new Map(),
  };
}

describe('task keys and the Go golden form', () => {
  test('tasks are keyed <Type>/<name>, files by path, and printed sorted by key', () => {
    const tasks: Task[] = [
      { kind: 'Service', name: 'kubelet.service', definition: '[Unit]\n', running: true, enabled: true, manageState: true, smartRestart: true },
      { kind: 'File', path: '/etc/a', type: 'file', contents: 'x\n', mode: '0644' },
    ];
    expect(tasks.map(taskKey)).toEqual(['Service/kubelet.service', 'File//etc/a']);
    expect(serializeTasks(tasks)).toBe(
      'contents: |\n  x\nmode: "0644"\npath: /etc/a\ntype: file\n---\nName: kubelet.service\ndefinition: |\n  [Unit]\nenabled: true\nmanageState: true\nrunning: true\nsmartRestart: true',
    );
  });

  test('a file holding a kubeconfig shows the kubeconfig task inline, which shows its certificate task', () => {
    const { cert, kubeconfig } = clientKubeconfig(context(), { name: 'kubelet', commonName: 'kubelet', organization: ['system:nodes'] }, 'https://api.internal.c.example.com');
    const text = serializeTasks([cert, kubeconfig, { kind: 'File', path: '/var/lib/kubelet/kubeconfig', type: 'file', mode: '0400', contents: { kubeconfig } }]);
    const [file, issue, kc] = text.split('\n---\n');
    expect(file).toContain('contents:\n  task:\n    CA:\n      task:\n        Name: kubelet\n        keypairID: "7"');
    expect(issue).toBe('Name: kubelet\nkeypairID: "7"\nsigner: kubernetes-ca\nsubject:\n  CommonName: kubelet\n  Organization:\n  - system:nodes\ntype: client');
    expect(kc).toContain('ServerURL: https://api.internal.c.example.com');
  });
});

describe('reading a nodeup config', () => {
  test('each required field missing is named', () => {
    for (const field of ['ClusterName', 'KubernetesVersion', 'KubeletConfig', 'Assets']) {
      const config: Record<string, unknown> = { ...minimalConfig };
      delete config[field];
      expect(() => parseNodeupConfig(JSON.stringify(config), 'conf.yaml')).toThrow(`conf.yaml: required field ${field} is missing`);
    }
  });

  test('an asset line that is not <sha256>@<url> is refused with its position', () => {
    const config = { ...minimalConfig, Assets: { amd64: ['abc@https://example.com/kubelet'] } };
    expect(() => parseNodeupConfig(JSON.stringify(config), 'conf.yaml')).toThrow('conf.yaml: Assets.amd64[0]: "abc@https://example.com/kubelet" is not <sha256>@<url>');
  });

  test('YAML that is not a mapping is refused', () => {
    expect(() => parseNodeupConfig('- a\n- b\n', 'conf.yaml')).toThrow('conf.yaml: a nodeup configuration must be a YAML mapping');
  });
});
