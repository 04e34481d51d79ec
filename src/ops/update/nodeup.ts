import { UserError } from '../../errors.js';
import type { NodeupLocation } from '../../model/bootstrap/types.js';

export type Arch = 'amd64' | 'arm64';

/** The canonical release location of nodeup for a kops version, with its GitHub mirror (as the Go kops lists them). */
export function defaultNodeupUrls(kopsVersion: string, arch: Arch): string {
  return `https://artifacts.k8s.io/binaries/kops/${kopsVersion}/linux/${arch}/nodeup,https://github.com/kubernetes/kops/releases/download/v${kopsVersion}/nodeup-linux-${arch}`;
}

/**
 * Where nodes download nodeup from and its sha256: `NODEUP_URL_<ARCH>`/`NODEUP_HASH_<ARCH>` (or `NODEUP_URL`/`NODEUP_HASH`
 * for amd64), as the Go kops reads them; otherwise the release of our compatibility version, whose hash is fetched from
 * `<url>.sha256` through `fetchText` (absent offline).
 */
export async function resolveNodeup(
  env: Readonly<Record<string, string | undefined>>,
  kopsVersion: string,
  fetchText?: (url: string) => Promise<string>,
): Promise<Record<Arch, NodeupLocation>> {
  const out = {} as Record<Arch, NodeupLocation>;
  for (const arch of ['amd64', 'arm64'] as const) {
    const upper = arch.toUpperCase();
    const urls = env[`NODEUP_URL_${upper}`] ?? (arch === 'amd64' ? env.NODEUP_URL : undefined) ?? defaultNodeupUrls(kopsVersion, arch);
    let sha256 = env[`NODEUP_HASH_${upper}`] ?? (arch === 'amd64' ? env.NODEUP_HASH : undefined);
    if (!sha256 && fetchText) {
      const first = urls.split(',')[0];
      try {
        sha256 = (await fetchText(`${first}.sha256`)).trim().split(/\s+/)[0];
      } catch {
        sha256 = undefined;
      }
    }
    if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256)) {
      throw new UserError(
        `cannot determine the sha256 of nodeup for ${arch} (${urls.split(',')[0]})`,
        `set NODEUP_HASH_${upper} (and NODEUP_URL_${upper} for a mirror), or allow access to ${urls.split(',')[0]}.sha256`,
      );
    }
    out[arch] = { urls, sha256 };
  }
  return out;
}
