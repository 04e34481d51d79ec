/**
 * A loopback HTTP proxy between kops and moto_server that fails a seeded share of AWS calls the way AWS does:
 * throttling, HTTP 500/503 and dropped connections (answered before moto sees the request, so nothing is done
 * twice), and slow answers (after moto answered). Error bodies follow each service's own protocol, so the SDK
 * parses them into the error codes real AWS sends. It can also kill a process at its Nth mutating call.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultKind = 'throttle' | 'internal' | 'unavailable' | 'reset' | 'slow';

export const ALL_FAULTS: readonly FaultKind[] = ['throttle', 'internal', 'unavailable', 'reset', 'slow'];

/** One AWS call as the proxy sees it. */
export interface ProxiedCall {
  /** The signing name from the credential scope: ec2, iam, sts, autoscaling, elasticloadbalancing, route53, s3, sqs, events. */
  service: string;
  action: string;
  mutating: boolean;
}

export interface KillPoint {
  /** The 1-based index among the mutating calls (those `match` accepts, when given) at which to kill. */
  nth: number;
  match?: (call: ProxiedCall) => boolean;
  /** Before moto sees the call, or after moto has done it but before its answer reaches the caller. */
  when: 'before' | 'after';
  kill: (call: ProxiedCall) => void;
}

export interface FaultProxyOptions {
  target: string;
  /** Share of calls that fail (0..1). */
  rate: number;
  seed: number;
  kinds?: readonly FaultKind[];
  /** How long a slow answer is held back. */
  slowMs?: number;
}

export interface FaultProxy {
  endpoint: string;
  /** Injected faults by kind, since start or the last reset. */
  injected: Record<FaultKind, number>;
  calls: ProxiedCall[];
  setRate(rate: number): void;
  killAt(point: KillPoint | undefined): void;
  reset(): void;
  stop(): Promise<void>;
}

/** A small seeded generator (mulberry32): the same seed gives the same faults for the same calls. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const kinds = options.kinds ?? ALL_FAULTS;
  const random = seededRandom(options.seed);
  let rate = options.rate;
  let killPoint: KillPoint | undefined;
  let mutatingSeen = 0;
  const injected = emptyCounts();
  const calls: ProxiedCall[] = [];
  const target = new URL(options.target);

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const call = describeCall(req, body);
    // moto's own API (reset, recorder) is the test's, not the tool's.
    if (!call) return forward(req, body, res, target, 0);
    calls.push(call);
    const counts = call.mutating && (!killPoint?.match || killPoint.match(call));
    if (counts) mutatingSeen++;
    if (killPoint && counts && mutatingSeen === killPoint.nth) {
      const point = killPoint;
      killPoint = undefined;
      if (point.when === 'after') await forward(req, body, res, target, 0, true);
      point.kill(call);
      res.socket?.destroy();
      return;
    }
    const fault = random() < rate ? kinds[Math.floor(random() * kinds.length)] : undefined;
    if (fault) injected[fault]++;
    switch (fault) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'slow':
        return forward(req, body, res, target, options.slowMs ?? 400);
      case undefined:
        return forward(req, body, res, target, 0);
      default:
        return answerError(res, req.method ?? 'GET', call.service, fault);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    injected,
    calls,
    setRate: (r) => (rate = r),
    killAt: (point) => {
      killPoint = point;
      mutatingSeen = 0;
    },
    reset: () => {
      Object.assign(injected, emptyCounts());
      calls.length = 0;
      mutatingSeen = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function emptyCounts(): Record<FaultKind, number> {
  return { throttle: 0, internal: 0, unavailable: 0, reset: 0, slow: 0 };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Passes the request to moto; `holdMs` delays the answer; `swallow` keeps moto's answer from the caller. */
function forward(req: IncomingMessage, body: Buffer, res: ServerResponse, target: URL, holdMs: number, swallow = false): Promise<void> {
  return new Promise((resolve) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          if (swallow) return resolve();
          setTimeout(() => {
            if (!res.destroyed) {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(chunks));
            }
            resolve();
          }, holdMs);
        });
      },
    );
    upstream.on('error', () => {
      res.socket?.destroy();
      resolve();
    });
    upstream.end(body);
  });
}

