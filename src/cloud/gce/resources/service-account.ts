import { defineResource } from '../../../engine/resource.js';
import type { Actual, ResourceOps } from '../../../engine/ops.js';
import type { GceCompute } from '../compute.js';
import { GceIam, type GceServiceAccountObject } from '../iam.js';
import { serviceAccountName } from '../names.js';
import { discovery } from './discovery.js';

/** A service account the instances of one role run as. */
export interface GceServiceAccountSpec {
  /** Set for an existing account (`spec.cloudConfig.gceServiceAccount`), used as it is. */
  email: string;
  accountId: string;
  project: string;
  description?: string;
  displayName?: string;
}

export const GceServiceAccount = defineResource<GceServiceAccountSpec>({
  type: 'google_service_account',
  kopsKind: 'ServiceAccount',
  fields: {
    accountId: { tf: 'account_id', immutable: true },
    description: { tf: 'description' },
    displayName: { tf: 'display_name' },
    project: { tf: 'project', immutable: true },
  },
});

/** Compute Engine's default account: named `default` in templates, never looked up. */
const DEFAULT_ACCOUNT = 'default';

/**
 * Accounts through the IAM API, found by e-mail (as gcetasks/serviceaccount.go): created with the account id and
 * project the e-mail names, description and display name written in place, deleted by the account's name.
 */
export const GceServiceAccountOps: ResourceOps<GceCompute> = {
  type: GceServiceAccount.type,
  immutable: ['accountId', 'project'],
  async find(api, spec) {
    const email = String(spec.email);
    if (email === DEFAULT_ACCOUNT) return { id: email, attrs: { email }, fields: {} };
    const found = await api.iam.getServiceAccount(email);
    if (!found) return undefined;
    if (found.email !== email) throw new Error(`service account ${found.name} reports e-mail ${found.email}, not ${email}`);
    return actualOf(found, spec);
  },
  async create(api, spec) {
    const created = await api.iam.createServiceAccount(String(spec.project), String(spec.accountId), fieldsOf(spec));
    if (created.email !== spec.email) throw new Error(`the service account made is ${created.email}, not ${String(spec.email)}: check accountId and project`);
    return { id: created.name, attrs: { email: created.email } };
  },
  async update(api, _actual, spec) {
    await api.iam.updateServiceAccount(String(spec.email), fieldsOf(spec));
  },
  async delete(api, actual) {
    await api.iam.deleteServiceAccount(actual.id);
  },
};

function fieldsOf(spec: Record<string, unknown>): { description?: string; displayName?: string } {
  return { description: (spec.description as string | undefined) ?? '', displayName: (spec.displayName as string | undefined) ?? '' };
}

function actualOf(found: GceServiceAccountObject, spec: Record<string, unknown>): Actual {
  const [accountId] = found.email.split('@');
  return {
    id: found.name || GceIam.accountName(found.email),
    attrs: { email: found.email },
    fields: {
      accountId,
      project: spec.project === undefined ? undefined : found.name.split('/')[1],
      // Compared only when the spec sets them (a shared account's are the user's); the API leaves out empty ones.
      description: spec.description === undefined ? undefined : (found.description ?? ''),
      displayName: spec.displayName === undefined ? undefined : (found.displayName ?? ''),
    },
  };
}

/** The roles kops makes a service account for (gce.ServiceAccountName of each). */
const ACCOUNT_ROLES = ['control-plane', 'bastion', 'node'];

/** The project's accounts with the ids kops makes from the cluster's name. */
export const GceServiceAccountDiscovery = discovery<GceServiceAccountObject>(GceServiceAccountOps, {
  kind: 'service-account',
  by: 'naming',
  after: ['project-iam-binding', 'instance-template', 'instance-group-manager'],
  list: (api) => api.iam.listServiceAccounts(api.project),
  claim(accounts, ctx) {
    const ids = new Set(ACCOUNT_ROLES.map((role) => serviceAccountName(role, ctx.rules.clusterName)));
    return accounts.filter((a) => ids.has(a.email.split('@')[0])).map((a) => ({ id: a.name, name: a.email, action: 'delete' as const, actual: { id: a.name, fields: {} } }));
  },
});
