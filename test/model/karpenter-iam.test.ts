import { describe, expect, test } from 'vitest';
import { buildAwsModel } from '../../src/model/aws.js';
import { goldenModelInputs } from '../helpers/golden-cases.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const policyText = (tasks: any[]) => JSON.stringify(tasks.find((t) => t.type === 'aws_iam_role_policy' && t.name === 'karpenter.kube-system.sa.minimal.example.com') ?? null);

describe('Karpenter IAM', () => {
  const g = goldenModelInputs('karpenter');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const withGroups = (edit: (spec: Record<string, any>) => void) =>
    g.instanceGroups.map((ig) => {
      if (ig.spec.manager !== 'Karpenter') return ig;
      const spec = structuredClone(ig.spec);
      edit(spec);
      return { ...ig, spec };
    });

  test('KMS through EC2 only when a Karpenter group encrypts its root volume with its own key', () => {
    expect(policyText(buildAwsModel(g.cluster, g.instanceGroups, g.ctx))).toContain('kms:CreateGrant');
    const plain = withGroups((spec) => {
      delete spec.rootVolumeEncryptionKey;
    });
    expect(policyText(buildAwsModel(g.cluster, plain, g.ctx))).not.toContain('kms:');
  });

  test('any role may be passed when a Karpenter group brings its own instance profile', () => {
    expect(policyText(buildAwsModel(g.cluster, g.instanceGroups, g.ctx))).toContain('role/nodes.minimal.example.com');
    const custom = withGroups((spec) => (spec.iam = { profile: 'arn:aws-test:iam::123456789012:instance-profile/own' }));
    expect(policyText(buildAwsModel(g.cluster, custom, g.ctx))).toContain('iam::*:role/*');
  });
});
