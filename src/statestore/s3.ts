import type { S3Client } from '@aws-sdk/client-s3';
import { resilientClient } from '../aws-retry.js';
import { UserError } from '../errors.js';
import { NotFoundError, type VfsPath, type WriteOptions } from './vfs.js';
import { stateStoreS3Acl, type S3ObjectCannedAcl } from './s3-acl.js';
import { childPrefix, compareStrings, joinKey, lastSegment, toBuffer } from './segments.js';

type S3Sdk = typeof import('@aws-sdk/client-s3');

interface Connection {
  sdk: S3Sdk;
  client: S3Client;
  endpoint: string;
}

/**
 * What all paths of one `s3://` store share: settings read once from the environment, and one client per bucket,
 * made on first use (the SDK is imported only then, which keeps CLI start-up fast).
 */
export class S3Context {
  private readonly connections = new Map<string, Promise<Connection>>();
  private readonly customEndpoint: string | undefined;
  private readonly region: string | undefined;
  private readonly credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** KOPS_STATE_S3_ACL: the canned ACL of every object written, in place of any other (checked here, before any write). */
  readonly writeAcl: S3ObjectCannedAcl | undefined;

  /**
   * Reads AWS_ENDPOINT_URL(_S3) and AWS_REGION; also the Go kops's own variables for an S3-compatible store
   * (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY), which take precedence when set, and
   * KOPS_STATE_S3_ACL.
   */
  constructor(
    env: NodeJS.ProcessEnv = process.env,
    /** Keys per listing request; S3 answers at most 1000. */
    readonly listPageSize = 1000,
  ) {
    this.customEndpoint = env.S3_ENDPOINT || env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
    this.region = (env.S3_ENDPOINT && env.S3_REGION) || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
    this.credentials =
      env.S3_ENDPOINT && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined;
    this.writeAcl = stateStoreS3Acl(env);
  }

  connect(bucket: string): Promise<Connection> {
    let connection = this.connections.get(bucket);
    if (!connection) {
      connection = this.open(bucket);
      connection.catch(() => this.connections.delete(bucket));
      this.connections.set(bucket, connection);
    }
    return connection;
  }

  private async open(bucket: string): Promise<Connection> {
    checkBucketName(bucket);
    const sdk = await import('@aws-sdk/client-s3');
    const region = this.region ?? (await this.bucketRegion(sdk, bucket));
    return { sdk, client: this.client(sdk, region), endpoint: this.endpointName(region) };
  }

  private client(sdk: S3Sdk, region: string): S3Client {
    return resilientClient('s3', (resilience) => new sdk.S3Client({
      ...resilience,
      region,
      // a bucket in another region than the configured one answers with a redirect the client then follows
      followRegionRedirects: true,
      ...(this.customEndpoint ? { endpoint: this.customEndpoint, forcePathStyle: true } : {}),
      ...(this.credentials ? { credentials: this.credentials } : {}),
    }));
  }

  /** With no region configured, ask where the bucket lives (an empty answer means us-east-1). */
  private async bucketRegion(sdk: S3Sdk, bucket: string): Promise<string> {
    const fallback = 'us-east-1';
    const client = this.client(sdk, fallback);
    try {
      const answer = await client.send(new sdk.GetBucketLocationCommand({ Bucket: bucket }));
      return answer.LocationConstraint || fallback;
    } catch (err) {
      throw describeS3Error(err, `s3://${bucket}`, bucket, this.endpointName(fallback));
    } finally {
      client.destroy();
    }
  }

  private endpointName(region: string): string {
    return this.customEndpoint ?? `https://s3.${region}.amazonaws.com`;
  }
}

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

/**
 * `s3://bucket/key`: one PutObject per write (atomic), SSE AES256 on every object; the canned ACL is KOPS_STATE_S3_ACL
 * when set, else public-read for an object asked to be public, else none.
 */
export class S3Path implements VfsPath {
  readonly url: string;
  readonly base: string;

  constructor(
    private readonly context: S3Context,
    readonly bucket: string,
    readonly key: string,
  ) {
    this.url = key ? `s3://${bucket}/${key}` : `s3://${bucket}`;
    this.base = key ? lastSegment(key) : bucket;
  }

  join(...segments: string[]): VfsPath {
    return new S3Path(this.context, this.bucket, joinKey(this.key, segments));
  }

  async read(): Promise<Buffer> {
    const data = await this.readIfExists();
    if (!data) throw new NotFoundError(this.url);
    return data;
  }

