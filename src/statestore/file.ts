import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { NotFoundError, type VfsPath, type WriteOptions } from './vfs.js';
import { compareStrings, lastSegment, toBuffer, toSegments } from './segments.js';

/** Temp files of in-flight atomic writes: `.<name>.kops-tmp-<random>`; never listed as objects. */
const TEMP_MARKER = '.kops-tmp-';

/** `file:///abs/path`: the local state store. Writes go to a temp file in the same directory, then rename. */
export class FilePath implements VfsPath {
  readonly url: string;
  readonly base: string;

  /** `path` is absolute and normalised (no trailing slash except for `/`). */
  constructor(readonly path: string) {
    this.url = `file://${path}`;
    this.base = lastSegment(path);
  }

  join(...segments: string[]): VfsPath {
    return new FilePath(join(this.path, ...toSegments(segments)));
  }

  async read(): Promise<Buffer> {
    const data = await this.readIfExists();
    if (!data) throw new NotFoundError(this.url);
    return data;
  }

  async readIfExists(): Promise<Buffer | undefined> {
    try {
      return await fs.promises.readFile(this.path);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async write(data: Buffer | string, options?: WriteOptions): Promise<void> {
    const temp = await this.writeTemp(data, options);
    try {
      await fs.promises.rename(temp, this.path);
    } catch (err) {
      await removeQuietly(temp);
      throw err;
    }
  }

  async createNew(data: Buffer | string, options?: WriteOptions): Promise<boolean> {
    const temp = await this.writeTemp(data, options);
    try {
      // link() refuses an existing target, so "create if absent" and "whole content visible at once" hold together.
      await fs.promises.link(temp, this.path);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    } finally {
      await removeQuietly(temp);
    }
  }

  async replaceIfUnchanged(data: Buffer | string, expected: Buffer, options?: WriteOptions): Promise<boolean> {
    const temp = await this.writeTemp(data, options);
    try {
      // The check and the rename are not one step; the cluster lock keeps kops writers apart, this catches the rest.
      const current = await this.readIfExists();
      if (!current || !current.equals(expected)) return false;
      await fs.promises.rename(temp, this.path);
      return true;
    } finally {
      await removeQuietly(temp);
    }
  }

  async exists(): Promise<boolean> {
    try {
      return (await fs.promises.stat(this.path)).isFile();
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async remove(): Promise<void> {
    await fs.promises.rm(this.path, { force: true });
  }

  async removeTree(): Promise<void> {
    await fs.promises.rm(this.path, { force: true, recursive: true });
  }

  async readDir(): Promise<VfsPath[]> {
    const names = await listNames(this.path);
    return names.filter((name) => !name.includes(TEMP_MARKER)).map((name) => this.join(name));
  }

  async readTree(): Promise<VfsPath[]> {
    const files: FilePath[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const name of await listNames(dir)) {
        if (name.includes(TEMP_MARKER)) continue;
        const child = join(dir, name);
        const stat = await fs.promises.stat(child);
        if (stat.isDirectory()) await walk(child);
        else files.push(new FilePath(child));
      }
    };
    await walk(this.path);
    return files.sort((a, b) => compareStrings(a.url, b.url));
  }

  private async writeTemp(data: Buffer | string, options?: WriteOptions): Promise<string> {
    const dir = dirname(this.path);
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o755 });
    const temp = join(dir, `.${this.base}${TEMP_MARKER}${randomBytes(6).toString('hex')}`);
    const mode = options?.secret ? 0o600 : 0o644;
    try {
      const handle = await fs.promises.open(temp, 'wx', mode);
      try {
        await handle.writeFile(toBuffer(data));
        await handle.chmod(mode); // the umask may have narrowed or the create mode; state it exactly
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      await removeQuietly(temp);
      throw err;
    }
    return temp;
  }
}


async function listNames(dir: string): Promise<string[]> {
  try {
    return (await fs.promises.readdir(dir)).sort(compareStrings);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw err;
  }
}

function isNotFound(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

async function removeQuietly(path: string): Promise<void> {
  await fs.promises.rm(path, { force: true }).catch(() => undefined);
}
