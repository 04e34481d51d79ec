import { openVfs } from '../../../statestore/index.js';
import { awsResource } from './common.js';
/**
 * A file kops keeps in the state store (completed spec, nodeup configs, add-on manifests, ...). Not a cloud
 * object of its own: the terraform target renders it as an object of the store's bucket (`aws_s3_object`), or
 * writes it to a file:// store directly.
 */
export interface ManagedFileSpec {
  /** Full location in the state store, e.g. `memfs://clusters.example.com/minimal.example.com/cluster-completed.spec`. */
  location: string;
  contents: string;
  /** Object ACL for s3:// stores (from KOPS_STATE_S3_ACL). */
  acl?: string;
}

/** State-store files: with the direct target they are written to the store itself (s3://, file://, memfs://). */
export const ManagedFile = awsResource<ManagedFileSpec>({
  type: 'managed_file',
  kopsKind: 'ManagedFile',
  fields: {
    contents: { tf: 'content', kind: 'file' },
    location: { tf: 'key', immutable: true },
  },
  async find(_aws, spec) {
    const bytes = await openVfs(spec.location).readIfExists();
    if (bytes === undefined) return undefined;
    return { id: spec.location, fields: { location: spec.location, contents: bytes.toString('utf8') } };
  },
  async create(_aws, spec) {
    await openVfs(spec.location).write(spec.contents);
    return { id: spec.location };
  },
  async update(_aws, _actual, spec) {
    await openVfs(spec.location).write(spec.contents);
  },
  async delete(_aws, actual) {
    await openVfs(actual.id).remove();
  },
});
