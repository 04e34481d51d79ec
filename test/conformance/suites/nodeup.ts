import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Suite } from '../suite.js';

function taskFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /^tasks.*\.yaml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export const nodeupSuite: Suite = {
  name: 'nodeup',
  async run(suiteDir) {
    return {
      cases: taskFiles(suiteDir).map((f) => ({
        id: `nodeup/${relative(suiteDir, f)}`,
        outcome: 'differ' as const,
        reason: 'nodeup task builders not built yet',
      })),
    };
  },
};
