import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { openVfs } from '../../src/statestore/index.js';
import { acquireClusterLock, readLock } from '../../src/statestore/lock.js';
import { kops } from '../helpers/cli.js';
import { CLUSTER_NAME, smallManifest, tempFile, tempStore } from './fixtures.js';

let store: ReturnType<typeof tempStore>;
let env: Record<string, string>;

beforeEach(async () => {
  store = tempStore();
  env = { KOPS_STATE_STORE: store.url };
  expect((await kops(['create', '-f', tempFile(smallManifest)], { env })).code).toBe(0);
});

const config = () => readFileSync(join(store.dir, CLUSTER_NAME, 'config'), 'utf8');
const lockFile = () => join(store.dir, '.kops-locks', `${CLUSTER_NAME}.json`);
/** A lock held by a live process of this host (the test runner itself), as another kops run would hold it. */
const holdLock = (command = 'kops update cluster --yes') =>
  acquireClusterLock(openVfs(store.url), CLUSTER_NAME, { holder: 'ana', host: hostname(), pid: process.pid, command, timeoutMs: 0 });
const setVersion = (version: string, ...flags: string[]) => kops(['edit', 'cluster', CLUSTER_NAME, '--set', `spec.kubernetesVersion=${version}`, ...flags], { env });

describe('one writer at a time', () => {
  test('a command that changes the spec takes the lock for its run and leaves none behind', async () => {
    const r = await setVersion('1.33.1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(config()).toContain('kubernetesVersion: 1.33.1');
    expect(existsSync(lockFile())).toBe(false);
  });

  test('a second writer fails at once naming the holder, and writes nothing', async () => {
    const held = await holdLock();
    const before = config();
    for (const attempt of [
      setVersion('1.33.1'),
      kops(['replace', '-f', tempFile(smallManifest)], { env }),
      kops(['create', 'instancegroup', 'more', '--name', CLUSTER_NAME, '--subnet', 'us-east-1a', '--role', 'node', '--edit=false'], { env }),
      kops(['delete', 'instancegroup', 'nodes', '--name', CLUSTER_NAME, '--yes'], { env }),
      kops(['delete', 'cluster', CLUSTER_NAME, '--yes', '--unregister'], { env }),
    ]) {
      const r = await attempt;
      expect(r.stderr).toBe(
        `error: cluster "${CLUSTER_NAME}" is locked by ana@${hostname()} (pid ${process.pid}, "kops update cluster --yes", since ${held.holder.time})\n` +
          `  wait for that command to finish (or pass --lock-timeout to wait); if it is no longer running: kops toolbox unlock --name ${CLUSTER_NAME} --yes\n`,
      );
      expect(r.code).toBe(1);
    }
    expect(config()).toBe(before);
    expect(store.files().filter((f) => !f.startsWith('.kops-locks/'))).toContain(`${CLUSTER_NAME}/instancegroup/nodes`);
    await held.release();
  });

  test('readers do not need the lock', async () => {
    const held = await holdLock();
    const r = await kops(['get', 'cluster', CLUSTER_NAME, '-o', 'yaml'], { env });
    expect(r.code).toBe(0);
    await held.release();
  });

  test('--lock-timeout waits for the holder to finish', async () => {
    const held = await holdLock();
    const released = new Promise<void>((resolve) => setTimeout(() => void held.release().then(resolve), 1500));
    const r = await setVersion('1.33.2', '--lock-timeout', '60s');
    await released;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(config()).toContain('kubernetesVersion: 1.33.2');
  });

  test('kops toolbox unlock shows the holder, and with --yes breaks the lock', async () => {
    await holdLock('kops update cluster --yes (killed)');
    const shown = await kops(['toolbox', 'unlock', '--name', CLUSTER_NAME], { env });
    expect(shown.stdout).toMatch(/^Cluster "small.example.com" is locked by ana@.* "kops update cluster --yes \(killed\)".*\n\nMust specify --yes/);
    expect(existsSync(lockFile())).toBe(true);
    const broken = await kops(['toolbox', 'unlock', '--name', CLUSTER_NAME, '--yes'], { env });
    expect(broken.stdout).toMatch(/^Broke the lock of cluster "small.example.com" held by ana@/);
    expect(existsSync(lockFile())).toBe(false);
    expect((await setVersion('1.33.1')).code).toBe(0);
    expect((await kops(['toolbox', 'unlock', '--name', CLUSTER_NAME, '--yes'], { env })).stdout).toBe(`Cluster "${CLUSTER_NAME}" is not locked\n`);
  });

  test('a lock left by a process of this host that is gone is taken over, with a warning', async () => {
    const dead = 2 ** 22 + 12345;
    await acquireClusterLock(openVfs(store.url), CLUSTER_NAME, { holder: 'ana', host: hostname(), pid: dead, command: 'kops update cluster --yes', timeoutMs: 0 });
    const r = await setVersion('1.33.1');
    expect(r.stderr).toMatch(new RegExp(`^warning: taking over the lock of cluster "${CLUSTER_NAME}" left by ana@.*pid ${dead}.*, which is no longer running\\n$`));
    expect(r.code).toBe(0);
    expect(await readLock(openVfs(store.url), CLUSTER_NAME)).toBeUndefined();
  });

  test('delete cluster releases the lock once the state is gone', async () => {
    const r = await kops(['delete', 'cluster', CLUSTER_NAME, '--yes', '--unregister'], { env });
    expect(r.code).toBe(0);
    expect(store.files()).toEqual([]);
  });

  test('an edit never overwrites a change made meanwhile by a writer that takes no lock', async () => {
    // The editor stands for the user taking their time while another tool (the Go kops, say) rewrites the spec.
    const path = join(store.dir, CLUSTER_NAME, 'config');
    const script = tempFile(
      `const { readFileSync, writeFileSync } = require('node:fs');\n` +
        `const stored = ${JSON.stringify(path)};\n` +
        `writeFileSync(stored, readFileSync(stored, 'utf8').replace('kubernetesVersion: 1.32.0', 'kubernetesVersion: 1.32.9'));\n` +
        `const file = process.argv[process.argv.length - 1];\n` +
        `writeFileSync(file, readFileSync(file, 'utf8').replace('kubernetesVersion: 1.32.0', 'kubernetesVersion: 1.33.1'));\n`,
      'editor.cjs',
    );
    const r = await kops(['edit', 'cluster', CLUSTER_NAME], { env: { ...env, EDITOR: `${process.execPath} ${script}` } });
    expect(r.stderr).toBe(`error: cluster "${CLUSTER_NAME}" was changed by someone else since this command read it; nothing was written\n  run the command again to start from the current version\n`);
    expect(r.code).toBe(1);
    expect(config()).toContain('kubernetesVersion: 1.32.9');
  });
});
