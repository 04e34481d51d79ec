import { expect, test } from 'vitest';
import { resolveNameServers } from '../../src/cloud/dns-resolver.js';

test('a domain that cannot exist (.invalid) has no name servers, rather than a failed look-up', async () => {
  expect(await resolveNameServers('kops-ns-check.invalid')).toEqual([]);
});
