import { expect, test } from 'vitest';
import { GetAccountAuthorizationDetailsCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { IamRole } from '../../../src/cloud/aws/resources/iam.js';
import type { AwsClients } from '../../../src/cloud/aws/clients.js';
import { newRunSession } from '../../../src/engine/ops.js';

const spec = { name: 'nodes.a.example.com', assumeRolePolicy: '{}', permissionsBoundary: '', tags: {} };

function iamAnswering(listing: (cmd: unknown) => unknown) {
  const sent: string[] = [];
  // A real client (the SDK's paginator insists on one) whose calls are answered here.
  const iam = Object.assign(new IAMClient({ region: 'us-east-1' }), {
    async send(cmd: unknown) {
      sent.push((cmd as object).constructor.name);
      if (cmd instanceof GetAccountAuthorizationDetailsCommand) return listing(cmd);
      if (cmd instanceof GetRoleCommand) return { Role: { RoleName: spec.name, Arn: 'arn:aws:iam::1:role/x', AssumeRolePolicyDocument: '{}' } };
      throw new Error(`unexpected ${(cmd as object).constructor.name}`);
    },
  });
  return { aws: { iam } as unknown as AwsClients, sent };
}

test('roles are read from one account listing shared by the run', async () => {
  const role = { RoleName: spec.name, Arn: 'arn:aws:iam::1:role/x', AssumeRolePolicyDocument: '{}', Tags: [{ Key: 'k', Value: 'v' }] };
  const { aws, sent } = iamAnswering(() => ({ RoleDetailList: [role] }));
  const session = newRunSession();
  const task = IamRole.task(spec.name, spec);
  const found = await IamRole.ops.find(aws, spec, task, session);
  await IamRole.ops.find(aws, spec, task, session);
  expect(found?.fields.tags).toEqual({ k: 'v' });
  expect(sent).toEqual(['GetAccountAuthorizationDetailsCommand']);
});

test('credentials that may not list IAM still find each role by its own get', async () => {
  const { aws, sent } = iamAnswering(() => {
    throw Object.assign(new Error('not authorized'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });
  const found = await IamRole.ops.find(aws, spec, IamRole.task(spec.name, spec), newRunSession());
  expect(found?.id).toBe(spec.name);
  expect(sent).toEqual(['GetAccountAuthorizationDetailsCommand', 'GetRoleCommand']);
});
