import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kops, sharedDir } from '../../helpers/cli.js';
import { baseAddons, writeChannelFiles } from './channel-files.js';
import { KubeApiServer } from '../../helpers/kube-apiserver.js';

const cluster = 'minimal-aws.example.com';

describe('kops toolbox addons list / apply', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kops-cli-addons-'));
  const env = { KOPS_STATE_STORE: `file://${dir}/store`, KOPS_CLUSTER_NAME: cluster, HOME: dir };
  const server = new KubeApiServer();
  const kubeconfig = join(dir, 'kubeconfig');

  beforeAll(async () => {
    await server.start();
    writeFileSync(kubeconfig, server.kubeconfig());
    const created = await kops(['create', '-f', join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws/in-v1alpha2.yaml')], { env });
    expect(created.code).toBe(0);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('before kops update cluster there is no channel, and both commands say what to do', async () => {
    for (const args of [['toolbox', 'addons', 'list'], ['toolbox', 'addons', 'apply', '--kubeconfig', kubeconfig]]) {
      const r = await kops(args, { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`error: cluster ${cluster} has no add-on channel in the state store yet\n  run kops update cluster ${cluster} --yes first\n`);
    }
  });

  test('list prints the channel as a table, or as YAML', async () => {
    writeChannelFiles(join(dir, 'store', cluster, 'addons'), baseAddons);
    const table = await kops(['toolbox', 'addons', 'list'], { env });
    expect(table.stderr).toBe('');
    expect(table.stdout.split('\n')[0].split(/\s+/)).toEqual(['NAME', 'VERSION', 'ID', 'MANIFEST']);
    expect(table.stdout).toMatch(/limit-range\.addons\.k8s\.io\s+1\.5\.0\s+-\s+limit-range\.addons\.k8s\.io\/v1\.5\.0\.yaml\n/);
    const yaml = await kops(['toolbox', 'addons', 'list', cluster, '-o', 'yaml'], { env });
    expect(yaml.stdout).toContain('- name: dns-controller.addons.k8s.io\n  id: k8s-1.12\n');
  });

  test('apply previews without --yes, applies with it, and is a no-op the second time', async () => {
    writeChannelFiles(join(dir, 'store', cluster, 'addons'), baseAddons);
    const preview = await kops(['toolbox', 'addons', 'apply', '--kubeconfig', kubeconfig], { env });
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('dns-controller.addons.k8s.io\twould be created\n');
    expect(server.writes()).toEqual([]);

    const applied = await kops(['toolbox', 'addons', 'apply', '--kubeconfig', kubeconfig, '--yes'], { env });
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toBe(
      'dns-controller.addons.k8s.io\tcreated\nkubelet-api.rbac.addons.k8s.io\tcreated\nlimit-range.addons.k8s.io\tcreated\n',
    );
    const writes = server.writes().length;
    const again = await kops(['toolbox', 'addons', 'apply', join(dir, 'store', cluster, 'addons', 'bootstrap-channel.yaml'), '--kubeconfig', kubeconfig, '--yes'], { env });
    expect(again.stdout).toBe('dns-controller.addons.k8s.io\tunchanged\nkubelet-api.rbac.addons.k8s.io\tunchanged\nlimit-range.addons.k8s.io\tunchanged\n');
    expect(server.writes()).toHaveLength(writes);
  });
});
