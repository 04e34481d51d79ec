import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { applyChannel } from '../../../src/addons/channel-apply/apply.js';
import { readChannel, type Channel } from '../../../src/addons/channel-apply/channel.js';
import { kubernetesClusterApi, loadKubeConfig } from '../../../src/addons/channel-apply/kube-api.js';
import { openVfs } from '../../../src/statestore/index.js';
import { baseAddons, dnsManifest, limitsManifest, sha256, writeChannelFiles, type TestAddon } from './channel-files.js';
import { KubeApiServer } from '../../helpers/kube-apiserver.js';

/** Writes a channel and its manifests to a fresh file:// directory and reads it back. */
async function writeChannel(addons: TestAddon[]): Promise<Channel> {
  const dir = mkdtempSync(join(tmpdir(), 'kops-channel-'));
  writeChannelFiles(dir, addons);
  return (await readChannel(openVfs(`file://${dir}`)))!;
}

describe('applying a channel to a cluster', () => {
  const server = new KubeApiServer();
  let kubeconfigDir: string;
  let api: ReturnType<typeof kubernetesClusterApi>;

  beforeAll(async () => {
    await server.start();
    kubeconfigDir = mkdtempSync(join(tmpdir(), 'kops-kubeconfig-'));
    const kubeconfig = join(kubeconfigDir, 'config');
    writeFileSync(kubeconfig, server.kubeconfig());
    api = kubernetesClusterApi(loadKubeConfig(kubeconfig));
  });
  afterAll(async () => {
    await server.stop();
    rmSync(kubeconfigDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  test('the first apply creates every object and records each add-on on kube-system', async () => {
    const channel = await writeChannel(baseAddons);
    const results = await applyChannel(channel, api);
    expect(results).toEqual([
      { name: 'dns-controller.addons.k8s.io', outcome: 'created' },
      { name: 'kubelet-api.rbac.addons.k8s.io', outcome: 'created' },
      { name: 'limit-range.addons.k8s.io', outcome: 'created' },
    ]);
    expect([...server.objects.keys()].sort()).toEqual([
      '/api/v1/namespaces/kube-system',
      '/api/v1/namespaces/kube-system/configmaps/limits',
      '/api/v1/namespaces/kube-system/serviceaccounts/dns-controller',
      '/apis/apps/v1/namespaces/kube-system/deployments/dns-controller',
      '/apis/rbac.authorization.k8s.io/v1/clusterroles/kops:kubelet-api',
    ]);
    expect(server.objects.get('/api/v1/namespaces/kube-system/configmaps/limits')?.data).toEqual({ cpu: '100m' });
    expect(JSON.parse(server.annotations()['addons.k8s.io/dns-controller.addons.k8s.io'])).toEqual({
      id: 'k8s-1.12',
      manifestHash: sha256(dnsManifest),
      channel: channel.url,
    });
    expect(JSON.parse(server.annotations()['addons.k8s.io/limit-range.addons.k8s.io'])).toMatchObject({ version: '1.5.0' });
  });

  test('applying the same channel again writes nothing', async () => {
    const results = await applyChannel(await writeChannel(baseAddons), api);
    expect(results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(server.writes()).toEqual([]);
  });

  test('a new version of one add-on updates only that add-on', async () => {
    const bumped = limitsManifest.replace('100m', '200m');
    const addons = baseAddons.map((a) => (a.name === 'limit-range.addons.k8s.io' ? { ...a, version: '1.6.0', text: bumped } : a));
    const results = await applyChannel(await writeChannel(addons), api);
    expect(results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'updated']);
    expect(server.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      'PATCH /api/v1/namespaces/kube-system/configmaps/limits',
      'PATCH /api/v1/namespaces/kube-system',
    ]);
    expect(server.writes()[0].contentType).toBe('application/apply-patch+yaml');
    expect(server.objects.get('/api/v1/namespaces/kube-system/configmaps/limits')?.data).toEqual({ cpu: '200m' });
    expect(JSON.parse(server.annotations()['addons.k8s.io/limit-range.addons.k8s.io'])).toMatchObject({ version: '1.6.0', manifestHash: sha256(bumped) });
  });

  test('without writes, a dry run reports what would change', async () => {
    const addons = baseAddons.map((a) => (a.name === 'limit-range.addons.k8s.io' ? { ...a, version: '1.7.0', text: limitsManifest } : a));
    const results = await applyChannel(await writeChannel(addons), api, { dryRun: true });
    expect(results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'updated']);
    expect(server.writes()).toEqual([]);
  });

  test('a channel naming a missing manifest fails that add-on clearly, writes nothing for it, and applies the others', async () => {
    const addons: TestAddon[] = [
      { name: 'coredns.addons.k8s.io', id: 'k8s-1.12', manifest: 'coredns.addons.k8s.io/k8s-1.12.yaml' },
      { ...baseAddons[2], version: '1.8.0' },
    ];
    const [coredns, limits] = await applyChannel(await writeChannel(addons), api);
    expect(coredns.outcome).toBeUndefined();
    expect(coredns.error?.message).toMatch(/^add-on coredns\.addons\.k8s\.io: the channel names manifest file:\/\/.*\/coredns\.addons\.k8s\.io\/k8s-1\.12\.yaml, which does not exist$/);
    expect(limits).toEqual({ name: 'limit-range.addons.k8s.io', outcome: 'updated' });
    expect(server.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      'PATCH /api/v1/namespaces/kube-system/configmaps/limits',
      'PATCH /api/v1/namespaces/kube-system',
    ]);
    expect(server.annotations()['addons.k8s.io/coredns.addons.k8s.io']).toBeUndefined();
  });

  test('an add-on with a kind the cluster does not serve is rejected before any of its objects is written', async () => {
    const text = `${limitsManifest}---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n`;
    const addons: TestAddon[] = [{ name: 'widgets.addons.k8s.io', id: 'v1', manifest: 'widgets.addons.k8s.io/v1.yaml', text }];
    const [result] = await applyChannel(await writeChannel(addons), api);
    expect(result.error?.message).toMatch(/Widget/);
    expect(server.writes()).toEqual([]);
  });

  test('custom resources whose CRD the same manifest installs are not looked up before it is created', async () => {
    const text = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: gadgets.example.com
spec:
  group: example.com
  names: {kind: Gadget, plural: gadgets}
  versions:
  - name: v1
---
apiVersion: example.com/v1
kind: Gadget
metadata:
  name: g
`;
    const addons: TestAddon[] = [{ name: 'gadgets.addons.k8s.io', id: 'v1', manifest: 'gadgets.addons.k8s.io/v1.yaml', text }];
    const [result] = await applyChannel(await writeChannel(addons), api, { dryRun: true });
    expect(result).toEqual({ name: 'gadgets.addons.k8s.io', outcome: 'created' });
    expect(server.requests.map((r) => r.path)).not.toContain('/apis/example.com/v1');
  });

  test('a manifest whose text does not match the channel hash is refused', async () => {
    const channel = await writeChannel([{ ...baseAddons[2], version: '2.0.0' }]);
    writeFileSync(new URL(`${channel.dir.url}/limit-range.addons.k8s.io/v1.5.0.yaml`), limitsManifest.replace('100m', '1'));
    const [result] = await applyChannel(channel, api);
    expect(result.error?.message).toMatch(/limit-range\.addons\.k8s\.io: .* has sha256 .*, the channel expects/);
    expect(server.writes()).toEqual([]);
  });
});
