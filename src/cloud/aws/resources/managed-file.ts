import type { ManagedFileSpec } from '../../../engine/resource.js';
import { openVfs, stateStoreS3Acl } from '../../../statestore/index.js';
import { awsResource } from './common.js';
export type { ManagedFileSpec };

/**
 * State-store files: with the direct target they are written to the store itself (s3://, file://, memfs://). A file
 * that declares `publicRead` has its object ACL read back and set (s3://), as the Go kops's ManagedFile does. With
 * KOPS_STATE_S3_ACL set, every s3:// write carries that ACL instead, so the ACL found is not compared (it would differ
 * on every run whenever the variable's ACL and `publicRead` disagree).
 */
export const ManagedFile = awsResource<ManagedFileSpec>({
  type: 'managed_file',
  kopsKind: 'ManagedFile',
  fields: {
    contents: { tf: 'content', kind: 'file' },
    location: { tf: 'key', immutable: true },
    publicRead: { tf: 'acl', notInTerraform: true },
  },
  async find(_aws, spec) {
    const path = openVfs(spec.location);
    const bytes = await path.readIfExists();
    if (bytes === undefined) return undefined;
    const fields: Record<string, unknown> = { location: spec.location, contents: bytes.toString('utf8') };
    const aclFromEnvironment = spec.location.startsWith('s3://') && stateStoreS3Acl() !== undefined;
    if (spec.publicRead !== undefined && path.isPublicRead && !aclFromEnvironment) fields.publicRead = await path.isPublicRead();
    return { id: spec.location, fields };
  },
  async create(_aws, spec) {
    await openVfs(spec.location).write(spec.contents, { publicRead: spec.publicRead });
    return { id: spec.location };
  },
  async update(_aws, _actual, spec) {
    await openVfs(spec.location).write(spec.contents, { publicRead: spec.publicRead });
  },
  async delete(_aws, actual) {
    await openVfs(actual.id).remove();
  },
});
