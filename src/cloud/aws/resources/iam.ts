import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetInstanceProfileCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  paginateGetAccountAuthorizationDetails,
  type RoleDetail,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolePoliciesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
  AddClientIDToOpenIDConnectProviderCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
} from '@aws-sdk/client-iam';
import { classifyAwsError, type AwsClients } from '../clients.js';
import { iamRoleTagging, iamInstanceProfileTagging, iamOidcProviderTagging } from '../tagging.js';
import { fromAwsTags, toAwsTags, type Tags } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import type { RunSession } from '../../../engine/ops.js';
import { awsResource, collect, decodePolicy, orUndefined, reportedJson } from './common.js';

/**
 * Every role of the account with its inline policies, attached policies and instance profiles, read once per run
 * (IAM has no tag filter on its listings; one authorization-details listing replaces a get per role, policy and
 * profile). A name missing from it is looked up directly, as it may have been made since; so is every name when
 * the credentials may not list.
 */
function roleDetails(aws: AwsClients, session: RunSession): Promise<Map<string, RoleDetail>> {
  return session.memo('listing:iam-roles', async () => {
    try {
      const roles = await collect(paginateGetAccountAuthorizationDetails({ client: aws.iam }, { Filter: ['Role'] }), (page) => page.RoleDetailList);
      return new Map(roles.filter((r) => r.RoleName).map((r) => [r.RoleName!, r]));
    } catch (err) {
      // Credentials allowed the gets but not this listing: every object is read by its own get.
      if (classifyAwsError(err) === 'accessDenied') return new Map<string, RoleDetail>();
      throw err;
    }
  });
}

export interface IamRoleSpec {
  name: string;
  assumeRolePolicy: string;
  permissionsBoundary?: string;
  tags?: Record<string, string>;
}

export const IamRole = awsResource<IamRoleSpec>({
  type: 'aws_iam_role',
  kopsKind: 'IAMRole',
  tagging: iamRoleTagging,
  fields: {
    assumeRolePolicy: { tf: 'assume_role_policy', kind: 'file', dataKey: 'policy' },
    name: { tf: 'name', immutable: true },
    permissionsBoundary: { tf: 'permissions_boundary' },
    tags: { tf: 'tags', kind: 'tags' },
  },
  async find(aws, spec, { session }) {
    const role = (await roleDetails(aws, session)).get(spec.name) ?? (await orUndefined(aws.iam.send(new GetRoleCommand({ RoleName: spec.name }))))?.Role;
    if (!role?.RoleName) return undefined;
    return {
      id: role.RoleName,
      attrs: { arn: role.Arn, name: role.RoleName, unique_id: role.RoleId },
      fields: {
        name: role.RoleName,
        assumeRolePolicy: reportedJson(decodePolicy(role.AssumeRolePolicyDocument), spec.assumeRolePolicy),
        permissionsBoundary: role.PermissionsBoundary?.PermissionsBoundaryArn ?? '',
        tags: fromAwsTags(role.Tags),
      },
    };
  },
  async create(aws, spec) {
    const out = await aws.iam.send(
      new CreateRoleCommand({
        RoleName: spec.name,
        AssumeRolePolicyDocument: spec.assumeRolePolicy,
        PermissionsBoundary: spec.permissionsBoundary,
        Tags: spec.tags ? toAwsTags(spec.tags) : undefined,
      }),
    );
    return { id: spec.name, attrs: { arn: out.Role?.Arn, name: spec.name, unique_id: out.Role?.RoleId } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('assumeRolePolicy')) await aws.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: actual.id, PolicyDocument: spec.assumeRolePolicy }));
    if (changed.includes('permissionsBoundary') && spec.permissionsBoundary) {
      await aws.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: actual.id, PermissionsBoundary: spec.permissionsBoundary }));
    }
  },
  async delete(aws, actual) {
    await emptyRole(aws, actual.id);
    await aws.iam.send(new DeleteRoleCommand({ RoleName: actual.id }));
  },
});

export interface IamRolePolicySpec {
  name: string;
  role: Val<string>;
  policy: string;
}

