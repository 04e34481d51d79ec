/**
 * An in-process Cloud Storage JSON API on loopback, for STORAGE_EMULATOR_HOST (paths with or without the
 * `/storage/v1` prefix, as clients given an emulator host send either): buckets hold objects by name with a
 * generation each; object metadata, media download, multipart upload (with ifGenerationMatch preconditions), delete,
 * and listing with prefix, delimiter and page tokens. A bucket's metadata tells whether it has uniform bucket-level
 * access and, with `projection=full` on a bucket without it, its default object ACL. A bucket's IAM policy is read
 * (`GET b/B/iam`) and written (`PUT b/B/iam`) with its etag: a write naming another etag is refused with 412. Answers as the real API does: 404 for a missing object or
 * bucket, 412 for a failed precondition. Not shaped to kops: any client of the JSON API can use it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface StoredObject {
  data: Buffer;
  generation: number;
  contentType: string;
  /** The object's ACL: as given on upload, else the bucket's default object ACL (none with uniform access). */
  acl: { entity: string; role: string }[];
}

/** How a bucket controls access to its objects. */
export interface BucketAccess {
  /** Uniform bucket-level access: IAM alone, no object ACLs (default false). */
  uniformBucketLevelAccess?: boolean;
  /** The ACL new objects get (fine-grained buckets only). */
  defaultObjectAcl?: { entity: string; role: string }[];
}

export interface BucketPolicy {
  version: number;
  etag: string;
  bindings: { role: string; members: string[]; condition?: Record<string, unknown> }[];
}

export interface GcsFake {
  endpoint: string;
  buckets: Map<string, Map<string, StoredObject>>;
  /** IAM policies by bucket (made on first read). */
  policies: Map<string, BucketPolicy>;
  createBucket(name: string, access?: BucketAccess): void;
  stop(): Promise<void>;
}

