import { beforeEach, describe, expect, test } from 'vitest';
import { openVfs, resetMemfs } from '../../src/statestore/index.js';
import { vfsContract } from './contract.js';

describe('memfs:// backend', () => {
  beforeEach(() => resetMemfs());
  vfsContract(() => openVfs('memfs://tests'));

  test('one store per process: two opens of the same URL see the same objects', async () => {
    await openVfs('memfs://tests/c.example.com').join('config').write('hello');
    expect((await openVfs('memfs://tests/c.example.com/config').read()).toString()).toBe('hello');
  });

  test('resetMemfs empties the store', async () => {
    await openVfs('memfs://tests/x').write('1');
    resetMemfs();
    expect(await openVfs('memfs://tests').readTree()).toEqual([]);
  });

  test('a caller mutating a buffer it wrote or read does not change the stored object', async () => {
    const p = openVfs('memfs://tests/buf');
    const data = Buffer.from('abc');
    await p.write(data);
    data[0] = 0x7a;
    (await p.read())[1] = 0x7a;
    expect((await p.read()).toString()).toBe('abc');
  });
});
