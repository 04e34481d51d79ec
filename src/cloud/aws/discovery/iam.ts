import {
  DeleteInstanceProfileCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetInstanceProfileCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  ListOpenIDConnectProvidersCommand,
  RemoveRoleFromInstanceProfileCommand,
  paginateListAttachedRolePolicies,
  paginateListInstanceProfiles,
  paginateListInstanceProfilesForRole,
  paginateListRolePolicies,
  paginateListRoles,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { classifyAwsError, type AwsClients } from '../clients.js';
import type { Tags } from '../tags.js';
import { collect, ignoreGone, tagsOf } from './aws-util.js';
import { thenAgain } from './network.js';
import { ownership, type ClusterResource } from './resource.js';

/** Roles and instance profiles kops names after the cluster, one per kind of instance group. */
const ROLE_PREFIXES = ['masters', 'nodes', 'bastions', 'apiservers'];
/** IAM names are at most 64 characters; kops truncates longer service-account role names (losing the suffix). */
const MAX_IAM_NAME = 64;

/**
 * Whether an IAM object is the cluster's: tagged owned, or (objects made before kops tagged IAM) carrying one of
 * kops's names and no cluster tag at all.
 */
function ownsIam(name: string, tags: Tags, clusterName: string): boolean {
  const owner = ownership(tags, clusterName);
  if (owner) return owner === 'owned';
  const untagged = !Object.keys(tags).some((k) => k === 'KubernetesCluster' || k.startsWith('kubernetes.io/cluster/'));
  return untagged && ROLE_PREFIXES.some((p) => name === `${p}.${clusterName}`);
}

/** An object gone since it was listed, or one we may not read, is not the cluster's to delete. */
function unlessGoneOrDenied(err: unknown): undefined {
  const kind = classifyAwsError(err);
  if (kind === 'notFound' || kind === 'accessDenied') return undefined;
  throw err;
}

const candidate = (name: string, clusterName: string) => name.endsWith(`.${clusterName}`) || name.length === MAX_IAM_NAME;

export async function planIam(aws: AwsClients, clusterName: string): Promise<ClusterResource[]> {
  const [roles, profiles, oidc] = await Promise.all([ownedRoles(aws.iam, clusterName), ownedProfiles(aws.iam, clusterName), ownedOidcProviders(aws.iam, clusterName)]);
  return [...roles, ...profiles, ...oidc];
}

async function ownedRoles(iam: IAMClient, clusterName: string): Promise<ClusterResource[]> {
  const roles = (await collect(paginateListRoles({ client: iam }, {}), (p) => p.Roles)).filter((r) => candidate(r.RoleName!, clusterName));
  // ListRoles leaves tags out on AWS; GetRole has them.
  const tagged = await Promise.all(
    roles.map(async (r) => {
      if (r.Tags?.length) return { name: r.RoleName!, tags: tagsOf(r) };
      const got = await iam.send(new GetRoleCommand({ RoleName: r.RoleName })).catch(unlessGoneOrDenied);
      return { name: r.RoleName!, tags: tagsOf(got?.Role ?? {}) };
    }),
  );
  return tagged
    .filter((r) => ownsIam(r.name, r.tags, clusterName))
    .map(({ name }) => ({
      type: 'iam-role' as const,
      id: name,
      name,
      action: 'delete' as const,
      run: (aws: AwsClients) => deleteRole(aws.iam, name),
      // The cluster's instance profiles are gone before its roles: a profile still holding one is someone else's.
      findBlockers: async (aws: AwsClients) =>
        (await collect(paginateListInstanceProfilesForRole({ client: aws.iam }, { RoleName: name }), (p) => p.InstanceProfiles)).map((p) => ({
          blocked: `iam-role ${name}`,
          by: `instance profile ${p.InstanceProfileName}`,
          hint: `remove the role from it (aws iam remove-role-from-instance-profile --instance-profile-name ${p.InstanceProfileName} --role-name ${name}), ${thenAgain}`,
        })),
    }));
}

async function deleteRole(iam: IAMClient, RoleName: string): Promise<void> {
  const [inline, attached] = await Promise.all([
    collect(paginateListRolePolicies({ client: iam }, { RoleName }), (p) => p.PolicyNames),
    collect(paginateListAttachedRolePolicies({ client: iam }, { RoleName }), (p) => p.AttachedPolicies),
  ]);
  await Promise.all([
    ...inline.map((PolicyName) => ignoreGone(() => iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName })))),
    ...attached.map((p) => ignoreGone(() => iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn: p.PolicyArn })))),
  ]);
  await ignoreGone(() => iam.send(new DeleteRoleCommand({ RoleName })));
}

async function ownedProfiles(iam: IAMClient, clusterName: string): Promise<ClusterResource[]> {
  const profiles = (await collect(paginateListInstanceProfiles({ client: iam }, {}), (p) => p.InstanceProfiles)).filter((p) =>
    candidate(p.InstanceProfileName!, clusterName),
  );
  const tagged = await Promise.all(
    profiles.map(async (p) => {
      if (p.Tags?.length) return { profile: p, tags: tagsOf(p) };
      const got = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: p.InstanceProfileName })).catch(unlessGoneOrDenied);
      return { profile: p, tags: tagsOf(got?.InstanceProfile ?? {}) };
    }),
  );
  return tagged
    .filter(({ profile, tags }) => ownsIam(profile.InstanceProfileName!, tags, clusterName))
    .map(({ profile }) => {
      const name = profile.InstanceProfileName!;
      const roleNames = (profile.Roles ?? []).map((r) => r.RoleName!);
      return {
        type: 'iam-instance-profile' as const,
        id: name,
        name,
        action: 'delete' as const,
        run: async (aws: AwsClients) => {
          for (const RoleName of roleNames) {
            await ignoreGone(() => aws.iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: name, RoleName })));
          }
          await ignoreGone(() => aws.iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: name })));
        },
      };
    });
}

async function ownedOidcProviders(iam: IAMClient, clusterName: string): Promise<ClusterResource[]> {
  const { OpenIDConnectProviderList } = await iam.send(new ListOpenIDConnectProvidersCommand({}));
  const found = await Promise.all(
    (OpenIDConnectProviderList ?? []).map(async ({ Arn }) => {
      const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: Arn })).catch(unlessGoneOrDenied);
      return { arn: Arn!, tags: tagsOf(got ?? {}) };
    }),
  );
  return found
    .filter(({ tags }) => ownership(tags, clusterName) === 'owned')
    .map(({ arn }) => ({
      type: 'oidc-provider' as const,
      id: arn,
      name: arn.replace(/^.*oidc-provider\//, ''),
      action: 'delete' as const,
      run: (aws) => ignoreGone(() => aws.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))),
    }));
}
