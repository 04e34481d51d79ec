/**
 * Start-up cost of the CLI: wall time of `node dist/kops.js version` against `node -e 0` measured in the same run
 * (median of N runs each, interleaved so that machine load hits both alike). Prints the ratio. Not a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { kopsBin } from '../test/helpers/cli.js';

const runs = Number(process.env.BENCH_ROUNDS ?? 21);

function wallMs(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(kopsBin)) {
  console.error(`${kopsBin} is missing: run npm run build first`);
  process.exit(1);
}
const baseline: number[] = [];
const kops: number[] = [];
wallMs(['-e', '0']);
wallMs([kopsBin, 'version']);
for (let i = 0; i < runs; i++) {
  baseline.push(wallMs(['-e', '0']));
  kops.push(wallMs([kopsBin, 'version']));
}
const ratio = median(kops) / median(baseline);
console.log(`node -e 0:              ${median(baseline).toFixed(1)} ms (median of ${runs})`);
console.log(`node dist/kops.js version: ${median(kops).toFixed(1)} ms (median of ${runs})`);
console.log(`start-up ratio: ${ratio.toFixed(2)}`);
