import { defineResource } from '../../../engine/resource.js';
import type { ResourceOps } from '../../../engine/ops.js';
import type { GceCompute } from '../compute.js';

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

/**
 * The direct target uses an existing account (spec.cloudConfig.gceServiceAccount) as it is: making accounts is a
 * call to the IAM API, which the Compute Engine client does not serve (see directRefusal in cloud/gce/direct.ts).
 */
export const GceServiceAccountOps: ResourceOps<GceCompute> = {
  type: GceServiceAccount.type,
  immutable: Object.keys(GceServiceAccount.fields),
  async find(_api, spec, task) {
    if (!task.shared) return undefined;
    return { id: String(spec.email), attrs: { email: spec.email }, fields: {} };
  },
  create() {
    return Promise.reject(new Error('creating service accounts needs the IAM API, which kops does not call directly yet'));
  },
  delete() {
    return Promise.reject(new Error('deleting service accounts needs the IAM API, which kops does not call directly yet'));
  },
};
