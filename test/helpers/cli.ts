import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const kopsBin = resolve(repoRoot, 'dist/kops.js');
export const sharedDir = resolve(repoRoot, '../shared');

const scratchKubeconfig = join(mkdtempSync(join(tmpdir(), 'kops-test-kubeconfig-')), 'config');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npm test` builds it first) as a user would, with its own environment. */
export function kops(args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    // Tests never touch the user's kubeconfig: unless a test names one, it goes to a throwaway file.
    const env: Record<string, string | undefined> = {
      ...process.env,
      KOPS_STATE_STORE: undefined,
      KOPS_CLUSTER_NAME: undefined,
      KUBECONFIG: scratchKubeconfig,
      ...options.env,
    };
    const child = spawn(process.execPath, [kopsBin, ...args], { env: env as NodeJS.ProcessEnv, cwd: options.cwd ?? repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
