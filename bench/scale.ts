/**
 * How the CLI grows with the number of instance groups: `update cluster` preview (against moto, nothing applied) and
 * `update cluster --target terraform`, each run as its own process under /usr/bin/time for wall time and peak RSS.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { kops, kopsBin } from '../test/helpers/cli.js';
import { startMotoForKops } from '../test/helpers/kops-on-moto.js';

export interface Timing {
  ms: number;
  peakMb: number;
}

export interface ScaleResult {
  instanceGroups: number;
  preview: Timing;
  terraform: Timing;
  /** The same two commands by another build (BENCH_BASELINE_KOPS: an older dist/kops.js) on the same state, same run. */
  baseline?: { preview: Timing; terraform: Timing };
}

/** Runs the built CLI under /usr/bin/time: wall time and the process's peak resident memory. */
function timed(args: string[], env: Record<string, string>, bin = kopsBin): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'peak-kb %M', process.execPath, bin, ...args], { env: { ...process.env, ...env } });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const peak = /peak-kb (\d+)/.exec(stderr);
      if (code !== 0 || !peak) return reject(new Error(`kops ${args.join(' ')} exited ${code}\n${stderr.slice(-2000)}`));
      resolve({ ms, peakMb: Number(peak[1]) / 1024 });
    });
  });
}

export async function benchScale(sizes: number[], baselineBin?: string): Promise<ScaleResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kops-bench-scale-'));
  const { moto, env, sshPublicKey } = await startMotoForKops(dir);
  const results: ScaleResult[] = [];
  try {
    for (const size of sizes) {
      const cluster = `scale-${size}.k8s.local`;
      const created = await kops(['create', 'cluster', '--name', cluster, '--zones', 'us-east-1a', '--ssh-public-key', sshPublicKey], { env });
      if (created.code !== 0) throw new Error(created.stderr);
      const nodes = await kops(['get', 'ig', '--name', cluster, 'nodes-us-east-1a', '-o', 'yaml'], { env });
      const template = parseAllDocuments(nodes.stdout)[0].toJSON() as { metadata: Record<string, unknown> };
      // The cluster has one control-plane and one node group: drop the node group for 1, else add node groups up to `size`.
      const extra = Array.from({ length: Math.max(0, size - 2) }, (_, i) => {
        const group = structuredClone(template);
        group.metadata = { name: `nodes-${String(i + 1).padStart(3, '0')}`, labels: template.metadata.labels };
        return JSON.stringify(group);
      });
      if (size === 1) {
        const removed = await kops(['delete', 'ig', '--name', cluster, 'nodes-us-east-1a', '--yes'], { env });
        if (removed.code !== 0) throw new Error(removed.stderr);
      }
      if (extra.length > 0) {
        const added = await kops(['create', '-f', '-'], { env, input: extra.join('\n---\n') });
        if (added.code !== 0) throw new Error(added.stderr);
      }
      const preview = ['update', 'cluster', cluster];
      const terraform = (out: string) => ['update', 'cluster', cluster, '--target', 'terraform', '--out', join(dir, out)];
      results.push({
        instanceGroups: size,
        preview: await timed(preview, env),
        terraform: await timed(terraform(`tf-${size}`), env),
        baseline: baselineBin
          ? { preview: await timed(preview, env, baselineBin), terraform: await timed(terraform(`tf-base-${size}`), env, baselineBin) }
          : undefined,
      });
    }
  } finally {
    await moto.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
