import { assetCachePath } from './builders/host.js';
import { readTarGz } from './tar.js';
import type { AssetTask } from './tasks.js';

/** Reads a host path under nodeup's root, and names it as it appears there (for errors). */
export interface CacheReader {
  read(hostPath: string): Promise<Buffer | undefined>;
  path(hostPath: string): string;
}

/**
 * The verified assets in nodeup's cache, and the files inside the cached release archives, found at
 * `<archive>.d/<path inside it>` (each archive is read once, when a file from it is first needed).
 */
export class CachedAssets {
  /** Cache path -> the asset's name. */
  private readonly cached = new Map<string, string>();
  private readonly archives = new Map<string, Map<string, Buffer>>();

  constructor(private readonly root: CacheReader) {}

  add(asset: Pick<AssetTask, 'name' | 'sha256'>): void {
    this.cached.set(assetCachePath(asset), asset.name);
  }

  /**
   * Every file of the cache by its name, as Go's asset store indexes it: each asset under its own name, then each
   * file inside a cached archive under its base name (a later file of the same name wins).
   */
  async everyFile(): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    for (const [path, name] of this.cached) {
      const bytes = await this.root.read(path);
      if (!bytes) continue;
      files.set(name, bytes);
      if (!/\.(tar\.gz|tgz)$/i.test(name)) continue;
      for (const [member, content] of (await this.members(path)) ?? []) files.set(member.split('/').pop()!, content);
    }
    return files;
  }

  /** The files of a cached archive, read once. */
  private async members(archivePath: string): Promise<Map<string, Buffer> | undefined> {
    const known = this.archives.get(archivePath);
    if (known) return known;
    const archive = await this.root.read(archivePath);
    if (!archive) return undefined;
    const files = readTarGz(archive, this.root.path(archivePath));
    this.archives.set(archivePath, files);
    return files;
  }

  /** The file's bytes; undefined while it is not cached; `absent` for a file its (cached) archive does not hold. */
  async read(path: string): Promise<Buffer | 'absent' | undefined> {
    if (this.cached.has(path)) return this.root.read(path);
    const m = /^(.*\.(?:tar\.gz|tgz))\.d\/(.+)$/.exec(path);
    if (!m || !this.cached.has(m[1])) return undefined;
    const files = await this.members(m[1]);
    return files ? (files.get(m[2]) ?? 'absent') : undefined;
  }
}
