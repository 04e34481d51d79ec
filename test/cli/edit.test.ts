import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { kops } from '../helpers/cli.js';
import { CLUSTER_NAME, smallManifest, tempFile, tempStore } from './fixtures.js';

/**
 * An $EDITOR that plays a script: the Nth time it is opened it applies the Nth edit (a text replacement) to the
 * file, and keeps a copy of what it was shown, so tests can check what the user would have seen.
 */
function scriptedEditor(edits: Array<[string, string]>): { env: Record<string, string>; seen(n: number): string; opened(): number } {
  const dir = mkdtempSync(join(tmpdir(), 'kops-editor-'));
  const script = join(dir, 'editor.mjs');
  writeFileSync(
    script,
    `import { readFileSync, writeFileSync, existsSync } from 'node:fs';
const dir = ${JSON.stringify(dir)};
const edits = ${JSON.stringify(edits)};
const file = process.argv[process.argv.length - 1];
const countFile = dir + '/count';
const n = existsSync(countFile) ? Number(readFileSync(countFile, 'utf8')) : 0;
writeFileSync(countFile, String(n + 1));
const text = readFileSync(file, 'utf8');
writeFileSync(dir + '/seen-' + n + '.yaml', text);
const [from, to] = edits[n] ?? ['', ''];
writeFileSync(file, text.replace(from, to));
`,
  );
  return {
    env: { EDITOR: `${process.execPath} ${script}` },
    seen: (n) => readFileSync(join(dir, `seen-${n}.yaml`), 'utf8'),
    opened: () => (existsSync(join(dir, 'count')) ? Number(readFileSync(join(dir, 'count'), 'utf8')) : 0),
  };
}

let store: ReturnType<typeof tempStore>;
let env: Record<string, string>;

beforeEach(async () => {
  store = tempStore();
  env = { KOPS_STATE_STORE: store.url };
  const created = await kops(['create', '-f', tempFile(smallManifest)], { env });
  expect(created.code).toBe(0);
});

const stored = (path: string) => readFileSync(join(store.dir, CLUSTER_NAME, path), 'utf8');

describe('kops edit', () => {
  test('a valid edit of the cluster is saved', async () => {
    const editor = scriptedEditor([['kubernetesVersion: 1.32.0', 'kubernetesVersion: 1.33.1']]);
    const r = await kops(['edit', 'cluster', CLUSTER_NAME], { env: { ...env, ...editor.env } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(editor.seen(0)).toMatch(/^apiVersion: kops.k8s.io\/v1alpha2\nkind: Cluster\n/);
    expect(stored('config')).toContain('kubernetesVersion: 1.33.1');
  });

  test('an unchanged edit saves nothing and says so', async () => {
    const before = stored('config');
    const editor = scriptedEditor([]);
    const r = await kops(['edit', 'cluster', '--name', CLUSTER_NAME], { env: { ...env, ...editor.env } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Edit cancelled, no changes made.\n');
    expect(stored('config')).toBe(before);
  });

  test('an invalid edit re-opens with the error on top, and nothing is written until it is fixed', async () => {
    const editor = scriptedEditor([
      ['maxSize: 3', 'maxSize: -4'],
      ['maxSize: -4', 'maxSize: 6'],
    ]);
    const r = await kops(['edit', 'ig', 'nodes', '--name', CLUSTER_NAME], { env: { ...env, KUBE_EDITOR: editor.env.EDITOR } });
    expect(r.code).toBe(0);
    expect(editor.opened()).toBe(2);
    const second = editor.seen(1);
    expect(second).toMatch(/^# /);
    expect(second).toMatch(/^# .*spec.maxSize: must not be negative/m);
    expect(second).toContain('maxSize: -4');
    expect(stored('instancegroup/nodes')).toContain('maxSize: 6');
  });

  test('giving up on an invalid edit leaves the stored object as it was', async () => {
    const before = stored('instancegroup/nodes');
    const editor = scriptedEditor([['role: Node', 'role: Worker']]);
    const r = await kops(['edit', 'instancegroup', 'nodes', '--name', CLUSTER_NAME], { env: { ...env, ...editor.env } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Edit cancelled, no valid changes were saved.\n');
    expect(editor.opened()).toBe(2);
    expect(stored('instancegroup/nodes')).toBe(before);
  });

  test('renaming the object in the editor is refused', async () => {
    const editor = scriptedEditor([[`name: ${CLUSTER_NAME}`, 'name: other.example.com']]);
    const r = await kops(['edit', 'cluster', CLUSTER_NAME], { env: { ...env, ...editor.env } });
    expect(r.code).toBe(1);
    expect(editor.seen(1)).toMatch(/^# .*metadata.name: cannot be changed/m);
  });

  test('an editor that fails saves nothing', async () => {
    const before = stored('config');
    const r = await kops(['edit', 'cluster', CLUSTER_NAME], { env: { ...env, EDITOR: 'false' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: editor "false" exited with status 1; nothing was saved\n$/);
    expect(stored('config')).toBe(before);
  });
});

describe('kops edit cluster --set/--unset', () => {
  test('changes fields without an editor, typed by the API (a list from one value)', async () => {
    const r = await kops(['edit', 'cluster', CLUSTER_NAME, '--set', 'spec.kubernetesVersion=1.33.2', '--set', 'spec.sshAccess=10.0.0.0/8', '--unset', 'spec.networkCIDR'], {
      env: { ...env, EDITOR: 'false' },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const config = stored('config');
    expect(config).toContain('kubernetesVersion: 1.33.2');
    expect(config).toContain('  sshAccess:\n  - 10.0.0.0/8\n');
    expect(config).not.toContain('networkCIDR');
  });

  test('an invalid value is refused and nothing is written', async () => {
    const before = stored('config');
    const r = await kops(['edit', 'cluster', CLUSTER_NAME, '--set', 'spec.kubernetesVersion=latest-and-greatest'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*spec.kubernetesVersion/);
    expect(stored('config')).toBe(before);
  });
});
