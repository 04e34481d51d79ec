import { defineResource } from './declare.js';

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

export const ManagedFile = defineResource<ManagedFileSpec>({
  type: 'managed_file',
  kopsKind: 'ManagedFile',
  fields: {
    contents: { tf: 'content', kind: 'file' },
    location: { tf: 'key', immutable: true },
  },
});
