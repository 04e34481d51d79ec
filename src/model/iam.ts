import { IamInstanceProfile, IamRole, IamRolePolicy, IamRolePolicyAttachment } from '../cloud/aws/resources/iam.js';
import { ref, type Task } from '../engine/task.js';
import type { ModelContext } from './context.js';
import { inlinePolicyDocument, nodeRolePolicy, type NodeRole } from './iam-policy.js';
import { fnv32a } from '../apis/go/truncate.js';

/** The assume-role document of instance roles, byte for byte as the Go kops writes it. */
const EC2_ASSUME_ROLE_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": "ec2.amazonaws.com"},
      "Action": "sts:AssumeRole"
    }
  ]
}`;

const EXTERNAL_POLICY_KEYS: Record<NodeRole, string> = { master: 'control-plane', apiserver: 'apiserver', node: 'node', bastion: 'bastion' };
const LEGACY_EXTERNAL_POLICY_KEYS: Record<NodeRole, string> = { master: 'master', apiserver: 'apiserver', node: 'node', bastion: 'bastion' };

/** Roles, inline policies and instance profiles of the instance roles in use (IAMModelBuilder). */
export function buildIam(m: ModelContext): Task[] {
  const tasks: Task[] = [];
  const roles: NodeRole[] = (['master', 'apiserver', 'node', 'bastion'] as const).filter((role) =>
    m.instanceGroups.some((ig) => m.roleOf(ig) === role && !ig.spec.iam?.profile),
  );
  for (const role of roles) {
    const name = m.iamName(role);
    const iamRole = IamRole.task(name, {
      name,
      assumeRolePolicy: EC2_ASSUME_ROLE_POLICY,
      permissionsBoundary: m.spec.iam?.permissionsBoundary,
      tags: m.cloudTags(name),
    });
    const prefix = { master: 'masters', apiserver: 'apiservers', node: 'nodes', bastion: 'bastions' }[role];
    iamRole.exports = [
      { name: `${prefix}_role_arn`, value: ref(iamRole, 'arn') },
      { name: `${prefix}_role_name`, value: ref(iamRole, 'name') },
    ];
    tasks.push(iamRole);
    const policy = nodeRolePolicy(m, role);
    if (policy) tasks.push(IamRolePolicy.task(name, { name, role: ref(iamRole, 'name'), policy }));
    const external = m.spec.externalPolicies?.[EXTERNAL_POLICY_KEYS[role]] ?? m.spec.externalPolicies?.[LEGACY_EXTERNAL_POLICY_KEYS[role]] ?? [];
    for (const arn of external) {
      tasks.push(IamRolePolicyAttachment.task(`${LEGACY_EXTERNAL_POLICY_KEYS[role]}-policyoverride-${fnv32a(arn)}`, { role: ref(iamRole, 'name'), policyArn: arn }));
    }
    const additional = m.spec.additionalPolicies?.[EXTERNAL_POLICY_KEYS[role]] ?? m.spec.additionalPolicies?.[LEGACY_EXTERNAL_POLICY_KEYS[role]];
    if (additional) {
      const additionalName = `additional.${name}`;
      tasks.push(IamRolePolicy.task(additionalName, { name: additionalName, role: ref(iamRole, 'name'), policy: inlinePolicyDocument(additional) }));
    }
    tasks.push(IamInstanceProfile.task(name, { name, role: ref(iamRole, 'name'), tags: m.cloudTags(name) }));
  }
  return tasks;
}

/** The instance profile an instance group launches with: its own (`spec.iam.profile`, by ARN) or its role's. */
export function instanceProfileFor(m: ModelContext, role: NodeRole, profileArn?: string): Task {
  if (profileArn) {
    const name = profileArn.split('/').pop() ?? profileArn;
    return IamInstanceProfile.task(name, { id: name, name, role: '' }, { shared: true });
  }
  const name = m.iamName(role);
  return IamInstanceProfile.task(name, { name, role: ref({ type: IamRole.type, name }, 'name') });
}
