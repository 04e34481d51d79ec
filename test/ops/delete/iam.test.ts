import { expect, test } from 'vitest';
import { AWS_DISCOVERIES } from '../../../src/cloud/aws/resources/index.js';
import { answeringAws, discover } from './run-deletion.js';

const NAME = 'a.example.com';
const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
const iam = AWS_DISCOVERIES.filter((d) => d.kind === 'iam-role' || d.kind === 'iam-instance-profile');
const roleTags: Record<string, Record<string, string>> = {
  [`nodes.${NAME}`]: {},
  [`ebs-csi.kube-system.sa.${NAME}`]: { KubernetesCluster: NAME },
  [`nodes.b.${NAME}`]: { KubernetesCluster: `b.${NAME}` },
};
const roles = Object.keys(roleTags).map((RoleName) => ({ RoleName }));

test("roles are the cluster's by its tags, or by kops's name when untagged; read from one listing with their tags", async () => {
  const aws = answeringAws({
    'iam:GetAccountAuthorizationDetailsCommand': () => ({ RoleDetailList: roles.map((r) => ({ ...r, Tags: tags(roleTags[r.RoleName]) })) }),
  });
  const { found } = await discover(aws, NAME, false, iam);
  expect(found.objects.map((o) => `${o.type} ${o.id}`)).toEqual([`iam-role ebs-csi.kube-system.sa.${NAME}`, `iam-role nodes.${NAME}`]);
});

test('credentials that may not list authorization details read each candidate role by its own get', async () => {
  const gets: string[] = [];
  const aws = answeringAws({
    'iam:GetAccountAuthorizationDetailsCommand': () => {
      throw Object.assign(new Error('not allowed'), { name: 'AccessDenied' });
    },
    'iam:ListRolesCommand': () => ({ Roles: [...roles, { RoleName: 'unrelated' }] }),
    'iam:GetRoleCommand': (input) => {
      gets.push(input.RoleName as string);
      return { Role: { RoleName: input.RoleName, Tags: tags(roleTags[input.RoleName as string]) } };
    },
  });
  const { found } = await discover(aws, NAME, false, iam);
  expect(found.objects.map((o) => `${o.type} ${o.id}`)).toEqual([`iam-role ebs-csi.kube-system.sa.${NAME}`, `iam-role nodes.${NAME}`]);
  expect(gets.sort()).toEqual(Object.keys(roleTags).sort());
});