export const IamRolePolicy = awsResource<IamRolePolicySpec>({
  type: 'aws_iam_role_policy',
  kopsKind: 'IAMRolePolicy',
  fields: {
    name: { tf: 'name', immutable: true },
    policy: { tf: 'policy', kind: 'file' },
    role: { tf: 'role', immutable: true },
  },
  async find(aws, spec, { session }) {
    const listed = (await roleDetails(aws, session)).get(spec.role)?.RolePolicyList?.find((p) => p.PolicyName === spec.name);
    const out = listed
      ? { PolicyName: listed.PolicyName, RoleName: spec.role, PolicyDocument: listed.PolicyDocument }
      : await orUndefined(aws.iam.send(new GetRolePolicyCommand({ RoleName: spec.role, PolicyName: spec.name })));
    if (!out?.PolicyName) return undefined;
    return {
      id: `${spec.role}:${spec.name}`,
      attrs: { role: spec.role, name: spec.name },
      fields: { name: out.PolicyName, role: out.RoleName, policy: reportedJson(decodePolicy(out.PolicyDocument), spec.policy) },
    };
  },
  async create(aws, spec) {
    await aws.iam.send(new PutRolePolicyCommand({ RoleName: spec.role, PolicyName: spec.name, PolicyDocument: spec.policy }));
    return { id: `${spec.role}:${spec.name}`, attrs: { role: spec.role, name: spec.name } };
  },
  async update(aws, _actual, spec) {
    await aws.iam.send(new PutRolePolicyCommand({ RoleName: spec.role, PolicyName: spec.name, PolicyDocument: spec.policy }));
  },
  async delete(aws, actual) {
    const a = actual.attrs as { role: string; name: string };
    await aws.iam.send(new DeleteRolePolicyCommand({ RoleName: a.role, PolicyName: a.name }));
  },
});

export interface IamRolePolicyAttachmentSpec {
  role: Val<string>;
  policyArn: string;
}

export const IamRolePolicyAttachment = awsResource<IamRolePolicyAttachmentSpec>({
  type: 'aws_iam_role_policy_attachment',
  kopsKind: 'IAMRolePolicy',
  fields: {
    policyArn: { tf: 'policy_arn', immutable: true },
    role: { tf: 'role', immutable: true },
  },
  async find(aws, spec, { session }) {
    const attached =
      (await roleDetails(aws, session)).get(spec.role)?.AttachedManagedPolicies ??
      (await orUndefined(aws.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: spec.role }))))?.AttachedPolicies;
    const found = attached?.find((p) => p.PolicyArn === spec.policyArn);
    if (!found) return undefined;
    return { id: `${spec.role}-${spec.policyArn}`, attrs: { role: spec.role, policyArn: spec.policyArn }, fields: { role: spec.role, policyArn: spec.policyArn } };
  },
  async create(aws, spec) {
    await aws.iam.send(new AttachRolePolicyCommand({ RoleName: spec.role, PolicyArn: spec.policyArn }));
    return { id: `${spec.role}-${spec.policyArn}`, attrs: { role: spec.role, policyArn: spec.policyArn } };
  },
  async delete(aws, actual) {
    const a = actual.attrs as { role: string; policyArn: string };
    await aws.iam.send(new DetachRolePolicyCommand({ RoleName: a.role, PolicyArn: a.policyArn }));
  },
});

export interface IamInstanceProfileSpec {
  /** Set for an existing profile (an instance group's `spec.iam.profile`), referred to by name. */
  id?: string;
  name: string;
  role: Val<string>;
  tags?: Record<string, string>;
}

export const IamInstanceProfile = awsResource<IamInstanceProfileSpec>({
  type: 'aws_iam_instance_profile',
  kopsKind: 'IAMInstanceProfile',
  tagging: iamInstanceProfileTagging,
  fields: {
    name: { tf: 'name', immutable: true },
    role: { tf: 'role' },
    tags: { tf: 'tags', kind: 'tags' },
  },
  async find(aws, spec, { session }) {
    const profile =
      listedProfile(await roleDetails(aws, session), spec.name) ??
      (await orUndefined(aws.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: spec.name }))))?.InstanceProfile;
    if (!profile?.InstanceProfileName) return undefined;
    return {
      id: profile.InstanceProfileName,
      attrs: { arn: profile.Arn, name: profile.InstanceProfileName },
      fields: { name: profile.InstanceProfileName, role: profile.Roles?.[0]?.RoleName ?? '', tags: fromAwsTags(profile.Tags) },
    };
  },
  async create(aws, spec) {
    const out = await aws.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: spec.name, Tags: spec.tags ? toAwsTags(spec.tags) : undefined }));
    if (spec.role) await aws.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: spec.name, RoleName: spec.role }));
    return { id: spec.name, attrs: { arn: out.InstanceProfile?.Arn, name: spec.name } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('role')) {
      const was = actual.fields.role as string;
      if (was) await aws.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: actual.id, RoleName: was }));
      await aws.iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: actual.id, RoleName: spec.role }));
    }
  },
  async delete(aws, actual) {
    const profile = (await orUndefined(aws.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: actual.id }))))?.InstanceProfile;
    for (const role of profile?.Roles ?? []) {
      await orUndefined(aws.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: actual.id, RoleName: role.RoleName })));
    }
    await aws.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: actual.id }));
  },
});

