import { defineResource, type Val } from './declare.js';

export interface IamRoleSpec {
  name: string;
  assumeRolePolicy: string;
  permissionsBoundary?: string;
  tags?: Record<string, string>;
}

export const IamRole = defineResource<IamRoleSpec>({
  type: 'aws_iam_role',
  kopsKind: 'IAMRole',
  fields: {
    assumeRolePolicy: { tf: 'assume_role_policy', kind: 'file', dataKey: 'policy' },
    name: { tf: 'name', immutable: true },
    permissionsBoundary: { tf: 'permissions_boundary' },
    tags: { tf: 'tags', kind: 'map' },
  },
});

export interface IamRolePolicySpec {
  name: string;
  role: Val<string>;
  policy: string;
}

export const IamRolePolicy = defineResource<IamRolePolicySpec>({
  type: 'aws_iam_role_policy',
  kopsKind: 'IAMRolePolicy',
  fields: {
    name: { tf: 'name', immutable: true },
    policy: { tf: 'policy', kind: 'file' },
    role: { tf: 'role', immutable: true },
  },
});

export interface IamRolePolicyAttachmentSpec {
  role: Val<string>;
  policyArn: string;
}

export const IamRolePolicyAttachment = defineResource<IamRolePolicyAttachmentSpec>({
  type: 'aws_iam_role_policy_attachment',
  kopsKind: 'IAMRolePolicy',
  fields: {
    policyArn: { tf: 'policy_arn', immutable: true },
    role: { tf: 'role', immutable: true },
  },
});

export interface IamInstanceProfileSpec {
  /** Set for an existing profile (an instance group's `spec.iam.profile`), referred to by name. */
  id?: string;
  name: string;
  role: Val<string>;
  tags?: Record<string, string>;
}

export const IamInstanceProfile = defineResource<IamInstanceProfileSpec>({
  type: 'aws_iam_instance_profile',
  kopsKind: 'IAMInstanceProfile',
  fields: {
    name: { tf: 'name', immutable: true },
    role: { tf: 'role' },
    tags: { tf: 'tags', kind: 'map' },
  },
});

export interface IamOidcProviderSpec {
  url: string;
  clientIdList: string[];
  thumbprintList: string[];
  tags?: Record<string, string>;
}

export const IamOidcProvider = defineResource<IamOidcProviderSpec>({
  type: 'aws_iam_openid_connect_provider',
  kopsKind: 'IAMOIDCProvider',
  fields: {
    clientIdList: { tf: 'client_id_list' },
    tags: { tf: 'tags', kind: 'map' },
    thumbprintList: { tf: 'thumbprint_list' },
    url: { tf: 'url', immutable: true },
  },
});
