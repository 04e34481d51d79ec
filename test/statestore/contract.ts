import { expect, test } from 'vitest';
import type { VfsPath } from '../../src/statestore/index.js';

/** The behaviour every backend must show; `fresh()` gives an empty base location for one test. */
export function vfsContract(fresh: () => Promise<VfsPath> | VfsPath): void {
  test('bytes written are the bytes read back, binary included', async () => {
    const base = await fresh();
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13, 0x80]);
    await base.join('bin').write(bytes);
    await base.join('text.yaml').write('kind: Cluster\nname: é\n');
    expect(await base.join('bin').read()).toEqual(bytes);
    expect((await base.join('text.yaml').read()).toString('utf8')).toBe('kind: Cluster\nname: é\n');
  });

  test('a missing object reads as NotFoundError, or undefined through readIfExists', async () => {
    const base = await fresh();
    const missing = base.join('nope', 'config');
    await expect(missing.read()).rejects.toMatchObject({ name: 'NotFoundError', url: missing.url });
    expect(await missing.readIfExists()).toBeUndefined();
    expect(await missing.exists()).toBe(false);
  });

  test('a write replaces the previous content entirely', async () => {
    const base = await fresh();
    const p = base.join('a', 'b', 'c');
    await p.write('a long first version of the file');
    await p.write('short');
    expect((await p.read()).toString()).toBe('short');
    expect(await p.exists()).toBe(true);
  });

  test('createNew writes only when the object is absent', async () => {
    const base = await fresh();
    const p = base.join('cluster', 'config');
    expect(await p.createNew('first')).toBe(true);
    expect(await p.createNew('second')).toBe(false);
    expect((await p.read()).toString()).toBe('first');
  });

  test('replaceIfUnchanged writes only over the content the caller read', async () => {
    const base = await fresh();
    const p = base.join('cluster', 'config');
    await p.write('read by me');
    const seen = await p.read();
    expect(await p.replaceIfUnchanged('mine', seen)).toBe(true);
    expect((await p.read()).toString()).toBe('mine');
    expect(await p.replaceIfUnchanged('stale', seen)).toBe(false);
    expect((await p.read()).toString()).toBe('mine');
    expect(await base.join('absent').replaceIfUnchanged('x', seen)).toBe(false);
    expect(await base.join('absent').exists()).toBe(false);
  });

  test('join splits slashes and the url and base follow the path', async () => {
    const base = await fresh();
    const p = base.join('c.example.com/pki', 'private', 'ca');
    expect(p.url).toBe(`${base.url}/c.example.com/pki/private/ca`);
    expect(p.base).toBe('ca');
    expect(p.join('').url).toBe(p.url);
    expect(() => base.join('..', 'escape')).toThrow(/".."/);
  });

  test('readDir lists direct children, files and folders, sorted by name', async () => {
    const base = await fresh();
    for (const name of ['b/config', 'a/instancegroup/nodes', 'a/config', 'c', 'A']) await base.join(name).write(name);
    expect((await base.readDir()).map((p) => p.base)).toEqual(['A', 'a', 'b', 'c']);
    expect((await base.join('a').readDir()).map((p) => p.base)).toEqual(['config', 'instancegroup']);
    expect(await base.join('nothing-here').readDir()).toEqual([]);
  });

  test('readTree lists every object below, sorted by URL, and can be read back', async () => {
    const base = await fresh();
    const names = ['x/z', 'x/a/b/c', 'x/a/b2', 'x/a-b', 'y'];
    for (const name of names) await base.join(name).write(name);
    const tree = await base.join('x').readTree();
    expect(tree.map((p) => p.url)).toEqual(['x/a-b', 'x/a/b/c', 'x/a/b2', 'x/z'].map((n) => `${base.url}/${n}`));
    expect((await tree[1].read()).toString()).toBe('x/a/b/c');
  });

  test('remove deletes one object and tolerates an absent one; removeTree deletes a whole folder', async () => {
    const base = await fresh();
    for (const name of ['c1/config', 'c1/instancegroup/nodes', 'c1/pki/private/ca/keyset.yaml', 'c10/config']) {
      await base.join(name).write('x');
    }
    await base.join('c1/instancegroup/nodes').remove();
    await base.join('c1/instancegroup/nodes').remove();
    expect(await base.join('c1/instancegroup/nodes').exists()).toBe(false);
    await base.join('c1').removeTree();
    expect(await base.join('c1').readTree()).toEqual([]);
    expect((await base.readTree()).map((p) => p.url)).toEqual([`${base.url}/c10/config`]);
  });
}
