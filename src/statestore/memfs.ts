import { NotFoundError, type VfsPath, type WriteOptions } from './vfs.js';
import { childPrefix, compareStrings, joinKey, lastSegment, toBuffer } from './segments.js';

/** One store per process, keyed by `bucket/path`: what `memfs://` URLs address. */
const objects = new Map<string, Buffer>();

/** Empties the in-process store (tests and golden runs start from nothing). */
export function resetMemfs(): void {
  objects.clear();
}

/** `memfs://bucket/path`: an in-process object store for tests and golden runs. */
export class MemfsPath implements VfsPath {
  readonly url: string;
  readonly base: string;

  /** `key` is `bucket/path/...` without the scheme. */
  constructor(private readonly key: string) {
    this.url = `memfs://${key}`;
    this.base = lastSegment(key);
  }

  join(...segments: string[]): VfsPath {
    return new MemfsPath(joinKey(this.key, segments));
  }

  async read(): Promise<Buffer> {
    const data = objects.get(this.key);
    if (!data) throw new NotFoundError(this.url);
    return Buffer.from(data);
  }

  async readIfExists(): Promise<Buffer | undefined> {
    const data = objects.get(this.key);
    return data && Buffer.from(data);
  }

  async write(data: Buffer | string, _options?: WriteOptions): Promise<void> {
    objects.set(this.key, Buffer.from(toBuffer(data)));
  }

  async createNew(data: Buffer | string, options?: WriteOptions): Promise<boolean> {
    if (objects.has(this.key)) return false;
    await this.write(data, options);
    return true;
  }

  async replaceIfUnchanged(data: Buffer | string, expected: Buffer, options?: WriteOptions): Promise<boolean> {
    const current = objects.get(this.key);
    if (!current || !current.equals(expected)) return false;
    await this.write(data, options);
    return true;
  }

  async exists(): Promise<boolean> {
    return objects.has(this.key);
  }

  async remove(): Promise<void> {
    objects.delete(this.key);
  }

  async removeTree(): Promise<void> {
    objects.delete(this.key);
    for (const key of this.keysBelow()) objects.delete(key);
  }

  async readDir(): Promise<VfsPath[]> {
    const prefix = childPrefix(this.key);
    const names = new Set<string>();
    for (const key of this.keysBelow()) names.add(key.slice(prefix.length).split('/')[0]);
    return [...names].sort(compareStrings).map((name) => this.join(name));
  }

  async readTree(): Promise<VfsPath[]> {
    return this.keysBelow()
      .sort(compareStrings)
      .map((key) => new MemfsPath(key));
  }

  private keysBelow(): string[] {
    const prefix = childPrefix(this.key);
    return [...objects.keys()].filter((key) => key.startsWith(prefix));
  }
}
