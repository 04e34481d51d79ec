import { expect, test } from 'vitest';
import { cidrContains, cidrsOverlap, parseCidr } from '../../src/apis/cidr.js';

const cidr = (s: string) => {
  const c = parseCidr(s);
  if (!c) throw new Error(`${s} does not parse`);
  return c;
};

test('IPv4 and IPv6 CIDRs parse, with host bits cleared', () => {
  expect(parseCidr('172.20.0.0/16')).toEqual({ family: 4, network: 0xac140000n, prefix: 16 });
  expect(parseCidr('10.1.2.3/8')).toEqual({ family: 4, network: 0x0a000000n, prefix: 8 });
  expect(parseCidr('::/0')).toEqual({ family: 6, network: 0n, prefix: 0 });
  expect(parseCidr('2001:db8::/32')?.network).toBe(0x20010db8n << 96n);
  expect(parseCidr('::ffff:10.0.0.1/128')?.network).toBe(0xffff0a000001n);
});

test.each(['172.20.0.0', '172.20.0.0/33', '256.1.1.1/8', '01.2.3.4/8', '1::2::3/64', '::/129', 'x/8', '1.2.3.4/08'])('%s is not a CIDR', (s) => {
  expect(parseCidr(s)).toBeUndefined();
});

test('containment and overlap', () => {
  expect(cidrContains(cidr('172.20.0.0/16'), cidr('172.20.32.0/19'))).toBe(true);
  expect(cidrContains(cidr('172.20.32.0/19'), cidr('172.20.0.0/16'))).toBe(false);
  expect(cidrContains(cidr('172.20.0.0/16'), cidr('172.21.0.0/19'))).toBe(false);
  expect(cidrContains(cidr('::/0'), cidr('10.0.0.0/8'))).toBe(false);
  expect(cidrsOverlap(cidr('10.0.0.0/8'), cidr('10.1.0.0/16'))).toBe(true);
  expect(cidrsOverlap(cidr('10.0.0.0/16'), cidr('10.1.0.0/16'))).toBe(false);
});
