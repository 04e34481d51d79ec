import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGcsFake, type GcsFake } from '../helpers/gcs-fake.js';

let gcs: GcsFake;
beforeAll(async () => {
  gcs = await startGcsFake();
  gcs.createBucket('b');
});
afterAll(async () => gcs?.stop());

const upload = (name: string, body: string, query = '') =>
  fetch(`${gcs.endpoint}/upload/storage/v1/b/b/o?uploadType=media&name=${encodeURIComponent(name)}${query}`, { method: 'POST', body });
const get = async (path: string) => fetch(`${gcs.endpoint}/storage/v1/b/b/o${path}`);

describe('the Cloud Storage JSON API fake keeps the real API semantics', () => {
  test('ifGenerationMatch=0 creates only when absent (412 otherwise); a stale generation is refused', async () => {
    expect((await upload('x', 'one', '&ifGenerationMatch=0')).status).toBe(200);
    expect((await upload('x', 'two', '&ifGenerationMatch=0')).status).toBe(412);
    const meta = (await (await get('/x')).json()) as { generation: string };
    expect((await upload('x', 'three', `&ifGenerationMatch=${Number(meta.generation) - 1}`)).status).toBe(412);
    expect((await upload('x', 'four', `&ifGenerationMatch=${meta.generation}`)).status).toBe(200);
    expect(await (await get('/x?alt=media')).text()).toBe('four');
  });

  test('404 for a missing object and after a delete; 404 for a missing bucket', async () => {
    await upload('gone', 'data');
    expect((await fetch(`${gcs.endpoint}/storage/v1/b/b/o/gone`, { method: 'DELETE' })).status).toBe(204);
    expect((await get('/gone')).status).toBe(404);
    expect((await fetch(`${gcs.endpoint}/storage/v1/b/b/o/gone`, { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(`${gcs.endpoint}/storage/v1/b/nope/o`)).status).toBe(404);
  });

  test('listing filters by prefix, folds names under a delimiter, and pages with tokens', async () => {
    for (const name of ['p/a', 'p/b', 'p/c/1', 'p/c/2', 'p/d', 'q/z']) await upload(name, name);
    const pages: { items?: { name: string }[]; prefixes?: string[]; nextPageToken?: string }[] = [];
    let token = '';
    do {
      const page = (await (await get(`?prefix=p/&delimiter=/&maxResults=2${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`)).json()) as (typeof pages)[number];
      pages.push(page);
      token = page.nextPageToken ?? '';
    } while (token);
    expect(pages.flatMap((p) => (p.items ?? []).map((i) => i.name))).toEqual(['p/a', 'p/b', 'p/d']);
    expect(pages.flatMap((p) => p.prefixes ?? [])).toEqual(['p/c/']);
    expect(pages.length).toBe(2);
  });
});