  async readIfExists(): Promise<Buffer | undefined> {
    return this.call(async ({ sdk, client }) => {
      try {
        const answer = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.key }));
        return Buffer.from(await answer.Body!.transformToByteArray());
      } catch (err) {
        if (errorName(err) === 'NoSuchKey') return undefined;
        throw err;
      }
    });
  }

  async write(data: Buffer | string, options?: WriteOptions): Promise<void> {
    await this.call(({ sdk, client }) => client.send(new sdk.PutObjectCommand(this.putInput(data, options))));
  }

  /**
   * Whether a bucket policy makes the bucket public, as the Go kops's S3Path.IsBucketPublic asks it: S3's own verdict on
   * the policy (GetBucketPolicyStatus); a bucket without a policy is not public.
   */
  async isBucketPublic(): Promise<boolean> {
    return this.call(async ({ sdk, client }) => {
      try {
        const answer = await client.send(new sdk.GetBucketPolicyStatusCommand({ Bucket: this.bucket }));
        return answer.PolicyStatus?.IsPublic === true;
      } catch (err) {
        if (errorName(err) === 'NoSuchBucketPolicy') return false;
        throw err;
      }
    });
  }

  /** Whether the object's access list grants anyone (S3's AllUsers group) read, as the Go kops's S3Path.IsPublic reads it. */
  async isPublicRead(): Promise<boolean> {
    return this.call(async ({ sdk, client }) => {
      const answer = await client.send(new sdk.GetObjectAclCommand({ Bucket: this.bucket, Key: this.key }));
      const allUsers = (answer.Grants ?? []).find((grant) => grant.Grantee?.URI === ALL_USERS);
      return allUsers?.Permission === 'READ';
    });
  }

  async createNew(data: Buffer | string, options?: WriteOptions): Promise<boolean> {
    if (await this.exists()) return false;
    return this.call(async ({ sdk, client }) => {
      try {
        // S3 conditional write: refused with 412 when another writer created the object since our check.
        await client.send(new sdk.PutObjectCommand({ ...this.putInput(data, options), IfNoneMatch: '*' }));
        return true;
      } catch (err) {
        if (errorName(err) === 'PreconditionFailed' || httpStatus(err) === 412) return false;
        if (errorName(err) !== 'NotImplemented') throw err;
      }
      // an S3-compatible store without conditional writes: the existence check above is all we can do
      await client.send(new sdk.PutObjectCommand(this.putInput(data, options)));
      return true;
    });
  }

  async replaceIfUnchanged(data: Buffer | string, expected: Buffer, options?: WriteOptions): Promise<boolean> {
    return this.call(async ({ sdk, client }) => {
      let etag: string | undefined;
      try {
        const answer = await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.key }));
        const current = Buffer.from(await answer.Body!.transformToByteArray());
        if (!current.equals(expected)) return false;
        etag = answer.ETag;
      } catch (err) {
        if (errorName(err) === 'NoSuchKey') return false;
        throw err;
      }
      try {
        // S3 conditional write: refused with 412 when the object changed since we read it.
        await client.send(new sdk.PutObjectCommand({ ...this.putInput(data, options), IfMatch: etag }));
        return true;
      } catch (err) {
        if (errorName(err) === 'PreconditionFailed' || httpStatus(err) === 412) return false;
        throw err;
      }
    });
  }

  async exists(): Promise<boolean> {
    if (!this.key) return false;
    return this.call(async ({ sdk, client }) => {
      try {
        await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: this.key }));
        return true;
      } catch (err) {
        if (httpStatus(err) === 404) return false;
        throw err;
      }
    });
  }

  async remove(): Promise<void> {
    await this.call(({ sdk, client }) => client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.key })));
  }

  async removeTree(): Promise<void> {
    const keys = [...(await this.listKeys()).keys];
    if (this.key) keys.push(this.key);
    await this.call(async ({ sdk, client }) => {
      for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000).map((Key) => ({ Key }));
        const answer = await client.send(new sdk.DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch, Quiet: true } }));
        const failed = answer.Errors?.[0];
        if (failed) throw new UserError(`cannot delete s3://${this.bucket}/${failed.Key}: ${failed.Message ?? failed.Code}`);
      }
    });
  }

  async readDir(): Promise<VfsPath[]> {
    const prefix = childPrefix(this.key);
    const { keys, folders } = await this.listKeys('/');
    const names = new Set<string>();
    for (const key of [...keys, ...folders]) {
      const name = key.slice(prefix.length).split('/')[0];
      if (name) names.add(name);
    }
    return [...names].sort(compareStrings).map((name) => this.join(name));
  }

  async readTree(): Promise<VfsPath[]> {
    const { keys } = await this.listKeys();
    return keys
      .filter((key) => !key.endsWith('/'))
      .sort(compareStrings)
      .map((key) => new S3Path(this.context, this.bucket, key));
  }

  private putInput(data: Buffer | string, options: WriteOptions | undefined) {
    const acl = this.context.writeAcl ?? (options?.publicRead && !options.secret ? 'public-read' : undefined);
    return { Bucket: this.bucket, Key: this.key, Body: toBuffer(data), ServerSideEncryption: 'AES256' as const, ...(acl ? { ACL: acl } : {}) };
  }

  /** Every key below this path (paginated); with a delimiter, also the "folders" one level down. */
  private async listKeys(delimiter?: string): Promise<{ keys: string[]; folders: string[] }> {
    return this.call(async ({ sdk, client }) => {
      const keys: string[] = [];
      const folders: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new sdk.ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: childPrefix(this.key),
            Delimiter: delimiter,
            ContinuationToken: token,
            MaxKeys: this.context.listPageSize,
          }),
        );
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        for (const folder of page.CommonPrefixes ?? []) if (folder.Prefix) folders.push(folder.Prefix);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return { keys, folders };
    });
  }

  private async call<T>(action: (connection: Connection) => Promise<T>): Promise<T> {
    const connection = await this.context.connect(this.bucket);
    try {
      return await action(connection);
    } catch (err) {
      throw describeS3Error(err, this.url, this.bucket, connection.endpoint);
    }
  }
}

