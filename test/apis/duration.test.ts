import { expect, test } from 'vitest';
import { canonicalDuration } from '../../src/apis/duration.js';
import { decodeDocuments, encodeObject } from '../../src/apis/codec.js';
import type { InstanceGroup } from '../../src/apis/types.js';

test.each([
  ['5m', '5m0s'],
  ['10m0s', '10m0s'],
  ['90s', '1m30s'],
  ['48h20m', '48h20m0s'],
  ['1.5s', '1.5s'],
  ['1.5h', '1h30m0s'],
  ['250ms', '250ms'],
  ['1500ms', '1.5s'],
  ['2us', '2µs'],
  ['100ns', '100ns'],
  ['0', '0s'],
  ['0s', '0s'],
  ['-30s', '-30s'],
])('Go prints the duration %s as %s', (input, canonical) => {
  expect(canonicalDuration(input)).toBe(canonical);
});

test.each(['', '5', '5 m', 'm', '1x', '1.2.3s'])('%j is not a duration', (input) => {
  expect(canonicalDuration(input)).toBeUndefined();
});

test('metav1.Duration fields are read and written in the canonical form; plain string fields are left alone', () => {
  const text = `apiVersion: kops.k8s.io/v1alpha2
kind: InstanceGroup
metadata:
  name: nodes
spec:
  kubelet:
    shutdownGracePeriod: 30s
    evictionSoftGracePeriod: memory.available=5m
  maxInstanceLifetime: 48h20m
  role: Node
`;
  const [ig] = decodeDocuments(text, 'in.yaml') as InstanceGroup[];
  expect(ig.spec.maxInstanceLifetime).toBe('48h20m0s');
  expect(encodeObject(ig)).toMatch(/\n  kubelet:\n    evictionSoftGracePeriod: memory.available=5m\n    shutdownGracePeriod: 30s\n  maxInstanceLifetime: 48h20m0s\n/);
  expect(() => decodeDocuments(text.replace('48h20m', 'forever'), 'in.yaml')).toThrow('InstanceGroup "nodes": spec.maxInstanceLifetime: "forever" is not a duration');
});
