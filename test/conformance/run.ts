/**
 * Runs the Go kops golden cases (../shared/kops-reference/conformance, or --dir DIR with the same layout) and prints
 * `conformance <suite>: P/T cases match` per suite. With --check FILE, exits 1 when a case listed in FILE no longer
 * matches (the ratchet). --suite NAME runs one suite; -v prints every case.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult, Suite } from './suite.js';
import { conversionSuite } from './suites/conversion.js';
import { createClusterSuite } from './suites/create_cluster.js';
import { updateClusterSuite } from './suites/update_cluster.js';
import { nodeupSuite } from './suites/nodeup.js';

const suites: Suite[] = [conversionSuite, createClusterSuite, updateClusterSuite, nodeupSuite];

interface Args {
  dir: string;
  check?: string;
  only?: string;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const args: Args = { dir: resolve(root, '../shared/kops-reference/conformance'), verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dir') args.dir = resolve(argv[++i]);
    else if (a === '--check') args.check = resolve(argv[++i]);
    else if (a === '--suite') args.only = argv[++i];
    else if (a === '-v' || a === '--verbose') args.verbose = true;
    else throw new Error(`unknown argument ${a}; use --dir DIR, --check FILE, --suite NAME, -v`);
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const all: CaseResult[] = [];
  for (const suite of suites) {
    if (args.only && suite.name !== args.only) continue;
    const suiteDir = join(args.dir, suite.name);
    if (!existsSync(suiteDir)) {
      console.log(`conformance ${suite.name}: skipped (no folder ${suiteDir})`);
      continue;
    }
    const started = Date.now();
    const report = await suite.run(suiteDir);
    const counted = report.cases.filter((c) => c.outcome !== 'skipped');
    const matched = counted.filter((c) => c.outcome === 'match').length;
    console.log(`conformance ${suite.name}: ${matched}/${counted.length} cases match (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    for (const line of report.summary ?? []) console.log(`  ${line}`);
    for (const c of report.cases) {
      if (c.outcome === 'differ' || args.verbose || c.outcome === 'skipped') {
        const mark = c.outcome === 'match' ? 'ok' : c.outcome === 'skipped' ? 'skip' : 'DIFF';
        console.log(`  ${mark} ${c.id}${c.reason ? `: ${c.reason}` : ''}`);
      }
    }
    all.push(...report.cases);
  }
  if (args.check) return checkRatchet(args.check, all, args.only);
  return 0;
}

function checkRatchet(file: string, results: CaseResult[], only?: string): number {
  const listed = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .filter((id) => !only || id.startsWith(`${only}/`));
  const byId = new Map(results.map((r) => [r.id, r]));
  const regressed = listed.filter((id) => byId.get(id)?.outcome !== 'match');
  const newlyMatching = results.filter((r) => r.outcome === 'match' && !listed.includes(r.id)).map((r) => r.id);
  if (newlyMatching.length) console.log(`cases that match and are not yet in ${file}:\n  ${newlyMatching.join('\n  ')}`);
  if (regressed.length) {
    console.log(`ratchet: ${regressed.length} case(s) listed in ${file} no longer match:\n  ${regressed.join('\n  ')}`);
    return 1;
  }
  console.log(`ratchet: all ${listed.length} listed cases still match`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  },
);
