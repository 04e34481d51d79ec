/**
 * `npm run gen`: writes every generated file of the repository from ../shared/kops-reference (the CRDs and the
 * release-hash tables). The output depends on those inputs only, so a clean clone regenerates the same bytes;
 * test/scripts/generated.test.ts fails when a committed file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generatedFiles } from './gen/all.js';

const root = resolve(import.meta.dirname, '..');
for (const [path, content] of generatedFiles()) {
  mkdirSync(dirname(resolve(root, path)), { recursive: true });
  writeFileSync(resolve(root, path), content);
  console.log(`wrote ${path}`);
}
