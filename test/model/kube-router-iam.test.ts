import { describe, expect, test } from 'vitest';
import { buildAwsModel } from '../../src/model/aws.js';
import { goldenModelInputs } from '../helpers/golden-cases.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const policyText = (tasks: any[], type: string, name: string) => JSON.stringify(tasks.find((t) => t.type === type && t.name === name) ?? null);

describe('kube-router IAM', () => {
  test('nodes may change the source/destination check; with IRSA kube-router gets its own role', () => {
    const g = goldenModelInputs('minimal-aws');
    const plain = buildAwsModel(g.cluster, g.instanceGroups, g.ctx);
    expect(policyText(plain, 'aws_iam_role_policy', 'nodes.minimal-aws.example.com')).not.toContain('ec2:ModifyInstanceAttribute');

    const cluster = { ...g.cluster, spec: { ...g.cluster.spec, networking: { kuberouter: {} } } };
    const withRouter = buildAwsModel(cluster, g.instanceGroups, g.ctx);
    expect(policyText(withRouter, 'aws_iam_role_policy', 'nodes.minimal-aws.example.com')).toContain('ec2:ModifyInstanceAttribute');

    const g2 = goldenModelInputs('irsa');
    const irsa = { ...g2.cluster, spec: { ...g2.cluster.spec, iam: { ...g2.cluster.spec.iam, useServiceAccountExternalPermissions: true }, networking: { kuberouter: {} } } };
    const tasks = buildAwsModel(irsa, g2.instanceGroups, g2.ctx);
    expect(policyText(tasks, 'aws_iam_role_policy', 'kube-router.kube-system.sa.minimal.example.com')).toContain('ec2:ModifyInstanceAttribute');
  });
});
