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
  ListOpenIDConnectProvidersCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
  AddClientIDToOpenIDConnectProviderCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  paginateListAttachedRolePolicies,
  paginateListInstanceProfiles,
  paginateListInstanceProfilesForRole,
  paginateListRolePolicies,
  paginateListRoles,
} from '@aws-sdk/client-iam';
import { classifyAwsError, type AwsClients } from '../clients.js';
import { iamRoleTagging, iamInstanceProfileTagging, iamOidcProviderTagging } from '../tagging.js';
import { fromAwsTags, toAwsTags, type Tags } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import type { RunSession } from '../../../engine/ops.js';
import { awsResource, collect, decodePolicy, orUndefined, reportedJson } from './common.js';
import { byOwnership, discovery, ignoreGone, type DiscoverContext } from './discovery.js';

/**
 * Every role of the account with its inline policies, attached policies and instance profiles, read once per run
 * (IAM has no tag filter on its listings; one authorization-details listing replaces a get per role, policy and
 * profile). A name missing from it is looked up directly, as it may have been made since; so is every name when
 * the credentials may not list.
 */
function roleDetails(aws: AwsClients, session: RunSession): Promise<Map<string, RoleDetail>> {
  return session.memo('listing:iam-roles', async () => (await accountRoles(aws)) ?? new Map<string, RoleDetail>());
}

/** Every role of the account with its policies, profiles and tags, by name; undefined when the credentials may not list them. */
async function accountRoles(aws: AwsClients): Promise<Map<string, RoleDetail> | undefined> {
  try {
    const roles = await collect(paginateGetAccountAuthorizationDetails({ client: aws.iam }, { Filter: ['Role'] }), (page) => page.RoleDetailList);
    return new Map(roles.filter((r) => r.RoleName).map((r) => [r.RoleName!, r]));
  } catch (err) {
    // Credentials allowed the gets but not this listing: every object is read by its own get.
    if (classifyAwsError(err) === 'accessDenied') return undefined;
    throw err;
  }
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
  discover: discovery({
    kind: 'iam-role',
    by: 'naming',
    after: ['iam-instance-profile'],
    async list(aws, ctx): Promise<readonly { RoleName?: string; Tags?: { Key?: string; Value?: string }[]; InstanceProfileList?: RoleDetail['InstanceProfileList'] }[]> {
      const detailed = await accountRoles(aws);
      if (detailed) return [...detailed.values()].filter((r) => mayBeNamedFor(r.RoleName!, ctx));
      const roles = (await collect(paginateListRoles({ client: aws.iam }, {}), (p) => p.Roles)).filter((r) => mayBeNamedFor(r.RoleName!, ctx));
      // ListRoles leaves tags out on AWS; GetRole has them.
      return Promise.all(
        roles.map((r) => (r.Tags?.length ? r : aws.iam.send(new GetRoleCommand({ RoleName: r.RoleName })).then((got) => got.Role ?? r, unlessGoneOrDenied(r)))),
      );
    },
    claim: (roles, ctx) => byOwnership(roles, ctx, (r) => ({ id: r.RoleName, name: r.RoleName, tags: fromAwsTags(r.Tags), named: namedForCluster(r.RoleName!, ctx) })),
    // The cluster's instance profiles are gone before its roles: a profile still holding one is someone else's.
    async holders(found, ctx) {
      const profiles = await collect(paginateListInstanceProfilesForRole({ client: ctx.client.iam }, { RoleName: found.id }), (p) => p.InstanceProfiles);
      return profiles.map((p) => ({
        blocked: `iam-role ${found.id}`,
        by: `instance profile ${p.InstanceProfileName}`,
        hint: ctx.rules.hint(`remove the role from it (aws iam remove-role-from-instance-profile --instance-profile-name ${p.InstanceProfileName} --role-name ${found.id})`),
      }));
    },
  }),
});

/** Roles and instance profiles kops names after the cluster, one per kind of instance group. */
const ROLE_PREFIXES = ['masters', 'nodes', 'bastions', 'apiservers'];
/** IAM names are at most 64 characters; kops truncates longer service-account role names (losing the suffix). */
const MAX_IAM_NAME = 64;

