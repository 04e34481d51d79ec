/**
 * `gs://bucket/key` state stores through the official Cloud Storage client. Every write is one upload (atomic);
 * create-if-absent and compare-and-swap use generation preconditions. STORAGE_EMULATOR_HOST points the client at
 * another endpoint (a local fake in tests); credentials otherwise come from the usual Google sources.
 */
import type { Bucket, Storage } from '@google-cloud/storage';
import { UserError } from '../errors.js';
import { childPrefix, compareStrings, joinKey, lastSegment, toBuffer } from './segments.js';
import { NotFoundError, type VfsPath, type WriteOptions } from './vfs.js';

/** One client per process, made on first use (the library is imported only then). */
export class GcsContext {
  private storage: Promise<Storage> | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async bucket(name: string): Promise<Bucket> {
    // The library reads STORAGE_EMULATOR_HOST itself (and then sends no credentials); a project id is only needed
    // for bucket listings, which kops never makes.
    this.storage ??= import('@google-cloud/storage').then(({ Storage }) => new Storage(this.env.STORAGE_EMULATOR_HOST ? { projectId: this.env.GOOGLE_CLOUD_PROJECT || 'kops' } : {}));
    return (await this.storage).bucket(name);
  }
}

/** `READER:user-a@b` as the JSON API's access control entry. */
function aclEntry(item: string): { role: string; entity: string } {
  const colon = item.indexOf(':');
  return { role: item.slice(0, colon), entity: item.slice(colon + 1) };
}

function status(err: unknown): number | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

export class GcsPath implements VfsPath {
  readonly url: string;
  readonly base: string;

  constructor(
    private readonly context: GcsContext,
    readonly bucketName: string,
    readonly key: string,
  ) {
    this.url = key ? `gs://${bucketName}/${key}` : `gs://${bucketName}`;
    this.base = key ? lastSegment(key) : bucketName;
  }

  join(...segments: string[]): VfsPath {
    return new GcsPath(this.context, this.bucketName, joinKey(this.key, segments));
  }

  private async call<T>(fn: (bucket: Bucket) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.context.bucket(this.bucketName));
    } catch (err) {
      if (err instanceof UserError || err instanceof NotFoundError) throw err;
      if (status(err) === 404 && /bucket/i.test((err as Error).message)) {
        throw new UserError(`${this.url}: bucket ${this.bucketName} does not exist`, 'create the bucket first, or check the name in KOPS_STATE_STORE');
      }
      if (status(err) === 401 || status(err) === 403) {
        throw new UserError(`${this.url}: access denied (${(err as Error).message})`, 'check GOOGLE_APPLICATION_CREDENTIALS and the bucket permissions');
      }
      throw err;
    }
  }

  async read(): Promise<Buffer> {
    const data = await this.readIfExists();
    if (!data) throw new NotFoundError(this.url);
    return data;
  }

  async readIfExists(): Promise<Buffer | undefined> {
    return (await this.readWithGeneration())?.data;
  }

  private readWithGeneration(): Promise<{ data: Buffer; generation: number } | undefined> {
    return this.call(async (bucket) => {
      const file = bucket.file(this.key);
      try {
        const [meta] = await file.getMetadata();
        const generation = Number(meta.generation);
        const [data] = await file.download({ validation: false });
        return { data, generation };
      } catch (err) {
        if (status(err) === 404 && !/bucket/i.test((err as Error).message)) return undefined;
        throw err;
      }
    });
  }

  private save(data: Buffer | string, ifGenerationMatch?: number, objectAcl?: readonly string[]): Promise<boolean> {
    return this.call(async (bucket) => {
      try {
        await bucket.file(this.key).save(toBuffer(data), {
          resumable: false,
          validation: false,
          ...(objectAcl ? { metadata: { acl: objectAcl.map(aclEntry) } } : {}),
          ...(ifGenerationMatch !== undefined ? { preconditionOpts: { ifGenerationMatch } } : {}),
        });
        return true;
      } catch (err) {
        if (status(err) === 412) return false;
        throw err;
      }
    });
  }

  async write(data: Buffer | string, options?: WriteOptions): Promise<void> {
    await this.save(data, undefined, options?.objectAcl);
  }

  createNew(data: Buffer | string, _options?: WriteOptions): Promise<boolean> {
    // Generation 0 means "no live object": refused with 412 when one exists.
    return this.save(data, 0);
  }

  async replaceIfUnchanged(data: Buffer | string, expected: Buffer, _options?: WriteOptions): Promise<boolean> {
    const current = await this.readWithGeneration();
    if (!current || !current.data.equals(expected)) return false;
    return this.save(data, current.generation);
  }

  async exists(): Promise<boolean> {
    if (!this.key) return false;
    return this.call(async (bucket) => (await bucket.file(this.key).exists())[0]);
  }

  /**
   * Whether anyone may read the bucket's objects, as the Go kops's GSPath.IsBucketPublic tells it: the bucket has uniform
   * bucket-level access and its IAM policy grants allUsers roles/storage.objectViewer.
   */
  async isBucketPublic(): Promise<boolean> {
    return this.call(async (bucket) => {
      const [settings] = (await bucket.getMetadata()) as unknown as [{ iamConfiguration?: { uniformBucketLevelAccess?: { enabled?: boolean } } }];
      if (!settings.iamConfiguration?.uniformBucketLevelAccess?.enabled) return false;
      const [policy] = await bucket.iam.getPolicy();
      return (policy.bindings ?? []).some((binding) => binding.role === 'roles/storage.objectViewer' && (binding.members ?? []).includes('allUsers'));
    });
  }

  async remove(): Promise<void> {
    await this.call((bucket) => bucket.file(this.key).delete({ ignoreNotFound: true }));
  }

  async removeTree(): Promise<void> {
    const names = await this.listNames(this.key ? childPrefix(this.key) : '');
    if (this.key) names.push(this.key);
    await this.call(async (bucket) => {
      for (const name of names) await bucket.file(name).delete({ ignoreNotFound: true });
    });
  }

  async readDir(): Promise<VfsPath[]> {
    const prefix = childPrefix(this.key);
    const { files, prefixes } = await this.call(async (bucket) => {
      const [found, , response] = await bucket.getFiles({ prefix, delimiter: '/', autoPaginate: true });
      return { files: found.map((f) => f.name), prefixes: ((response as { prefixes?: string[] } | undefined)?.prefixes ?? []) };
    });
    const names = new Set<string>([...files.map((n) => n.slice(prefix.length)), ...prefixes.map((p) => p.slice(prefix.length).replace(/\/$/, ''))]);
    return [...names].filter(Boolean).sort(compareStrings).map((n) => this.join(n));
  }

  async readTree(): Promise<VfsPath[]> {
    const names = await this.listNames(this.key ? childPrefix(this.key) : '');
    return names.sort(compareStrings).map((n) => new GcsPath(this.context, this.bucketName, n));
  }

  private listNames(prefix: string): Promise<string[]> {
    return this.call(async (bucket) => {
      const [files] = await bucket.getFiles({ prefix, autoPaginate: true });
      return files.map((f) => f.name);
    });
  }
}
