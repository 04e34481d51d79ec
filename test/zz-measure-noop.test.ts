import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { kops } from './helpers/cli.js';
import { startMotoForKops } from './helpers/kops-on-moto.js';
import { recordCalls } from './helpers/moto-recorder.js';

test('measure', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kops-measure-'));
  const w = await startMotoForKops(dir);
  const run = async (...a: string[]) => { const r = await kops(a, { env: w.env }); if (r.code) throw new Error(r.stderr); return r; };
  await run('create', 'cluster', '--name', 'm.k8s.local', '--zones', 'us-east-1a', '--ssh-public-key', w.sshPublicKey);
  await run('update', 'cluster', 'm.k8s.local', '--yes', '--create-kube-config=false');
  const calls = await recordCalls(w.moto.endpoint, () => run('update', 'cluster', 'm.k8s.local', '--yes', '--create-kube-config=false'));
  const counts: Record<string, number> = {};
  for (const c of calls) counts[c.action] = (counts[c.action] ?? 0) + 1;
  writeFileSync(process.env.MEASURE_OUT ?? '/tmp/struct/noop.json', JSON.stringify({ total: calls.length, mutating: calls.filter((c) => c.mutating).length, counts }, null, 1));
  const del = await recordCalls(w.moto.endpoint, () => run('delete', 'cluster', 'm.k8s.local', '--yes'));
  const dcounts: Record<string, number> = {};
  for (const c of del) dcounts[c.action] = (dcounts[c.action] ?? 0) + 1;
  writeFileSync((process.env.MEASURE_OUT ?? '/tmp/struct/noop.json') + '.delete.json', JSON.stringify({ total: del.length, counts: dcounts }, null, 1));
  await w.moto.stop();
}, 300_000);