const mayBeNamedFor = (name: string, ctx: DiscoverContext) => name.endsWith(`.${ctx.rules.clusterName}`) || name.length === MAX_IAM_NAME;
const namedForCluster = (name: string, ctx: DiscoverContext) => ROLE_PREFIXES.some((p) => name === `${p}.${ctx.rules.clusterName}`);

/** An object gone since it was listed, or one we may not read, counts without its tags (it is not the cluster's). */
function unlessGoneOrDenied<T extends { Tags?: unknown }>(listed: T) {
  return (err: unknown): T => {
    const kind = classifyAwsError(err);
    if (kind === 'notFound' || kind === 'accessDenied') return { ...listed, Tags: undefined };
    throw err;
  };
}

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
    const roles =
      (actual.attrs?.roles as string[] | undefined) ??
      ((await orUndefined(aws.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: actual.id }))))?.InstanceProfile?.Roles ?? []).map((r) => r.RoleName!);
    for (const RoleName of roles) await ignoreGone(() => aws.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: actual.id, RoleName })));
    await aws.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: actual.id }));
  },
  discover: discovery({
    kind: 'iam-instance-profile',
    by: 'naming',
    after: ['instance', 'autoscaling-group', 'autoscaling-config'],
    async list(aws, ctx) {
      const profiles = (await collect(paginateListInstanceProfiles({ client: aws.iam }, {}), (p) => p.InstanceProfiles)).filter((p) => mayBeNamedFor(p.InstanceProfileName!, ctx));
      // ListInstanceProfiles leaves tags out on AWS; the role listing has those of profiles holding a role.
      const roles = await ctx.listing<{ InstanceProfileList?: RoleDetail['InstanceProfileList'] }>(IamRole.discover!);
      const tagged = new Map(roles.flatMap((r) => r.InstanceProfileList ?? []).filter((p) => p.Tags?.length).map((p) => [p.InstanceProfileName, p.Tags]));
      return Promise.all(
        profiles.map((p) =>
          p.Tags?.length || tagged.has(p.InstanceProfileName)
            ? { ...p, Tags: p.Tags?.length ? p.Tags : tagged.get(p.InstanceProfileName) }
            : aws.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: p.InstanceProfileName })).then((got) => ({ ...p, Tags: got.InstanceProfile?.Tags }), unlessGoneOrDenied(p)),
        ),
      );
    },
    claim: (profiles, ctx) =>
      byOwnership(profiles, ctx, (p) => ({
        id: p.InstanceProfileName,
        name: p.InstanceProfileName,
        tags: fromAwsTags(p.Tags),
        named: namedForCluster(p.InstanceProfileName!, ctx),
        actual: { id: p.InstanceProfileName!, attrs: { roles: (p.Roles ?? []).map((r) => r.RoleName!) }, fields: {} },
      })),
  }),
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
  discover: discovery({
    kind: 'oidc-provider',
    by: 'tags',
    after: [],
    async list(aws) {
      const { OpenIDConnectProviderList } = await aws.iam.send(new ListOpenIDConnectProvidersCommand({}));
      const providers = (OpenIDConnectProviderList ?? []).map((p) => ({ arn: p.Arn!, Tags: undefined as { Key?: string; Value?: string }[] | undefined }));
      return Promise.all(
        providers.map((p) => aws.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: p.arn })).then((got) => ({ ...p, Tags: got.Tags }), unlessGoneOrDenied(p))),
      );
    },
    claim: (providers, ctx) => byOwnership(providers, ctx, (p) => ({ id: p.arn, name: p.arn.replace(/^.*oidc-provider\//, ''), tags: fromAwsTags(p.Tags) })),
  }),
});

/**
 * A role can only be deleted once it has no inline or attached policies (its instance profiles are deleted before
 * it; one that still holds it is someone else's, and the refusal says so).
 */
async function emptyRole(aws: AwsClients, RoleName: string): Promise<void> {
  const [inline, attached] = await Promise.all([
    collect(paginateListRolePolicies({ client: aws.iam }, { RoleName }), (p) => p.PolicyNames),
    collect(paginateListAttachedRolePolicies({ client: aws.iam }, { RoleName }), (p) => p.AttachedPolicies),
  ]);
  await Promise.all([
    ...inline.map((PolicyName) => ignoreGone(() => aws.iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName })))),
    ...attached.map((p) => ignoreGone(() => aws.iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn: p.PolicyArn })))),
  ]);
}
