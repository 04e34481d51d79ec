import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const src = join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports (static, type-only and dynamic), as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

/** Imports of a folder's files that name an AWS SDK package or anything under src/cloud/aws. */
function awsImportsIn(folder: string): string[] {
  return sourceFiles(join(src, folder)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => spec.startsWith('@aws-sdk/') || (spec.startsWith('.') && relative(src, join(file, '..', spec)).startsWith(join('cloud', 'aws'))))
      .map((spec) => `${relative(src, file)} imports ${spec}`),
  );
}

describe('import rules of ../shared/ARCHITECTURE.md', () => {
  test.each(['engine', 'targets', 'cli'])('%s/ imports no AWS SDK package and nothing from cloud/aws', (folder) => {
    expect(awsImportsIn(folder)).toEqual([]);
  });

  test('the rule sees a violation when there is one', () => {
    expect(awsImportsIn(join('cloud', 'aws')).length).toBeGreaterThan(0);
  });
});
