/**
 * A location in a state store (file://, memfs://, s3://). Paths are immutable values; `join` makes a child.
 * Writes are atomic: a reader sees the old bytes or the new bytes, never a mix, and a failed write leaves
 * the previous object intact.
 */
export interface VfsPath {
  /** Full URL form, e.g. `s3://bucket/cluster.example.com/config` or `file:///tmp/store/x`. */
  readonly url: string;
  /** The last path segment. */
  readonly base: string;
  join(...segments: string[]): VfsPath;
  /** The bytes at this path; throws NotFoundError when absent. */
  read(): Promise<Buffer>;
  /** Like read(), but undefined when absent. */
  readIfExists(): Promise<Buffer | undefined>;
  write(data: Buffer | string, options?: WriteOptions): Promise<void>;
  /** Writes only if absent; returns false (and writes nothing) when the object already exists. */
  createNew(data: Buffer | string, options?: WriteOptions): Promise<boolean>;
  /**
   * Compare-and-swap: writes only if the object still holds `expected` (what the caller read earlier); returns
   * false (and writes nothing) when someone else changed or removed it since.
   */
  replaceIfUnchanged(data: Buffer | string, expected: Buffer, options?: WriteOptions): Promise<boolean>;
  exists(): Promise<boolean>;
  /** Removes the object at this path; absent is not an error. */
  remove(): Promise<void>;
  /** Removes this object and every object below this path (a whole cluster's state, for instance). */
  removeTree(): Promise<void>;
  /** Direct children (files and "directories"), sorted by name. */
  readDir(): Promise<VfsPath[]>;
  /** Every file below this path, sorted by URL. */
  readTree(): Promise<VfsPath[]>;
  /** Stores with object ACLs (s3://): whether the object grants anyone read. */
  isPublicRead?(): Promise<boolean>;
  /** Stores in buckets (s3://, gs://): whether the bucket itself lets anyone read its objects. */
  isBucketPublic?(): Promise<boolean>;
}

export interface WriteOptions {
  /** Private material (keys, secrets): file mode 0600, no public ACL. */
  secret?: boolean;
  /** s3://: the object is written with the public-read canned ACL (anyone may read it); other stores have no object ACL. */
  publicRead?: boolean;
  /** Cloud Storage object ACL, as `ROLE:entity` items (gs:// only; other stores ignore it). */
  objectAcl?: readonly string[];
}

export class NotFoundError extends Error {
  constructor(readonly url: string) {
    super(`${url}: not found`);
    this.name = 'NotFoundError';
  }
}
