import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { repoRoot, type RunResult } from '../helpers/cli.js';

export const nodeupBin = resolve(repoRoot, 'dist/nodeup.js');

/** Runs the built nodeup (`npm run build` first) as the node's boot script would. */
export function nodeup(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [nodeupBin, ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}
