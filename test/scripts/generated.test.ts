import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generatedFiles } from '../../scripts/gen/all.js';

const root = resolve(import.meta.dirname, '../..');

describe('generated files are current (regenerate with npm run gen)', () => {
  const files = generatedFiles();

  test('the generators write the API types, the decoder schema, the editor schema and the hash table', () => {
    expect([...files.keys()].sort()).toEqual([
      'schema/kops.k8s.io_v1alpha2.json',
      'src/apis/schema.generated.ts',
      'src/apis/types.generated.ts',
      'src/assets/known-hashes.ts',
    ]);
  });

  test.each([...files.keys()])('%s matches what npm run gen writes', (path) => {
    expect(readFileSync(resolve(root, path), 'utf8') === files.get(path), `${path} is stale: run npm run gen`).toBe(true);
  });

  test('generating twice gives the same bytes', () => {
    expect(generatedFiles()).toEqual(files);
  });
});
