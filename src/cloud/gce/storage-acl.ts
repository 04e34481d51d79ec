/**
 * The access list kops gives state-store objects in a Cloud Storage bucket on GCE (the Go kops's GCS ACL strategy,
 * util/pkg/vfs/acls/gce): none when the bucket has uniform bucket-level access (its IAM policy decides), else the
 * bucket's default object ACL plus read access for the project's default compute service account.
 */
import { UserError } from '../../errors.js';
import type { GceCompute } from './compute.js';

interface BucketAccess {
  iamConfiguration?: { uniformBucketLevelAccess?: { enabled?: boolean } };
  defaultObjectAcl?: { entity?: string; role?: string }[];
}

export async function gcsStoreObjectAcl(compute: GceCompute, bucketName: string): Promise<string[] | undefined> {
  const bucket = await compute.storage.bucket(bucketName);
  let access: BucketAccess;
  try {
    [access] = (await bucket.getMetadata({ projection: 'full' })) as unknown as [BucketAccess];
  } catch (err) {
    throw new UserError(`reading the settings of bucket gs://${bucketName}: ${(err as Error).message}`, 'check that the state-store bucket exists and the credentials may read it');
  }
  if (access.iamConfiguration?.uniformBucketLevelAccess?.enabled) return undefined;
  const account = (await compute.projectInfo()).defaultServiceAccount;
  if (typeof account !== 'string' || !account) {
    throw new UserError(`project ${compute.project} has no default compute service account to let read gs://${bucketName}`, 'enable uniform bucket-level access on the bucket, or restore the default compute service account');
  }
  return [...(access.defaultObjectAcl ?? []).map((rule) => `${rule.role}:${rule.entity}`), `READER:user-${account}`];
}
