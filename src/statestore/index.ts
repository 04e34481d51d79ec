import { UserError } from '../errors.js';
import { FilePath } from './file.js';
import { GcsContext, GcsPath } from './gcs.js';
import { MemfsPath } from './memfs.js';
import { S3Context, S3Path } from './s3.js';
import { toSegments } from './segments.js';
import type { VfsPath } from './vfs.js';

export { resetMemfs } from './memfs.js';
export { NotFoundError, type VfsPath, type WriteOptions } from './vfs.js';
export { stateStoreS3Acl, type S3ObjectCannedAcl } from './s3-acl.js';
export { ClusterStore, formatTimestamp, type ClusterStoreOptions } from './clientset.js';
export { ClusterPaths, StatePaths, igconfigRoleFolder } from './layout.js';

const SUPPORTED = 's3://bucket/path, gs://bucket/path, file:///absolute/path (or /absolute/path), memfs://bucket/path';

/** Opens a state-store location from its URL: `s3://`, `gs://`, `file://` (or a bare absolute path), `memfs://`. */
export function openVfs(url: string): VfsPath {
  if (url.startsWith('/')) return new FilePath(normalisedAbsolutePath(url));
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  const rest = scheme ? url.slice(scheme.length + 3) : '';
  switch (scheme) {
    case 'memfs':
      return new MemfsPath(toSegments([rest]).join('/'));
    case 'file':
      if (!rest.startsWith('/')) {
        throw new UserError(`${url}: a file state store needs an absolute path`, 'write it as file:///absolute/path');
      }
      return new FilePath(normalisedAbsolutePath(rest));
    case 's3': {
      const [bucket, ...key] = toSegments([rest]);
      if (!bucket) throw new UserError(`${url}: the S3 URL has no bucket`, 'write it as s3://bucket/path');
      return new S3Path(new S3Context(), bucket, key.join('/'));
    }
    case 'gs': {
      const [bucket, ...key] = toSegments([rest]);
      if (!bucket) throw new UserError(`${url}: the GCS URL has no bucket`, 'write it as gs://bucket/path');
      return new GcsPath(new GcsContext(), bucket, key.join('/'));
    }
    default:
      throw new UserError(`unsupported state store ${JSON.stringify(url)}`, `use one of ${SUPPORTED}`);
  }
}

function normalisedAbsolutePath(path: string): string {
  return '/' + toSegments([path]).join('/');
}