/**
 * Real S3's bucket naming rules (general purpose buckets). Checked here because S3 emulators accept names
 * (uppercase, underscores) that AWS rejects, and a state store must work on both.
 */
export function checkBucketName(bucket: string): void {
  const problem = bucketNameProblem(bucket);
  if (problem) {
    throw new UserError(`s3://${bucket}: invalid S3 bucket name: ${problem}`, 'fix the bucket in --state (or KOPS_STATE_STORE)');
  }
}

function bucketNameProblem(bucket: string): string | undefined {
  if (bucket.length < 3 || bucket.length > 63) return 'it must be 3 to 63 characters long';
  if (!/^[a-z0-9.-]+$/.test(bucket)) return 'only lowercase letters, digits, dots and hyphens are allowed';
  if (!/^[a-z0-9]/.test(bucket) || !/[a-z0-9]$/.test(bucket)) return 'it must begin and end with a letter or digit';
  if (bucket.includes('..')) return 'it must not contain two adjacent dots';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(bucket)) return 'it must not look like an IP address';
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(bucket)) return 'it must not begin with xn--, sthree- or amzn-s3-demo-';
  if (/(-s3alias|--ol-s3|--x-s3|--table-s3)$/.test(bucket)) return 'it must not end with a reserved suffix';
  return undefined;
}

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

function describeS3Error(err: unknown, url: string, bucket: string, endpoint: string): unknown {
  if (err instanceof UserError || err instanceof NotFoundError) return err;
  const name = errorName(err);
  const status = httpStatus(err);
  if (name === 'NoSuchBucket') {
    return new UserError(`bucket ${bucket} does not exist (for ${url})`, 'create it or fix --state');
  }
  if (name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || name === 'ExpiredToken') {
    return new UserError(`the AWS credentials were rejected (${name}) accessing ${url}`, 'check AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY');
  }
  if (name === 'AccessDenied' || name === 'Forbidden' || status === 403) {
    return new UserError(`access denied to ${url}`, 'check the AWS credentials in use and the bucket policy');
  }
  if (name === 'CredentialsProviderError') {
    return new UserError(`no AWS credentials to access ${url}`, 'set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY');
  }
  const code = networkCode(err);
  if (code) {
    return new UserError(`cannot reach the S3 endpoint ${endpoint} (${code}) for ${url}`, 'check AWS_ENDPOINT_URL and the network');
  }
  return err;
}

function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return code;
    const inner = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(inner)) for (const sub of inner) if (networkCode(sub)) return networkCode(sub);
  }
  return undefined;
}

function errorName(err: unknown): string | undefined {
  return (err as { name?: string; Code?: string })?.Code ?? (err as { name?: string })?.name;
}

function httpStatus(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}
