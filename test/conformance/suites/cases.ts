import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Sub-folders of a suite folder, sorted byte-wise. */
export function caseDirs(suiteDir: string): string[] {
  return readdirSync(suiteDir)
    .filter((name) => statSync(join(suiteDir, name)).isDirectory())
    .sort();
}
