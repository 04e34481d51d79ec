/**
 * `npm run bench [-- NAME...]`: runs every bench/*.ts (or only the named ones) in turn, each in its own Node process
 * so that one's memory and JIT state do not colour the next. A benchmark whose tools are missing is skipped with the
 * reason; the exit code is non-zero if any that ran failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kopsBin, sharedDir } from '../test/helpers/cli.js';
import { motoServerBinary } from '../test/helpers/moto.js';
import { terraformAvailable, TF_PLUGIN_DIR } from '../test/helpers/terraform.js';

const benchDir = dirname(fileURLToPath(import.meta.url));

type Tool = 'dist' | 'moto_server' | 'terraform' | 'openssl' | 'shared';

/** What each benchmark cannot run without; one not listed needs nothing beyond Node and the sources. */
const NEEDS: Record<string, Tool[]> = {
  'bootstrap.ts': ['shared'],
  'delete.ts': ['moto_server', 'shared'],
  'pki.ts': ['openssl'],
  'startup.ts': ['dist'],
  'terraform.ts': ['shared'],
  'update.ts': ['dist', 'moto_server', 'terraform', 'shared'],
};

const onPath = (command: string) => spawnSync('bash', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const available: Record<Tool, () => boolean> = {
  dist: () => existsSync(kopsBin),
  moto_server: () => {
    try {
      return !!motoServerBinary();
    } catch {
      return false;
    }
  },
  terraform: () => terraformAvailable() && existsSync(TF_PLUGIN_DIR),
  openssl: () => onPath('openssl'),
  shared: () => existsSync(join(sharedDir, 'kops-reference')),
};
const hint: Record<Tool, string> = {
  dist: 'npm run build',
  moto_server: 'moto_server on PATH',
  terraform: `terraform on PATH and the provider mirror in ${TF_PLUGIN_DIR}`,
  openssl: 'openssl on PATH',
  shared: `${sharedDir}/kops-reference`,
};

const wanted = process.argv.slice(2).map((a) => (a.endsWith('.ts') ? a : `${a}.ts`));
const all = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && f !== basename(fileURLToPath(import.meta.url)))
  .sort();
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`no such benchmark: ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}

const failed: string[] = [];
for (const file of wanted.length ? wanted : all) {
  const missing = (NEEDS[file] ?? []).filter((tool) => !available[tool]());
  if (missing.length) {
    console.log(`\n=== ${file}: skipped, needs ${missing.map((t) => hint[t]).join('; ')}`);
    continue;
  }
  console.log(`\n=== ${file}`);
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, file)], { stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) failed.push(file);
  console.log(`=== ${file}: ${r.status === 0 ? 'done' : `failed (exit ${r.status ?? r.signal})`} in ${seconds} s`);
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
