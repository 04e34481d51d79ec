import { UserError } from '../errors.js';

/** The canned ACLs S3 accepts on an object write (PutObject's x-amz-acl). */
export const S3_OBJECT_CANNED_ACLS = [
  'private',
  'public-read',
  'public-read-write',
  'authenticated-read',
  'aws-exec-read',
  'bucket-owner-read',
  'bucket-owner-full-control',
] as const;

export type S3ObjectCannedAcl = (typeof S3_OBJECT_CANNED_ACLS)[number];

const ENV = 'KOPS_STATE_S3_ACL';

/**
 * KOPS_STATE_S3_ACL, the canned ACL every object kops writes to an s3:// store carries (for instance
 * bucket-owner-full-control when another account owns the bucket); undefined when unset or blank.
 */
export function stateStoreS3Acl(env: NodeJS.ProcessEnv = process.env): S3ObjectCannedAcl | undefined {
  const value = env[ENV]?.trim();
  if (!value) return undefined;
  if (!(S3_OBJECT_CANNED_ACLS as readonly string[]).includes(value)) {
    throw new UserError(
      `${ENV}=${JSON.stringify(value)} is not a canned ACL S3 knows`,
      `set ${ENV} to one of ${S3_OBJECT_CANNED_ACLS.join(', ')}, or unset it`,
    );
  }
  return value as S3ObjectCannedAcl;
}

