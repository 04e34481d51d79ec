/**
 * A loopback proxy in front of moto for what moto's Auto Scaling does not do (see ../shared/MOTO-NOTES.md): it answers
 * DescribeScalingActivities with the activities a test sets, refuses SetDesiredCapacity above a group's MaxSize as
 * AWS does, and can report a group as wanting more instances than it runs (a launch that keeps failing).
 * It also drops the user data of CreateLaunchTemplateVersion: moto 5.2 stores it unencoded for a new version and then
 * fails every launch from that version (an AssertionError in its launch-template model, HTTP 500), so a group could
 * never replace an instance after an update. Everything else passes through unchanged.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Activity {
  statusCode: 'Failed' | 'Successful' | 'Cancelled' | 'InProgress';
  statusMessage: string;
  description: string;
  startTime: string;
}

export interface AutoscalingProxy {
  endpoint: string;
  /** Scaling activities per group name, newest first. */
  activities: Map<string, Activity[]>;
  /** Extra desired capacity reported per group name (instances the group wants but could not launch). */
  shortfall: Map<string, number>;
  /** SetDesiredCapacity calls refused for exceeding MaxSize. */
  refused: string[];
  /** Every API action that went through, in order (EC2 and Auto Scaling alike). */
  actions: string[];
  stop(): Promise<void>;
}

export async function startAutoscalingProxy(target: string): Promise<AutoscalingProxy> {
  const upstream = new URL(target);
  const activities = new Map<string, Activity[]>();
  const shortfall = new Map<string, number>();
  const refused: string[] = [];
  const actions: string[] = [];
  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  const describeGroup = async (req: IncomingMessage, name: string) => {
    const body = Buffer.from(`Action=DescribeAutoScalingGroups&Version=2011-01-01&AutoScalingGroupNames.member.1=${encodeURIComponent(name)}`);
    const answer = await forward({ ...req, method: 'POST', headers: { ...req.headers, 'content-length': String(body.length) } } as IncomingMessage, body);
    return answer.body.toString('utf8');
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const params = new URLSearchParams(body.toString('utf8'));
    const action = params.get('Action');
    if (action) actions.push(action);
    const xml = (text: string, status = 200) => {
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(text);
    };
    if (action === 'DescribeScalingActivities') {
      const name = params.get('AutoScalingGroupName') ?? '';
      const members = (activities.get(name) ?? [])
        .map(
          (a, i) =>
            `<member><ActivityId>activity-${i}</ActivityId><AutoScalingGroupName>${name}</AutoScalingGroupName><Description>${a.description}</Description><Cause>test</Cause><StartTime>${a.startTime}</StartTime><StatusCode>${a.statusCode}</StatusCode><StatusMessage>${a.statusMessage}</StatusMessage><Progress>100</Progress></member>`,
        )
        .join('');
      return xml(`<DescribeScalingActivitiesResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><DescribeScalingActivitiesResult><Activities>${members}</Activities></DescribeScalingActivitiesResult><ResponseMetadata><RequestId>proxy</RequestId></ResponseMetadata></DescribeScalingActivitiesResponse>`);
    }
    if (action === 'SetDesiredCapacity') {
      const name = params.get('AutoScalingGroupName') ?? '';
      const desired = Number(params.get('DesiredCapacity'));
      const max = Number(/<MaxSize>(\d+)<\/MaxSize>/.exec(await describeGroup(req, name))?.[1]);
      if (desired > max) {
        refused.push(name);
        return xml(
          `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>New SetDesiredCapacity value ${desired} is above max value ${max} for the AutoScalingGroup.</Message></Error><RequestId>proxy</RequestId></ErrorResponse>`,
          400,
        );
      }
    }
    if (action === 'CreateLaunchTemplateVersion') {
      for (const key of [...params.keys()]) if (key.startsWith('LaunchTemplateData.UserData')) params.delete(key);
      const stripped = Buffer.from(params.toString());
      req.headers['content-length'] = String(stripped.length);
      const answer = await forward(req, stripped);
      res.writeHead(answer.status, answer.headers);
      return res.end(answer.body);
    }
    const answer = await forward(req, body);
    let text = answer.body;
    if (action === 'DescribeAutoScalingGroups' && shortfall.size > 0) {
      let s = text.toString('utf8');
      for (const [name, extra] of shortfall) {
        const re = new RegExp(`(<AutoScalingGroupName>${name.replace(/[.]/g, '\\.')}</AutoScalingGroupName>(?:(?!<AutoScalingGroupName>)[\\s\\S])*?<DesiredCapacity>)(\\d+)`);
        s = s.replace(re, (_, head: string, n: string) => `${head}${Number(n) + extra}`);
      }
      text = Buffer.from(s);
    }
    const headers = { ...answer.headers, 'content-length': String(text.length) };
    res.writeHead(answer.status, headers);
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    activities,
    shortfall,
    refused,
    actions,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
