import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../../errors.js';

/** Data files we write are named `<terraform resource type>_<name>_<attribute>`; anything else in data/ is not ours. */
const OUR_DATA_FILE = /^aws_[a-z0-9]+(?:_[a-z0-9]+)*_.+$/;

/**
 * Writes the terraform module into `dir`: each file through a temp name and a rename, unchanged files untouched (so a
 * re-run with the same spec changes nothing), our data files no longer produced removed, every other file left alone.
 */
export async function writeTerraformOutput(dir: string, files: ReadonlyMap<string, string>): Promise<{ written: string[]; removed: string[] }> {
  try {
    await mkdir(join(dir, 'data'), { recursive: true });
  } catch (err) {
    throw new UserError(`--out ${dir}: cannot create the folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'choose a writable folder with --out');
  }
  const written: string[] = [];
  for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = join(dir, name);
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === content) continue;
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}`;
    try {
      await writeFile(tmp, content);
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw new UserError(`--out ${dir}: cannot write ${name} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'choose a writable folder with --out');
    }
    written.push(name);
  }
  const removed: string[] = [];
  for (const entry of await readdir(join(dir, 'data'))) {
    if (OUR_DATA_FILE.test(entry) && !files.has(`data/${entry}`)) {
      await rm(join(dir, 'data', entry), { force: true });
      removed.push(`data/${entry}`);
    }
  }
  return { written, removed };
}
