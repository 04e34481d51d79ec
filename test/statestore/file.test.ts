import fs from 'node:fs';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { openVfs } from '../../src/statestore/index.js';
import { vfsContract } from './contract.js';

const root = mkdtempSync(join(tmpdir(), 'kops-file-vfs-'));
let counter = 0;
const freshDir = () => join(root, `store-${++counter}`);

afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('file:// backend', () => {
  vfsContract(() => openVfs(`file://${freshDir()}`));

  test('a bare absolute path opens the same store as its file:// URL', async () => {
    const dir = freshDir();
    await openVfs(dir).join('config').write('same');
    const viaUrl = openVfs(`file://${dir}/`);
    expect(viaUrl.url).toBe(`file://${dir}`);
    expect((await viaUrl.join('config').read()).toString()).toBe('same');
  });

  test('writes create missing directories and land as plain files on disk', async () => {
    const dir = freshDir();
    await openVfs(dir).join('c.example.com', 'instancegroup', 'nodes').write('ig');
    expect(fs.readFileSync(join(dir, 'c.example.com/instancegroup/nodes'), 'utf8')).toBe('ig');
  });

  test('secret writes get mode 0600, ordinary ones 0644, whatever the umask', async () => {
    const dir = freshDir();
    const previous = process.umask(0o077);
    try {
      await openVfs(dir).join('secrets', 'admin').write('s3cr3t', { secret: true });
      await openVfs(dir).join('config').write('public');
      expect(await openVfs(dir).join('pki', 'ca').createNew('key', { secret: true })).toBe(true);
    } finally {
      process.umask(previous);
    }
    expect(statSync(join(dir, 'secrets/admin')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'pki/ca')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'config')).mode & 0o777).toBe(0o644);
  });

  test('a write that fails mid-way leaves the previous file intact and no temp file behind', async () => {
    const dir = freshDir();
    const config = openVfs(dir).join('config');
    await config.write('old content');
    vi.spyOn(fs.promises, 'rename').mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    await expect(config.write('new content')).rejects.toThrow('disk full');
    expect((await config.read()).toString()).toBe('old content');
    expect(readdirSync(dir)).toEqual(['config']);
  });

  test('a failure while the bytes are written leaves no trace either', async () => {
    const dir = freshDir();
    const config = openVfs(dir).join('config');
    await config.write('old content');
    const open = fs.promises.open;
    vi.spyOn(fs.promises, 'open').mockImplementationOnce(async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      handle.writeFile = async () => {
        throw new Error('I/O error');
      };
      return handle;
    });
    await expect(config.write('new content')).rejects.toThrow('I/O error');
    expect((await config.read()).toString()).toBe('old content');
    expect(readdirSync(dir)).toEqual(['config']);
  });

  test('readers never see temp files of writes in flight', async () => {
    const dir = freshDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(join(dir, '.config.kops-tmp-0123456789ab'), 'half');
    await openVfs(dir).join('config').write('whole');
    expect((await openVfs(dir).readDir()).map((p) => p.base)).toEqual(['config']);
    expect((await openVfs(dir).readTree()).map((p) => p.base)).toEqual(['config']);
  });

  test('a relative file:// path is refused with a hint', () => {
    expect(() => openVfs('file://relative/dir')).toThrow(/needs an absolute path/);
  });
});
