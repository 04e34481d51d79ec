import { describe, expect, test } from 'vitest';
import { buildAwsModel } from '../../src/model/aws.js';
import { goldenModelInputs } from '../helpers/golden-cases.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const policyOf = (tasks: any[], name: string) => JSON.stringify(tasks.find((t) => t.type === 'aws_iam_role_policy' && t.name === name) ?? null);

describe('add-on permissions that depend on the add-on settings (pkg/model/iam/iam_builder.go)', () => {
  test('calico may turn off the source/destination check, except on IPv6-only clusters', () => {
    const g = goldenModelInputs('minimal-aws');
    const withCalico = (nonMasqueradeCIDR: string) => ({ ...g.cluster, spec: { ...g.cluster.spec, nonMasqueradeCIDR, networking: { calico: {} } } });
    expect(policyOf(buildAwsModel(withCalico('100.64.0.0/10'), g.instanceGroups, g.ctx), 'nodes.minimal-aws.example.com')).toContain('ec2:ModifyNetworkInterfaceAttribute');
    expect(policyOf(buildAwsModel(withCalico('::/0'), g.instanceGroups, g.ctx), 'nodes.minimal-aws.example.com')).not.toContain('ec2:ModifyNetworkInterfaceAttribute');
  });

  test('the load balancer controller gets WAF, WAFv2 and Shield permissions only when it uses them, in its own role with IRSA', () => {
    const g = goldenModelInputs('irsa');
    const lbc = (settings: Record<string, boolean>) => ({
      ...g.cluster,
      spec: { ...g.cluster.spec, iam: { ...g.cluster.spec.iam, useServiceAccountExternalPermissions: true }, awsLoadBalancerController: { enabled: true, ...settings } },
    });
    const role = 'aws-load-balancer-controller.kube-system.sa.minimal.example.com';
    const plain = policyOf(buildAwsModel(lbc({}), g.instanceGroups, g.ctx), role);
    expect(plain).toContain('elasticloadbalancing:DescribeLoadBalancers');
    expect(plain).not.toMatch(/waf|shield|SetWebACL/);
    const all = policyOf(buildAwsModel(lbc({ enableWAF: true, enableWAFv2: true, enableShield: true }), g.instanceGroups, g.ctx), role);
    for (const action of ['elasticloadbalancing:SetWebACL', 'waf-regional:AssociateWebACL', 'wafv2:GetWebACLForResource', 'shield:CreateProtection']) expect(all).toContain(action);
  });
});
