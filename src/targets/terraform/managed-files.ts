import type { FilesProvider } from '../../cloud/types.js';
import type { ManagedFileSpec } from '../../engine/resource.js';
import { UserError } from '../../errors.js';

/** The bucket that stands in for the in-memory store in Terraform output (as the Go kops test harness renders it). */
export const MEMFS_BUCKET = 'testingBucket';

export interface BucketObject {
  bucket: string;
  key: string;
  /** The provider that writes it: `aws` for S3 objects, `google` for Cloud Storage ones. */
  provider: FilesProvider;
}

/**
 * Where a state-store file lives when Terraform manages it: an object of the store's bucket for s3:// and gs:// (and
 * memfs://, rendered like S3 for golden tests); undefined for file:// stores, which are written directly.
 */
export function bucketObject(spec: ManagedFileSpec): BucketObject | undefined {
  const m = /^([a-z0-9]+):\/\/(.*)$/.exec(spec.location);
  if (!m) throw new UserError(`state store location ${spec.location} has no scheme`, 'use s3://, gs://, memfs:// or file://');
  const [, scheme, rest] = m;
  if (scheme === 'memfs') return { bucket: MEMFS_BUCKET, key: rest, provider: 'aws' };
  if (scheme === 's3' || scheme === 'gs') {
    const slash = rest.indexOf('/');
    return { bucket: rest.slice(0, slash), key: rest.slice(slash + 1), provider: scheme === 's3' ? 'aws' : 'google' };
  }
  if (scheme === 'file') return undefined;
  throw new UserError(`state store scheme ${scheme}:// cannot be rendered to Terraform`, 'use s3://, gs://, memfs:// or file://');
}
