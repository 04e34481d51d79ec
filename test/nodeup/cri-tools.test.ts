import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { applyTasks } from '../../src/nodeup/apply.js';
import { buildTasks } from '../../src/nodeup/build.js';
import type { BuildContext } from '../../src/nodeup/builders/context.js';
import { crictlTasks, nerdctlTasks } from '../../src/nodeup/builders/cri-tools.js';
import { assetIndex } from '../../src/nodeup/builders/host.js';
import { parseNodeupConfig } from '../../src/nodeup/config.js';
import type { Distribution } from '../../src/nodeup/distributions.js';
import { readTarGz } from '../../src/nodeup/tar.js';

const scratch = mkdtempSync(join(tmpdir(), 'nodeup-cri-tools-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A gzipped tar made by the system's tar, as release archives are, holding the given files. */
function tarGz(name: string, files: Record<string, string>): Buffer {
  const dir = join(scratch, `src-${name}`);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  const out = join(scratch, name);
  execFileSync('tar', ['czf', out, '-C', dir, ...Object.keys(files)]);
  return readFileSync(out);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const CRICTL_URL = 'https://github.com/kubernetes-sigs/cri-tools/releases/download/v1.29.0/crictl-v1.29.0-linux-amd64.tar.gz';
const NERDCTL_URL = 'https://github.com/containerd/nerdctl/releases/download/v1.7.4/nerdctl-1.7.4-linux-amd64.tar.gz';

function context(assetLines: string[], distribution: Distribution = 'ubuntu', containerdConfig?: Record<string, unknown>): BuildContext {
  const config = parseNodeupConfig(
    JSON.stringify({ ClusterName: 'c.example.com', KubernetesVersion: '1.34.0', KubeletConfig: {}, Assets: { amd64: assetLines }, ...(containerdConfig ? { containerdConfig } : {}) }),
    'test',
  );
  return { config, role: 'Node', host: { distribution, architecture: 'amd64' }, assets: assetIndex(config, 'amd64'), remote: new Map() };
}

describe('crictl and nerdctl (crictl.go, nerdctl.go)', () => {
  const lines = [`${'a'.repeat(64)}@${CRICTL_URL}`, `${'b'.repeat(64)}@${NERDCTL_URL}`];

  test('installed from their archives into /usr/local/bin, or /opt/kops/bin on Flatcar', () => {
    expect(crictlTasks(context(lines))).toEqual([
      { kind: 'File', path: '/usr/local/bin/crictl', type: 'file', mode: '0755', contents: { asset: { key: 'crictl', path: `/var/cache/nodeup/sha256:${'a'.repeat(64)}_crictl-v1.29.0-linux-amd64.tar.gz.d/crictl` } } },
    ]);
    expect(nerdctlTasks(context(lines, 'flatcar')).map((t) => (t.kind === 'File' ? t.path : t.kind))).toEqual(['/opt/kops/bin/nerdctl']);
  });

  test('not installed when containerd is left to the image, unless asked for; nothing without the asset', () => {
    expect(crictlTasks(context(lines, 'ubuntu', { skipInstall: true }))).toEqual([]);
    expect(crictlTasks(context(lines, 'ubuntu', { skipInstall: true, installCriCtl: true }))).toHaveLength(1);
    expect(nerdctlTasks(context(lines, 'ubuntu', { skipInstall: true, installCriCtl: true }))).toEqual([]);
    expect(crictlTasks(context([]))).toEqual([]);
  });

  test('applying writes the binary taken out of the cached archive; a second run changes nothing', async () => {
    const archive = tarGz('crictl.tar.gz', { crictl: '#!/bin/sh\necho crictl\n' });
    const ctx = context([`${sha256(archive)}@${CRICTL_URL}`]);
    const root = join(scratch, 'root');
    const cached = join(root, `var/cache/nodeup/sha256:${sha256(archive)}_crictl-v1.29.0-linux-amd64.tar.gz`);
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, archive);

    const tasks = buildTasks(ctx);
    const report = await applyTasks(tasks, { root, dryRun: false, unitDir: '/lib/systemd/system' });
    expect(report.deferred.filter((k) => k.includes('crictl'))).toEqual([]);
    expect(readFileSync(join(root, 'usr/local/bin/crictl'), 'utf8')).toBe('#!/bin/sh\necho crictl\n');
    expect((statSync(join(root, 'usr/local/bin/crictl')).mode & 0o777).toString(8)).toBe('755');

    const again = await applyTasks(tasks, { root, dryRun: false, unitDir: '/lib/systemd/system' });
    expect(again.changes.filter((c) => c.key.includes('crictl'))).toEqual([]);
  });
});

test('containerd binaries come out of its archive; those a release does not ship are skipped, not awaited', async () => {
  const archive = tarGz('containerd.tar.gz', { 'bin/containerd': 'daemon', 'bin/ctr': 'cli', 'bin/containerd-shim-runc-v2': 'shim' });
  const url = 'https://github.com/containerd/containerd/releases/download/v2.1.4/containerd-2.1.4-linux-amd64.tar.gz';
  const root = join(scratch, 'containerd-root');
  const cached = join(root, `var/cache/nodeup/sha256:${sha256(archive)}_containerd-2.1.4-linux-amd64.tar.gz`);
  mkdirSync(dirname(cached), { recursive: true });
  writeFileSync(cached, archive);
  const report = await applyTasks(buildTasks(context([`${sha256(archive)}@${url}`])), { root, dryRun: false, unitDir: '/lib/systemd/system' });
  expect(readFileSync(join(root, 'usr/bin/containerd'), 'utf8')).toBe('daemon');
  expect(readFileSync(join(root, 'usr/bin/containerd-shim-runc-v2'), 'utf8')).toBe('shim');
  expect(existsSync(join(root, 'usr/bin/containerd-shim'))).toBe(false);
  expect(report.deferred.filter((k) => k.startsWith('File//usr/bin/'))).toEqual([]);
});

test('with CNI assets, every file of the asset cache lands in /opt/cni/bin (networking/common.go); awaited while an asset is missing', async () => {
  const cni = tarGz('cni.tgz', { './bridge': 'bridge-plugin', './host-local': 'ipam-plugin', './LICENSE': 'license' });
  const kubelet = Buffer.from('kubelet-binary');
  const lines = [`${sha256(cni)}@https://github.com/containernetworking/plugins/releases/download/v1.7.1/cni-plugins-linux-amd64-v1.7.1.tgz`, `${sha256(kubelet)}@https://dl.k8s.io/release/v1.34.0/bin/linux/amd64/kubelet`];
  const config = parseNodeupConfig(JSON.stringify({ ClusterName: 'c.example.com', KubernetesVersion: '1.34.0', KubeletConfig: {}, Assets: { amd64: lines }, InstallCNIAssets: true }), 'test');
  const ctx: BuildContext = { config, role: 'Node', host: { distribution: 'ubuntu', architecture: 'amd64' }, assets: assetIndex(config, 'amd64'), remote: new Map() };
  const tasks = buildTasks(ctx);
  expect(tasks.filter((t) => t.kind === 'AssetDirectory')).toEqual([{ kind: 'AssetDirectory', name: '/opt/cni/bin', mode: '0755' }]);

  const root = join(scratch, 'cni-root');
  const cache = join(root, 'var/cache/nodeup');
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, `sha256:${sha256(cni)}_cni-plugins-linux-amd64-v1.7.1.tgz`), cni);
  const waiting = await applyTasks(tasks, { root, dryRun: false, unitDir: '/lib/systemd/system' });
  expect(waiting.deferred).toContain('AssetDirectory//opt/cni/bin');

  writeFileSync(join(cache, `sha256:${sha256(kubelet)}_kubelet`), kubelet);
  const report = await applyTasks(tasks, { root, dryRun: false, unitDir: '/lib/systemd/system' });
  expect(report.changes.map((c) => c.key).filter((k) => k.startsWith('File//opt/cni/bin/')).sort()).toEqual(
    ['LICENSE', 'bridge', 'cni-plugins-linux-amd64-v1.7.1.tgz', 'host-local', 'kubelet'].map((n) => `File//opt/cni/bin/${n}`),
  );
  expect(readFileSync(join(root, 'opt/cni/bin/bridge'), 'utf8')).toBe('bridge-plugin');
  expect((statSync(join(root, 'opt/cni/bin/host-local')).mode & 0o777).toString(8)).toBe('755');
});

test('the archive reader takes GNU tar output, long names included, and refuses what is not gzip', () => {
  const long = `${'d'.repeat(60)}/${'e'.repeat(60)}/bin/tool`;
  const files = readTarGz(tarGz('long.tar.gz', { 'bin/containerd': 'c', [long]: 'long' }), 'long.tar.gz');
  expect(files.get('bin/containerd')?.toString()).toBe('c');
  expect(files.get(long)?.toString()).toBe('long');
  expect(() => readTarGz(Buffer.from('plain'), 'x.tar.gz')).toThrow(/x.tar.gz: not a gzip archive/);
});
