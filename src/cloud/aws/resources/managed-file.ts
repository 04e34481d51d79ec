import type { ManagedFileSpec } from '../../../engine/resource.js';
import { openVfs } from '../../../statestore/index.js';
import { awsResource } from './common.js';
export type { ManagedFileSpec };

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
