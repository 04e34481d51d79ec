import { describe, expect, test } from 'vitest';
import { cniPluginsVersion, fetchMissingHashes, knownSha256, nodeAssetUrls, nodeAssets } from '../../src/assets/index.js';
import { UserError } from '../../src/errors.js';

const spec = {
  kubernetesVersion: '1.34.0',
  cloudProvider: 'aws',
  installCNIAssets: true,
  containerd: { version: '2.3.4', runc: { version: '1.4.3' } },
};

describe('release artefacts and their hashes', () => {
  test('a Kubernetes version given as a release location (side-loading) is where kubelet and kubectl come from', () => {
    const urls = nodeAssetUrls({ ...spec, kubernetesVersion: 'https://example.com/k8s/v1.35.0/' }, 'amd64');
    expect(urls.slice(0, 2)).toEqual(['https://example.com/k8s/v1.35.0/bin/linux/amd64/kubelet', 'https://example.com/k8s/v1.35.0/bin/linux/amd64/kubectl']);
    // The minor release in its path picks the CNI plugins, as for 1.35.0.
    expect(urls[3]).toContain('/v1.8.0/');
  });

  test('a node downloads kubelet, kubectl, the ECR credential provider, CNI plugins, containerd and runc', () => {
    const assets = nodeAssets(spec, 'arm64');
    expect(assets.map((a) => a.url)).toEqual([
      'https://dl.k8s.io/release/v1.34.0/bin/linux/arm64/kubelet',
      'https://dl.k8s.io/release/v1.34.0/bin/linux/arm64/kubectl',
      'https://artifacts.k8s.io/binaries/cloud-provider-aws/v1.31.7/linux/arm64/ecr-credential-provider-linux-arm64',
      'https://github.com/containernetworking/plugins/releases/download/v1.7.1/cni-plugins-linux-arm64-v1.7.1.tgz',
      'https://github.com/containerd/containerd/releases/download/v2.3.4/containerd-2.3.4-linux-arm64.tar.gz',
      'https://github.com/opencontainers/runc/releases/download/v1.4.3/runc.arm64',
    ]);
    expect(assets.every((a) => /^[0-9a-f]{64}$/.test(a.sha256))).toBe(true);
  });

  test('CNIs that bring their own plugins and a skipped containerd install leave those out', () => {
    const urls = nodeAssets({ ...spec, installCNIAssets: false, containerd: { skipInstall: true } }, 'amd64').map((a) => a.url);
    expect(urls.some((u) => u.includes('cni-plugins') || u.includes('containerd') || u.includes('runc'))).toBe(false);
  });

  test('a mirror serves the same paths', () => {
    const [kubelet] = nodeAssets({ ...spec, fileRepository: 'https://mirror.example.com/files/' }, 'amd64');
    expect(kubelet.url).toBe('https://mirror.example.com/files/release/v1.34.0/bin/linux/amd64/kubelet');
    expect(kubelet.sha256).toBe(knownSha256('https://dl.k8s.io/release/v1.34.0/bin/linux/amd64/kubelet'));
  });

  test('CNI plugins follow the Kubernetes minor', () => {
    expect(['1.32.0', '1.33.1', '1.34.0', '1.35.0-alpha.1', '1.36.0'].map(cniPluginsVersion)).toEqual(['1.6.2', '1.6.2', '1.7.1', '1.8.0', '1.9.1']);
  });

  test('an unreleased version has no known hash: a user error naming the file', () => {
    expect(() => nodeAssets({ ...spec, kubernetesVersion: '1.99.0' }, 'amd64')).toThrow(UserError);
  });

  test('missing hashes are fetched from <url>.sha256 through the injected fetcher, known ones are not', async () => {
    const asked: string[] = [];
    const fetcher = async (url: string) => {
      asked.push(url);
      return `${'ab'.repeat(32)}  kubelet\n`;
    };
    const unknown = 'https://dl.k8s.io/release/v1.99.0/bin/linux/amd64/kubelet';
    const known = 'https://dl.k8s.io/release/v1.34.0/bin/linux/amd64/kubelet';
    const hashes = await fetchMissingHashes([unknown, known], fetcher);
    expect(asked).toEqual([`${unknown}.sha256`]);
    expect(knownSha256(unknown, hashes)).toBe('ab'.repeat(32));
  });
});
