import { defineResource } from '../../../engine/resource.js';

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
