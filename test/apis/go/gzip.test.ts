import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { goGzip } from '../../../src/apis/go/gzip.js';

describe('goGzip (Go compress/gzip, default level, flush then close)', () => {
  const samples = [
    '',
    'a',
    'CloudProvider: aws\nClusterName: example.com\n',
    'abcabcabcabcabcabcabcabcabcabcabcabcabcabc'.repeat(50),
    Array.from({ length: 400 }, (_, i) => `line ${i % 37}: ${'x'.repeat(i % 13)}`).join('\n'),
  ];

  test.each(samples.map((s) => [s.slice(0, 20), s]))('round-trips through a standard gunzip: %j', (_label, text) => {
    expect(gunzipSync(goGzip(Buffer.from(text))).toString()).toBe(text);
  });

  test('writes Go’s header (no name, mtime 0, OS 255) and a sync-flush marker before the final empty block', () => {
    const out = goGzip(Buffer.from('hello hello hello hello'));
    expect(out.subarray(0, 10).toString('hex')).toBe('1f8b08000000000000ff');
    expect(out.subarray(0, out.length - 8).toString('hex').endsWith('0000ffff010000ffff')).toBe(true);
  });
});
