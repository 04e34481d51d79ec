import { describe, expect, test } from 'vitest';
import { ipv6Subnet } from '../../../src/cloud/aws/resources/subnet.js';

describe('relative IPv6 subnet blocks', () => {
  test('/64#n is the n-th /64 of the VPC range', () => {
    expect(ipv6Subnet('2001:db8:0:1200::/56', '/64#0')).toBe('2001:db8:0:1200::/64');
    expect(ipv6Subnet('2001:db8:0:1200::/56', '/64#3')).toBe('2001:db8:0:1203::/64');
    expect(ipv6Subnet('2400:6500:b196:1400::/56', '/64#255')).toBe('2400:6500:b196:14ff::/64');
  });

  test('a block larger than the VPC range is refused', () => {
    expect(() => ipv6Subnet('2001:db8::/56', '/48#1')).toThrow('larger than its VPC range');
  });
});
