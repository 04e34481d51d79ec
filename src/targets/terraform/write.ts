import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { resourceDecl } from '../../cloud/aws/resources/declare.js';

/** Whether a data/ file name is one this target writes: `<resource type>_<name>_<attribute>`. */
function isOurDataFile(name: string): boolean {
  for (let i = name.indexOf('_'); i > 0; i = name.indexOf('_', i + 1)) {
    const type = name.slice(0, i);
    if (type === 'aws_s3_object' || resourceDecl(type)) return true;
  }
  return false;
}

/**
 * Writes the rendered module into `outDir`: each file through a temporary name and a rename, so a reader never
 * sees half a file. Data files of earlier runs that are no longer produced are removed; other files are left alone.
 */
export async function writeTerraformOutput(outDir: string, files: Map<string, string>): Promise<void> {
  await mkdir(join(outDir, 'data'), { recursive: true });
  for (const [relative, content] of files) {
    const target = join(outDir, relative);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.tmp-${process.pid}`;
    await writeFile(temp, content, { mode: 0o644 });
    await rename(temp, target);
  }
  for (const name of await readdir(join(outDir, 'data'))) {
    if (!files.has(`data/${name}`) && isOurDataFile(name)) await rm(join(outDir, 'data', name));
  }
}
