import { describe, expect, test } from 'vitest';
import { deletionOrder } from '../../../src/cloud/aws/delete-discovery.js';
import type { Blocker } from '../../../src/cloud/types.js';
import type { DeletePolicy } from '../../../src/ops/delete/delete.js';
import { deleteFakes, type FakeObject } from './run-deletion.js';

const awsError = (name: string, message = name) => Object.assign(new Error(message), { name, $action: 'Delete' });

/** Fake clock: sleeping advances time instantly. */
function policy(overrides: Partial<DeletePolicy> = {}): DeletePolicy & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    concurrency: 4,
    waitMs: 60_000,
    maxAttempts: 0,
    intervalMs: 10_000,
    explainAfter: 3,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
    slept,
    ...overrides,
  };
}

function resource(type: string, id: string, run: () => Promise<void> = async () => {}, extra: Partial<FakeObject> = {}): FakeObject {
  return { type, id, run, ...extra };
}

describe('deleting the objects of a cluster', () => {
  test('users go before what they use: instances, then subnets, security groups, the VPC, then its DHCP options', async () => {
    const log: string[] = [];
    const r = (type: string, id: string) => resource(type, id, async () => void log.push(id));
    const items = [r('dhcp-options', 'dopt'), r('vpc', 'vpc'), r('security-group', 'sg'), r('subnet', 'subnet'), r('instance', 'i'), r('autoscaling-group', 'asg'), r('security-group-rules', 'rules'), r('iam-role', 'role'), r('iam-instance-profile', 'profile')];

    const report = await deleteFakes(items, policy());

    expect(report.failed).toEqual([]);
    const before = (a: string, b: string) => expect(log.indexOf(a), `${a} before ${b}`).toBeLessThan(log.indexOf(b));
    before('asg', 'i');
    before('i', 'subnet');
    before('rules', 'sg');
    before('subnet', 'vpc');
    before('sg', 'vpc');
    before('vpc', 'dopt');
    before('profile', 'role');
    expect(log).toHaveLength(items.length);
  });

  test('the deletion order lists every kind once, each after what must go first', () => {
    const order = deletionOrder();
    expect(new Set(order).size).toBe(order.length);
    expect(order.indexOf('load-balancer')).toBeLessThan(order.indexOf('target-group'));
    expect(order.indexOf('nat-gateway')).toBeLessThan(order.indexOf('elastic-ip'));
    expect(order.indexOf('internet-gateway')).toBeLessThan(order.indexOf('vpc'));
    expect(order.indexOf('eventbridge-rule')).toBeLessThan(order.indexOf('sqs-queue'));
  });

  test('an object that is already gone counts as deleted', async () => {
    const report = await deleteFakes([resource('vpc', 'vpc-1', async () => Promise.reject(awsError('InvalidVpcID.NotFound')))], policy());
    expect(report.done.map((r) => r.id)).toEqual(['vpc-1']);
  });

  test('an object still in use is retried with growing pauses until it goes', async () => {
    let calls = 0;
    const p = policy();
    const subnet = resource('subnet', 'subnet-1', async () => {
      if (++calls < 4) throw awsError('DependencyViolation');
    });
    const events: string[] = [];

    const report = await deleteFakes([subnet], p, (e) => events.push(e.kind));

    expect(report.done).toHaveLength(1);
    expect(calls).toBe(4);
    expect(p.slept).toEqual([500, 1000, 2000]);
    expect(events).toEqual(['retrying', 'retrying', 'retrying', 'done']);
  });

  test('retries are bounded by --count, and what depends on the stuck object is left, not attempted', async () => {
    let vpcCalls = 0;
    const items = [
      resource('subnet', 'subnet-1', async () => Promise.reject(awsError('DependencyViolation', 'has dependencies'))),
      resource('vpc', 'vpc-1', async () => void vpcCalls++),
      resource('iam-role', 'role-1'),
    ];

    const report = await deleteFakes(items, policy({ maxAttempts: 3 }));

    expect(report.failed.map((f) => [f.item.id, f.reason])).toEqual([['subnet-1', 'still in use: Delete: DependencyViolation: has dependencies']]);
    expect(report.skipped.map((s) => [s.item.id, s.waitingFor.id])).toEqual([['vpc-1', 'subnet-1']]);
    expect(vpcCalls).toBe(0);
    expect(report.done.map((r) => r.id)).toEqual(['role-1']);
  });

  test('retries are bounded by the wait as well', async () => {
    const p = policy({ waitMs: 5_000 });
    const report = await deleteFakes([resource('vpc', 'vpc-1', async () => Promise.reject(awsError('DependencyViolation')))], p);
    expect(report.failed).toHaveLength(1);
    expect(p.slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5_000);
  });

  test('when something outside the cluster holds an object, the run names it instead of waiting', async () => {
    let calls = 0;
    const blocker: Blocker = { blocked: 'subnet subnet-1', by: 'instance i-stray (Name=debug)', hint: 'terminate it' };
    const subnet = resource(
      'subnet',
      'subnet-1',
      async () => {
        calls++;
        throw awsError('DependencyViolation');
      },
      { holders: async () => [blocker] },
    );

    const report = await deleteFakes([subnet], policy());

    expect(calls).toBe(3);
    expect(report.blockers).toEqual([blocker]);
    expect(report.failed).toHaveLength(1);
  });

  test('an error that retrying will not fix fails at once', async () => {
    let calls = 0;
    const denied = resource('iam-role', 'r', async () => {
      calls++;
      throw awsError('AccessDenied', 'not allowed');
    });
    const report = await deleteFakes([denied], policy());
    expect(calls).toBe(1);
    expect(report.failed.map((f) => f.reason)).toEqual(['Delete: AccessDenied: not allowed']);
  });

  test('no more calls are in flight than the concurrency allows', async () => {
    let active = 0;
    let peak = 0;
    const slow = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    const items = Array.from({ length: 12 }, (_, i) => resource('route53-record', `r${i}`, slow));
    await deleteFakes(items, policy({ concurrency: 3 }));
    expect(peak).toBe(3);
  });
});
