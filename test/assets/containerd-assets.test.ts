import { describe, expect, test } from 'vitest';
import { nodeAssetUrls, unhashedNodeAssetUrls } from '../../src/assets/index.js';
import { remapImage } from '../../src/apis/image-remap.js';

const base = { kubernetesVersion: '1.34.0', cloudProvider: 'aws', installCNIAssets: false };
const urlsOf = (containerd: Parameters<typeof nodeAssetUrls>[0]['containerd']) => nodeAssetUrls({ ...base, containerd }, 'amd64').slice(3);

describe('containerd, runc and the CLI tools a node installs (pkg/nodemodel/fileassets.go)', () => {
  test('nothing of containerd with skipInstall', () => {
    expect(urlsOf({ version: '2.3.4', runc: { version: '1.4.3' }, skipInstall: true, installCriCtl: true })).toEqual([]);
  });

  test('a package is used only with both its URL and hash for the architecture', () => {
    expect(urlsOf({ version: '2.3.4', packages: { urlAmd64: 'https://p/c.tgz' }, runc: { version: '1.4.3' } })[0]).toContain('/v2.3.4/containerd-2.3.4-linux-amd64.tar.gz');
    expect(urlsOf({ version: '2.3.4', packages: { urlAmd64: 'https://p/c.tgz', hashAmd64: 'a'.repeat(64) }, runc: { version: '1.4.3' } })[0]).toBe('https://p/c.tgz');
  });

  test('containerd older than 2.1.0, runc older than 1.1.0, or no runc settings, are refused naming the field', () => {
    expect(() => urlsOf({ version: '1.7.20', runc: { version: '1.4.3' } })).toThrow('spec.containerd.version: unsupported legacy containerd version "1.7.20"');
    expect(() => urlsOf({ version: '2.3.4', runc: { version: '1.0.3' } })).toThrow('spec.containerd.runc.version: unsupported runc version "1.0.3"');
    expect(() => urlsOf({ version: '2.3.4' })).toThrow('spec.containerd.runc: no runc settings');
  });

  test('nerdctl (with the hash kops pins) then crictl come after runc', () => {
    const urls = urlsOf({ version: '2.3.4', runc: { version: '1.4.3' }, installNerdCtl: true, installCriCtl: true });
    expect(urls.map((u) => u.split('/').pop())).toEqual(['containerd-2.3.4-linux-amd64.tar.gz', 'runc.amd64', 'nerdctl-1.7.4-linux-amd64.tar.gz', 'crictl-v1.29.0-linux-amd64.tar.gz']);
    expect(unhashedNodeAssetUrls({ ...base, containerd: { version: '2.3.4', runc: { version: '1.4.3' }, installNerdCtl: true } }, 'amd64')).toEqual([]);
  });

  test('a pinned package is never fetched for its hash; a mirrored release file is, from the mirror', () => {
    const runc = { packages: { urlAmd64: 'https://p/runc', hashAmd64: 'b'.repeat(64) } };
    expect(unhashedNodeAssetUrls({ ...base, containerd: { version: '2.3.4', runc } }, 'amd64')).toEqual([]);
    const mirrored = unhashedNodeAssetUrls({ ...base, kubernetesVersion: '1.99.0', containerd: { version: '2.3.4', runc: { version: '1.4.3' } }, fileRepository: 'https://m.example/files/' }, 'amd64');
    expect(mirrored).toContain('https://m.example/files/release/v1.99.0/bin/linux/amd64/kubelet');
  });
});

describe('image remapping (pkg/assets/builder.go NormalizeImage)', () => {
  test('a proxy replaces the registry host, or goes in front of a Docker Hub name', () => {
    const proxy = { containerProxy: 'proxy.example/' };
    expect(remapImage('registry.k8s.io/coredns/coredns:v1.14.2', proxy)).toBe('proxy.example/coredns/coredns:v1.14.2');
    expect(remapImage('calico/node:v3', proxy)).toBe('proxy.example/calico/node:v3');
    expect(remapImage('busybox', proxy)).toBe('proxy.example/busybox');
    expect(remapImage('localhost:5000/app', proxy)).toBe('proxy.example/app');
  });

  test('a registry holds one repository per image, registry.k8s.io/ dropped and / folded; a second pass changes nothing', () => {
    const registry = { containerRegistry: 'reg.example/mirror' };
    const once = remapImage('registry.k8s.io/sig-storage/livenessprobe:v2', registry);
    expect(once).toBe('reg.example/mirror/sig-storage-livenessprobe:v2');
    expect(remapImage(once, registry)).toBe(once);
    expect(remapImage('quay.io/cilium/cilium:v1', registry)).toBe('reg.example/mirror/quay.io-cilium-cilium:v1');
  });

  test('with both, the proxy applies first', () => {
    expect(remapImage('registry.k8s.io/pause:3.10.1', { containerProxy: 'p.example', containerRegistry: 'r.example' })).toBe('r.example/p.example-pause:3.10.1');
  });
});