/** A profile as the role listing holds it, when that copy carries its tags (else the profile is read by name). */
function listedProfile(roles: Map<string, RoleDetail>, name: string) {
  for (const role of roles.values()) {
    const profile = role.InstanceProfileList?.find((p) => p.InstanceProfileName === name);
    if (profile?.Tags) return profile;
  }
  return undefined;
}

export interface IamOidcProviderSpec {
  url: string;
  clientIdList: string[];
  thumbprintList: string[];
  tags?: Record<string, string>;
}

/** The provider's URL as IAM keys it: without the scheme. */
function oidcHost(url: string): string {
  return url.replace(/^https:\/\//, '');
}

export const IamOidcProvider = awsResource<IamOidcProviderSpec>({
  type: 'aws_iam_openid_connect_provider',
  kopsKind: 'IAMOIDCProvider',
  tagging: iamOidcProviderTagging,
  fields: {
    clientIdList: { tf: 'client_id_list' },
    tags: { tf: 'tags', kind: 'tags' },
    thumbprintList: { tf: 'thumbprint_list' },
    url: { tf: 'url', immutable: true },
  },
  unordered: ['clientIdList', 'thumbprintList'],
  async find(aws, spec) {
    const list = await aws.iam.send(new ListOpenIDConnectProvidersCommand({}));
    for (const p of list.OpenIDConnectProviderList ?? []) {
      const got = await orUndefined(aws.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: p.Arn })));
      if (got && oidcHost(got.Url ?? '') === oidcHost(spec.url)) {
        return {
          id: p.Arn!,
          attrs: { arn: p.Arn },
          fields: { url: spec.url, clientIdList: got.ClientIDList ?? [], thumbprintList: got.ThumbprintList ?? [], tags: fromAwsTags(got.Tags) },
        };
      }
    }
    return undefined;
  },
  async create(aws, spec) {
    const out = await aws.iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: spec.url, ClientIDList: spec.clientIdList, ThumbprintList: spec.thumbprintList, Tags: spec.tags ? toAwsTags(spec.tags) : undefined }),
    );
    return { id: out.OpenIDConnectProviderArn!, attrs: { arn: out.OpenIDConnectProviderArn } };
  },
  async update(aws, actual, spec, changed) {
    const arn = actual.id;
    if (changed.includes('thumbprintList')) await aws.iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arn, ThumbprintList: spec.thumbprintList }));
    if (changed.includes('clientIdList')) {
      const have = actual.fields.clientIdList as string[];
      for (const id of spec.clientIdList.filter((c) => !have.includes(c))) await aws.iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: id }));
      for (const id of have.filter((c) => !spec.clientIdList.includes(c))) await aws.iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: id }));
    }
  },
  async delete(aws, actual) {
    await aws.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: actual.id }));
  },
});

/** A role can only be deleted once it has no inline policies, attached policies or instance profiles. */
async function emptyRole(aws: AwsClients, role: string): Promise<void> {
  for (const name of (await aws.iam.send(new ListRolePoliciesCommand({ RoleName: role }))).PolicyNames ?? []) {
    await orUndefined(aws.iam.send(new DeleteRolePolicyCommand({ RoleName: role, PolicyName: name })));
  }
  for (const p of (await aws.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }))).AttachedPolicies ?? []) {
    await orUndefined(aws.iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: p.PolicyArn })));
  }
  for (const p of (await aws.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: role }))).InstanceProfiles ?? []) {
    await orUndefined(aws.iam.send(new RemoveRoleFromInstanceProfileCommand({ RoleName: role, InstanceProfileName: p.InstanceProfileName })));
  }
}
