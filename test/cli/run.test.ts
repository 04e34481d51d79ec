import { expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { resetMemfs } from '../../src/statestore/index.js';
import { CLUSTER_NAME, smallManifest } from './fixtures.js';

/** Runs the CLI in-process with captured output, a memfs:// store and a fixed clock. */
async function run(argv: string[], input = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    env: { KOPS_STATE_STORE: 'memfs://cli-test/state', HOME: '/nonexistent' },
    clock: () => new Date('2024-02-29T12:34:56.789Z'),
    readStdin: async () => input,
  });
  return { code, stdout, stderr };
}

test('handlers get the injected clock, so stored objects are stamped deterministically', async () => {
  resetMemfs();
  expect((await run(['create', '-f', '-'], smallManifest)).code).toBe(0);
  const yaml = await run(['get', 'ig', 'nodes', '--name', CLUSTER_NAME, '-o', 'yaml']);
  expect(yaml.stdout).toContain('  creationTimestamp: "2024-02-29T12:34:56Z"\n');
});

test('a missing handler result means success, and usage errors surface as UserError for main to print', async () => {
  resetMemfs();
  expect((await run(['version'])).code).toBe(0);
  await expect(run(['get', '--bogus'])).rejects.toThrow('unknown flag: --bogus');
});
