import { defineResource, type Val } from '../../../engine/resource.js';
import type { ResourceOps } from '../../../engine/ops.js';
import type { GcsContext } from '../../../statestore/gcs.js';
import type { GceCompute } from '../compute.js';
import { addPolicyMember, policyHasMember, removePolicyMembers, type GceIamPolicy } from '../iam.js';

/** A role on a Cloud Storage bucket granted to one member (added to the role's binding, others left as they are). */
export interface GceStorageBucketIamSpec {
  bucket: string;
  member: Val<string>;
  role: string;
}

export const GceStorageBucketIam = defineResource<GceStorageBucketIamSpec>({
  type: 'google_storage_bucket_iam_member',
  kopsKind: 'StorageBucketIAM',
  fields: {
    bucket: { tf: 'bucket', immutable: true },
    member: { tf: 'member', immutable: true },
    role: { tf: 'role', immutable: true },
  },
});

/** Another writer changed the bucket's policy between our read and write (412): read it again, this many times. */
const POLICY_ATTEMPTS = 5;

async function readPolicy(storage: GcsContext, bucket: string): Promise<GceIamPolicy> {
  const [policy] = await (await storage.bucket(bucket)).iam.getPolicy({ requestedPolicyVersion: 3 });
  return policy as unknown as GceIamPolicy;
}

async function modifyPolicy(storage: GcsContext, bucket: string, change: (policy: GceIamPolicy) => boolean): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const policy = await readPolicy(storage, bucket);
    if (!change(policy)) return;
    try {
      const { bindings, etag } = policy;
      await (await storage.bucket(bucket)).iam.setPolicy({ bindings: bindings as { role: string; members: string[] }[], etag, version: 3 });
      return;
    } catch (err) {
      if ((err as { code?: unknown }).code !== 412 || attempt >= POLICY_ATTEMPTS) throw err;
    }
  }
}

/** `BUCKET:ROLE=MEMBER`: one member of one role on one bucket, as one object. */
function bindingId(spec: Record<string, unknown>): string {
  return `${String(spec.bucket)}:${String(spec.role)}=${String(spec.member)}`;
}

function parseBindingId(id: string): { bucket: string; role: string; member: string } {
  const m = /^([^:]+):([^=]+)=(.+)$/.exec(id);
  if (!m) throw new Error(`cannot tell which bucket IAM member ${id} is`);
  return { bucket: m[1], role: m[2], member: m[3] };
}

/**
 * The member in the role's unconditional binding of the bucket's policy (as gcetasks/storagebucketiam.go): found
 * when it is there, added and removed by a read-modify-write of the policy with its etag.
 */
export const GceStorageBucketIamOps: ResourceOps<GceCompute> = {
  type: GceStorageBucketIam.type,
  immutable: ['bucket', 'member', 'role'],
  async find(api, spec) {
    const policy = await readPolicy(api.storage, String(spec.bucket));
    if (!policyHasMember(policy, String(spec.role), String(spec.member))) return undefined;
    return { id: bindingId(spec), fields: { bucket: spec.bucket, member: spec.member, role: spec.role } };
  },
  async create(api, spec) {
    await modifyPolicy(api.storage, String(spec.bucket), (policy) => addPolicyMember(policy, String(spec.role), String(spec.member)));
    return { id: bindingId(spec) };
  },
  async delete(api, actual) {
    const { bucket, role, member } = parseBindingId(actual.id);
    await modifyPolicy(api.storage, bucket, (policy) => removePolicyMembers(policy, role, [member]));
  },
};