export async function startGcsFake(): Promise<GcsFake> {
  const buckets = new Map<string, Map<string, StoredObject>>();
  const access = new Map<string, BucketAccess>();
  const policies = new Map<string, BucketPolicy>();
  let generation = 1000;
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((err: Error) => send(res, 500, { error: { code: 500, message: err.message } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    let m = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(path);
    if (m && req.method === 'POST') return upload(decodeURIComponent(m[1]), url, await body(req), req.headers['content-type'] ?? '', res);
    m = /^\/(?:download\/)?(?:storage\/v1\/)?b\/([^/]+)\/o\/(.+)$/.exec(path);
    if (m) {
      const bucket = buckets.get(decodeURIComponent(m[1]));
      if (!bucket) return notFound(res, 'bucket');
      const name = decodeURIComponent(m[2]);
      const object = bucket.get(name);
      if (req.method === 'DELETE') {
        if (!object) return notFound(res, 'object');
        bucket.delete(name);
        res.writeHead(204).end();
        return;
      }
      if (req.method !== 'GET') return send(res, 405, { error: { code: 405, message: `${req.method} not allowed` } });
      if (!object) return notFound(res, 'object');
      if (url.searchParams.get('alt') === 'media') {
        res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.data.length, 'x-goog-generation': String(object.generation) });
        res.end(object.data);
        return;
      }
      return send(res, 200, metadata(m[1], name, object));
    }
    m = /^\/(?:storage\/v1\/)?b\/([^/]+)\/iam$/.exec(path);
    if (m && (req.method === 'GET' || req.method === 'PUT')) return iam(decodeURIComponent(m[1]), req.method, await body(req), res);
    m = /^\/(?:storage\/v1\/)?b\/([^/]+)\/o$/.exec(path);
    if (m && req.method === 'GET') return list(decodeURIComponent(m[1]), url, res);
    m = /^\/(?:storage\/v1\/)?b\/([^/]+)$/.exec(path);
    if (m && req.method === 'GET') return buckets.has(decodeURIComponent(m[1])) ? send(res, 200, bucketMetadata(decodeURIComponent(m[1]), url)) : notFound(res, 'bucket');
    send(res, 404, { error: { code: 404, message: `no route for ${req.method} ${path}` } });
  }

  function iam(bucketName: string, method: string, raw: Buffer, res: ServerResponse): void {
    if (!buckets.has(bucketName)) return notFound(res, 'bucket');
    let policy = policies.get(bucketName);
    if (!policy) {
      policy = { version: 1, etag: etag(++generation), bindings: [] };
      policies.set(bucketName, policy);
    }
    if (method === 'PUT') {
      const given = JSON.parse(raw.toString('utf8') || '{}') as Partial<BucketPolicy>;
      if (given.etag !== undefined && given.etag !== policy.etag) {
        return send(res, 412, { error: { code: 412, message: 'At least one of the pre-conditions you specified did not hold.' } });
      }
      if ((given.bindings ?? []).some((b) => !b.role || !b.members?.length)) return send(res, 400, { error: { code: 400, message: 'each binding needs a role and members' } });
      policy = { version: given.version ?? 1, etag: etag(++generation), bindings: structuredClone(given.bindings ?? []) };
      policies.set(bucketName, policy);
    }
    send(res, 200, { kind: 'storage#policy', resourceId: `projects/_/buckets/${bucketName}`, ...structuredClone(policy) });
  }

  function bucketMetadata(name: string, url: URL): Record<string, unknown> {
    const settings = access.get(name) ?? {};
    const uniform = settings.uniformBucketLevelAccess ?? false;
    const answer: Record<string, unknown> = { kind: 'storage#bucket', id: name, name, iamConfiguration: { uniformBucketLevelAccess: { enabled: uniform } } };
    if (url.searchParams.get('projection') === 'full' && !uniform) {
      answer.defaultObjectAcl = (settings.defaultObjectAcl ?? []).map((rule) => ({ kind: 'storage#objectAccessControl', ...rule }));
    }
    return answer;
  }

  function upload(bucketName: string, url: URL, raw: Buffer, contentType: string, res: ServerResponse): void {
    const bucket = buckets.get(bucketName);
    if (!bucket) return notFound(res, 'bucket');
    let name = url.searchParams.get('name') ?? '';
    let data = raw;
    let type = 'application/octet-stream';
    let acl: StoredObject['acl'] | undefined;
    if (url.searchParams.get('uploadType') === 'multipart') {
      const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
      if (!boundary) return send(res, 400, { error: { code: 400, message: 'multipart upload without a boundary' } });
      const parts = splitMultipart(raw, boundary);
      if (parts.length !== 2) return send(res, 400, { error: { code: 400, message: `expected metadata and media parts, got ${parts.length}` } });
      const meta = JSON.parse(parts[0].body.toString('utf8')) as { name?: string; contentType?: string; acl?: { entity: string; role: string }[] };
      if (meta.acl && access.get(bucketName)?.uniformBucketLevelAccess) {
        return send(res, 400, { error: { code: 400, message: 'Cannot insert legacy ACL for an object when uniform bucket-level access is enabled.' } });
      }
      acl = meta.acl?.map(({ entity, role }) => ({ entity, role }));
      name = meta.name ?? name;
      type = meta.contentType ?? parts[1].headers['content-type'] ?? type;
      data = parts[1].body;
    } else if (url.searchParams.get('uploadType') !== 'media') {
      return send(res, 400, { error: { code: 400, message: `unsupported uploadType ${url.searchParams.get('uploadType')}` } });
    }
    if (!name) return send(res, 400, { error: { code: 400, message: 'object name missing' } });
    const match = url.searchParams.get('ifGenerationMatch');
    const existing = bucket.get(name);
    if (match !== null && Number(match) !== (existing?.generation ?? 0)) {
      return send(res, 412, { error: { code: 412, message: 'At least one of the pre-conditions you specified did not hold.' } });
    }
    const settings = access.get(bucketName) ?? {};
    const object = { data, generation: ++generation, contentType: type, acl: acl ?? (settings.uniformBucketLevelAccess ? [] : structuredClone(settings.defaultObjectAcl ?? [])) };
    bucket.set(name, object);
    send(res, 200, metadata(bucketName, name, object));
  }

  function list(bucketName: string, url: URL, res: ServerResponse): void {
    const bucket = buckets.get(bucketName);
    if (!bucket) return notFound(res, 'bucket');
    const prefix = url.searchParams.get('prefix') ?? '';
    const delimiter = url.searchParams.get('delimiter') ?? '';
    const maxResults = Number(url.searchParams.get('maxResults') ?? 1000);
    const start = url.searchParams.get('pageToken') ?? '';
    const names = [...bucket.keys()].filter((n) => n.startsWith(prefix) && n > start).sort();
    const items: string[] = [];
    const prefixes = new Set<string>();
    let next: string | undefined;
    for (const [i, name] of names.entries()) {
      const cut = delimiter ? name.indexOf(delimiter, prefix.length) : -1;
      const folded = cut >= 0 && prefixes.has(name.slice(0, cut + delimiter.length));
      if (!folded && items.length + prefixes.size >= maxResults) {
        next = names[i - 1];
        break;
      }
      if (cut >= 0) prefixes.add(name.slice(0, cut + delimiter.length));
      else items.push(name);
    }
    const answer: Record<string, unknown> = { kind: 'storage#objects' };
    if (items.length) answer.items = items.map((n) => metadata(bucketName, n, bucket.get(n)!));
    if (prefixes.size) answer.prefixes = [...prefixes];
    if (next) answer.nextPageToken = next;
    send(res, 200, answer);
  }

  // Idle connections stay open as long as Google's front ends keep them (Node's default, 5 s, is far shorter).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    buckets,
    policies,
    createBucket: (name, settings = {}) => {
      buckets.set(name, new Map());
      access.set(name, settings);
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function metadata(bucket: string, name: string, object: StoredObject): Record<string, unknown> {
  return {
    kind: 'storage#object',
    bucket,
    name,
    id: `${bucket}/${name}/${object.generation}`,
    generation: String(object.generation),
    metageneration: '1',
    size: String(object.data.length),
    contentType: object.contentType,
  };
}

function etag(serial: number): string {
  return Buffer.from(`policy-${serial}`).toString('base64');
}

function send(res: ServerResponse, status: number, json: unknown): void {
  const text = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function notFound(res: ServerResponse, what: string): void {
  send(res, 404, { error: { code: 404, message: `No such ${what}.` } });
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function splitMultipart(raw: Buffer, boundary: string): { headers: Record<string, string>; body: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: Record<string, string>; body: Buffer }[] = [];
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const part = raw.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers: Record<string, string> = {};
    for (const line of part.subarray(0, split).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, body: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}
