import { describe, expect, test } from 'vitest';
import { diffFields } from '../../src/engine/diff.js';

describe('field diff', () => {
  test('a field the cloud does not report back is unknown, not a change', () => {
    expect(diffFields({ cidrBlock: '10.0.0.0/16', privateDnsHostnameType: 'resource-name' }, { cidrBlock: '10.0.0.0/16' })).toEqual([]);
  });

  test('a reported difference is a change with the old and new value', () => {
    expect(diffFields({ enableDnsHostnames: true, cidrBlock: 'x' }, { enableDnsHostnames: false, cidrBlock: 'x' })).toEqual([
      { field: 'enableDnsHostnames', old: false, new: true },
    ]);
  });

  test('nested keys left out of the report are unknown too', () => {
    const want = { metadataOptions: { httpTokens: 'required', httpProtocolIpv6: 'disabled' } };
    expect(diffFields(want, { metadataOptions: { httpTokens: 'required' } })).toEqual([]);
    expect(diffFields(want, { metadataOptions: { httpTokens: 'optional' } })).toHaveLength(1);
  });

  test('tags are compared on the declared keys only: tags added by others are not ours', () => {
    const want = { tags: { Name: 'a', KubernetesCluster: 'c' } };
    expect(diffFields(want, { tags: { Name: 'a', KubernetesCluster: 'c', 'aws:cloudformation:stack': 'x' } })).toEqual([]);
    expect(diffFields(want, { tags: { Name: 'b' } })).toEqual([{ field: 'tags', old: { Name: 'b' }, new: want.tags }]);
  });

  test('unordered array fields compare as sets, others in order', () => {
    expect(diffFields({ subnets: ['a', 'b'] }, { subnets: ['b', 'a'] }, { unordered: ['subnets'] })).toEqual([]);
    expect(diffFields({ subnets: ['a', 'b'] }, { subnets: ['b', 'a'] })).toHaveLength(1);
    expect(diffFields({ subnets: ['a', 'b'] }, { subnets: ['a'] }, { unordered: ['subnets'] })).toHaveLength(1);
  });

  test('write-only fields are never diffed', () => {
    expect(diffFields({ policy: '{"a":1}' }, { policy: '{"a": 1}' }, { writeOnly: ['policy'] })).toEqual([]);
  });
});
