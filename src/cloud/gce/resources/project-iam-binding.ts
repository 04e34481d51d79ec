import { defineResource, type Val } from '../../../engine/resource.js';

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
