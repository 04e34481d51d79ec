import { expect, test } from 'vitest';
import { kops } from '../helpers/cli.js';

test('kops version prints our version and the kops release we are compatible with', async () => {
  const r = await kops(['version']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^Client version: \d+\.\d+\.\d+ \(kops-compatible 1\.37\.0\)$/m);
});

test('kops version --short prints the bare version, --server the one recorded in the state store', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const short = await kops(['version', '--short']);
  expect(short.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  const dir = mkdtempSync(join(tmpdir(), 'kops-version-'));
  mkdirSync(join(dir, 'v.example.com'));
  writeFileSync(join(dir, 'v.example.com', 'kops-version.txt'), '1.37.0');
  const env = { KOPS_STATE_STORE: `file://${dir}` };
  const server = await kops(['version', '--server', '--name', 'v.example.com'], { env });
  expect(server.stdout).toMatch(/\nLast applied server version: 1\.37\.0\n$/);
  const none = await kops(['version', '--server'], { env: { ...env, HOME: dir } });
  expect(none.stdout).toMatch(/\nLast applied server version: No cluster selected\n$/);
});