/** The AWS call a request makes, or undefined for moto's own API. */
export function describeCall(req: Pick<IncomingMessage, 'headers' | 'method' | 'url'>, body: Buffer): ProxiedCall | undefined {
  const url = req.url ?? '/';
  if (url.startsWith('/moto-api')) return undefined;
  const auth = String(req.headers.authorization ?? '');
  const service = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth)?.[1] ?? 'unknown';
  const target = req.headers['x-amz-target'];
  const queryAction = /(?:^|&)Action=([A-Za-z0-9]+)/.exec(body.toString('utf8'))?.[1] ?? /[?&]Action=([A-Za-z0-9]+)/.exec(url)?.[1];
  const method = req.method ?? 'GET';
  if (typeof target === 'string') {
    const action = target.split('.').pop()!;
    return { service, action, mutating: !/^(Describe|List|Get)/.test(action) };
  }
  if (queryAction) return { service, action: queryAction, mutating: !/^(Describe|List|Get)/.test(queryAction) };
  return { service, action: `${method} ${url.split('?')[0]}`, mutating: !['GET', 'HEAD'].includes(method) };
}

interface ErrorShape {
  status: number;
  code: string;
  message: string;
}

/** What each fault looks like in each service (the codes real AWS answers with). */
function errorFor(service: string, fault: Exclude<FaultKind, 'reset' | 'slow'>): ErrorShape {
  if (fault === 'internal') return { status: 500, code: service === 'ec2' ? 'InternalError' : service === 's3' ? 'InternalError' : 'InternalFailure', message: 'We encountered an internal error. Please try again.' };
  if (fault === 'unavailable') return { status: 503, code: service === 'ec2' ? 'Unavailable' : service === 's3' ? 'ServiceUnavailable' : 'ServiceUnavailable', message: 'The service is unavailable. Please try again shortly.' };
  switch (service) {
    case 'ec2':
      return { status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' };
    case 's3':
      return { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' };
    case 'events':
    case 'sqs':
      return { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' };
    default:
      return { status: 400, code: 'Throttling', message: 'Rate exceeded' };
  }
}

const REQUEST_ID = '00000000-0000-4000-8000-000000000000';

/** An error answer in the service's protocol: EC2 query XML, AWS query XML, REST XML (Route 53, S3) or JSON. */
function answerError(res: ServerResponse, method: string, service: string, fault: Exclude<FaultKind, 'reset' | 'slow'>): void {
  const e = errorFor(service, fault);
  const sender = e.status < 500 ? 'Sender' : 'Receiver';
  let contentType = 'text/xml';
  let body: string;
  switch (service) {
    case 'ec2':
      body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${e.code}</Code><Message>${e.message}</Message></Error></Errors><RequestID>${REQUEST_ID}</RequestID></Response>`;
      break;
    case 's3':
      contentType = 'application/xml';
      body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${e.message}</Message><RequestId>${REQUEST_ID}</RequestId></Error>`;
      break;
    case 'route53':
      body = `<?xml version="1.0"?>\n<ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>${sender}</Type><Code>${e.code}</Code><Message>${e.message}</Message></Error><RequestId>${REQUEST_ID}</RequestId></ErrorResponse>`;
      break;
    case 'events':
    case 'sqs':
      contentType = service === 'sqs' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1';
      body = JSON.stringify({ __type: e.code, message: e.message });
      res.setHeader('x-amzn-errortype', e.code);
      break;
    default:
      body = `<ErrorResponse><Error><Type>${sender}</Type><Code>${e.code}</Code><Message>${e.message}</Message></Error><RequestId>${REQUEST_ID}</RequestId></ErrorResponse>`;
  }
  res.writeHead(e.status, { 'content-type': contentType, 'x-amzn-requestid': REQUEST_ID });
  // A HEAD answer carries no body; the SDK reads the status alone.
  res.end(method === 'HEAD' ? undefined : body);
}
