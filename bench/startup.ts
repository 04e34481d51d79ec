/**
 * Start-up cost of the CLI: wall time of `node dist/kops.js version` against `node -e 0` measured in the same run
 * (median of N runs each, interleaved so that machine load hits both alike).
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { kopsBin } from '../test/helpers/cli.js';

function wallMs(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchStartup(runs: number): { kopsMs: number; nodeMs: number } {
  const baseline: number[] = [];
  const kops: number[] = [];
  wallMs(['-e', '0']);
  wallMs([kopsBin, 'version']);
  for (let i = 0; i < runs; i++) {
    baseline.push(wallMs(['-e', '0']));
    kops.push(wallMs([kopsBin, 'version']));
  }
  return { kopsMs: median(kops), nodeMs: median(baseline) };
}
