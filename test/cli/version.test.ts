import { expect, test } from 'vitest';
import { kops } from '../helpers/cli.js';

test('kops version prints our version and the kops release we are compatible with', async () => {
  const r = await kops(['version']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^Client version: \d+\.\d+\.\d+ \(kops-compatible 1\.37\.0\)$/m);
});
