import { defineResource, type Val } from '../../../engine/resource.js';
import type { Actual, ResourceOps } from '../../../engine/ops.js';
import type { GceCompute } from '../compute.js';
import { addPolicyMember, policyHasMember, removePolicyMembers } from '../iam.js';
import { discovery } from './discovery.js';

/** A project-level role granted to the cluster's service accounts (added to the role's binding, not replacing it). */
export interface GceProjectIamBindingSpec {
  project: string;
  role: string;
  members: Val<string>[];
}

export const GceProjectIamBinding = defineResource<GceProjectIamBindingSpec>({
  type: 'google_project_iam_binding',
  kopsKind: 'ProjectIAMBinding',
  fields: {
    members: { tf: 'members' },
    project: { tf: 'project', immutable: true },
    role: { tf: 'role', immutable: true },
  },
});

/** `projects/P:ROLE=MEMBER,...`: the members of one role in one project's policy, as one object. */
export function projectIamBindingId(project: string, role: string, members: readonly string[]): string {
  return `projects/${project}:${role}=${members.join(',')}`;
}

export function parseProjectIamBindingId(id: string): { project: string; role: string; members: string[] } | undefined {
  const m = /^projects\/([^:]+):([^=]+)=(.+)$/.exec(id);
  return m ? { project: m[1], role: m[2], members: m[3].split(',') } : undefined;
}

/**
 * Members added to the role's unconditional binding in the project's policy (as gcetasks/projectiambinding.go):
 * found when every member is there, made by a read-modify-write of the policy with its etag, and removed the same
 * way, leaving the policy's other members and bindings as they are.
 */
export const GceProjectIamBindingOps: ResourceOps<GceCompute> = {
  type: GceProjectIamBinding.type,
  immutable: ['project', 'role'],
  unordered: ['members'],
  async find(api, spec) {
    const { project, role, members } = bindingOf(spec);
    const policy = await api.iam.getProjectPolicy(project);
    if (!members.every((m) => policyHasMember(policy, role, m))) return undefined;
    return { id: projectIamBindingId(project, role, members), fields: { project, role, members } };
  },
  async create(api, spec) {
    const { project, role, members } = bindingOf(spec);
    await api.iam.modifyProjectPolicy(project, (policy) => members.map((m) => addPolicyMember(policy, role, m)).some(Boolean));
    return { id: projectIamBindingId(project, role, members) };
  },
  async delete(api, actual) {
    const { project, role, members } = bindingOfActual(actual);
    await api.iam.modifyProjectPolicy(project, (policy) => removePolicyMembers(policy, role, members));
  },
};

function bindingOf(spec: Record<string, unknown>): { project: string; role: string; members: string[] } {
  return { project: String(spec.project), role: String(spec.role), members: ((spec.members as unknown[] | undefined) ?? []).map(String) };
}

function bindingOfActual(actual: Actual): { project: string; role: string; members: string[] } {
  const parsed = parseProjectIamBindingId(actual.id);
  if (!parsed) throw new Error(`cannot tell which IAM binding ${actual.id} is`);
  return parsed;
}

/**
 * The cluster's accounts in the project policy's unconditional bindings, one object per role: kops adds them, so
 * they go too (the policy read only when the cluster has accounts).
 */
export const GceProjectIamBindingDiscovery = discovery(GceProjectIamBindingOps, {
  kind: 'project-iam-binding',
  by: 'relation',
  after: [],
  async claim(_listed, ctx) {
    const accounts = await ctx.found('service-account');
    if (!accounts.length) return [];
    const api = ctx.client;
    const members = new Set(accounts.map((a) => `serviceAccount:${a.name}`));
    const policy = await api.iam.getProjectPolicy(api.project);
    return (policy.bindings ?? []).flatMap((b) => {
      const ours = b.condition ? [] : (b.members ?? []).filter((m) => members.has(m));
      if (!ours.length) return [];
      const id = projectIamBindingId(api.project, b.role, ours);
      return [{ id, name: `${b.role} ${ours.join(', ')}`, action: 'delete' as const, actual: { id, fields: {} } }];
    });
  },
});
