import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { embeddedChannel, findImage, loadChannel, parseChannel, recommendedKubernetesVersion } from '../../../src/populate/channel.js';
import { compareSemVer, parseSemVer, satisfiesRange } from '../../../src/populate/semver.js';
import { sharedDir } from '../../helpers/cli.js';

const stablePath = resolve(sharedDir, 'kops-reference/channels/stable');
const stable = parseChannel(readFileSync(stablePath, 'utf8'), stablePath);
const v = (s: string) => parseSemVer(s)!;

describe('semantic versions and channel ranges', () => {
  test('a pre-release sorts before its release, numeric identifiers numerically', () => {
    expect(compareSemVer(v('1.36.0-alpha.1'), v('1.36.0'))).toBe(-1);
    expect(compareSemVer(v('1.36.0-alpha.10'), v('1.36.0-alpha.9'))).toBe(1);
    expect(compareSemVer(v('v1.32.0'), v('1.32.0'))).toBe(0);
  });

  test('space-separated clauses are all required, || offers alternatives', () => {
    expect(satisfiesRange(v('1.30.2'), '>=1.27.0 <1.32.0')).toBe(true);
    expect(satisfiesRange(v('1.32.0'), '>=1.27.0 <1.32.0')).toBe(false);
    expect(satisfiesRange(v('1.10.0'), '<1.11.0 || >=2.0.0')).toBe(true);
    expect(satisfiesRange(v('1.37.0-alpha.1'), '>=1.36.0-alpha.1')).toBe(true);
  });
});

describe('the stable channel', () => {
  test('picks the image by architecture and Kubernetes version', () => {
    expect(findImage(stable, 'aws', v('v1.32.0'), 'amd64')?.name).toBe('099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260714');
    expect(findImage(stable, 'aws', v('v1.32.0'), 'arm64')?.name).toBe('099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20260714');
    expect(findImage(stable, 'aws', v('v1.30.5'), 'amd64')?.name).toContain('ubuntu-jammy-22.04-amd64');
    expect(findImage(stable, 'aws', v('v1.26.0'), 'arm64')?.name).toContain('ubuntu-focal-20.04-arm64');
    expect(findImage(stable, 'gce', v('v1.17.0'), 'arm64')).toBeUndefined();
  });

  test('recommends the Kubernetes version of the newest matching kops range', () => {
    expect(recommendedKubernetesVersion(stable, '1.37.0')).toBe('1.36.3');
    expect(recommendedKubernetesVersion(stable, '1.35.2')).toBe('1.35.7');
  });

  test('the embedded channel agrees with the channel file on every image it carries', () => {
    const embedded = embeddedChannel('stable')!;
    for (const image of embedded.images) expect(stable.images).toContainEqual(image);
    for (const arch of ['amd64', 'arm64'] as const) {
      for (const k8s of ['v1.27.0', 'v1.31.4', 'v1.32.0', 'v1.36.3']) {
        expect(findImage(embedded, 'aws', v(k8s), arch)).toEqual(findImage(stable, 'aws', v(k8s), arch));
      }
    }
    expect(recommendedKubernetesVersion(embedded, '1.37.0')).toBe(recommendedKubernetesVersion(stable, '1.37.0'));
  });

  test('loads a channel by name, by path, and rejects unknown names', async () => {
    expect((await loadChannel('alpha')).source).toBe('embedded:alpha');
    expect((await loadChannel(stablePath)).images.length).toBe(stable.images.length);
    await expect(loadChannel('nightly')).rejects.toThrow(/channel "nightly" is not known/);
    await expect(loadChannel('/nonexistent/channel')).rejects.toThrow(/cannot be read/);
  });

  test('a file that is not a channel is rejected with its name', () => {
    expect(() => parseChannel('images: []', 'x.yaml')).toThrow(/x.yaml: missing spec/);
  });
});
