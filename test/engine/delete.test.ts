import { describe, expect, test } from 'vitest';
import { deleteTasks, runRemovals, runTasks, type RemovalPolicy } from '../../src/engine/run.js';
import { ref } from '../../src/engine/task.js';
import { CloudError, FakeCloud, fakeOps, fakeProvider, task } from './fake-provider.js';

const quick: Partial<RemovalPolicy> = { intervalMs: 0 };

function setup() {
  const cloud = new FakeCloud();
  const provider = fakeProvider(cloud, [fakeOps('fake_vpc'), fakeOps('fake_subnet'), fakeOps('fake_sg')]);
  const vpc = task('fake_vpc', 'main', {});
  const subnet = task('fake_subnet', 'a', { vpcId: ref(vpc) });
  const sg = task('fake_sg', 'nodes', { vpcId: ref(vpc) });
  return { cloud, provider, tasks: [vpc, subnet, sg] };
}

describe('deletion', () => {
  test('deletes users before what they use, through each type\'s delete op', async () => {
    const { cloud, provider, tasks } = setup();
    await runTasks(tasks, { provider, apply: true });
    cloud.calls.length = 0;
    const result = await deleteTasks(tasks, { provider, policy: quick });
    expect(result.failed).toEqual([]);
    const deletes = cloud.calls.filter((c) => c.startsWith('delete'));
    expect(deletes).toHaveLength(3);
    expect(deletes[2]).toMatch(/^delete fake_vpc\//);
    expect(cloud.objects.size).toBe(0);
  });

  test('a DependencyViolation is retried, a bounded number of times', async () => {
    const { cloud, provider, tasks } = setup();
    await runTasks(tasks, { provider, apply: true });
    const id = cloud.objects.get('fake_vpc/main')!.id;
    cloud.failures.set(`delete fake_vpc/${id}`, Array.from({ length: 20 }, () => new CloudError('dependencyViolation', 'has dependencies')));
    const result = await deleteTasks(tasks, { provider, policy: { ...quick, maxAttempts: 4 } });
    expect(result.failed).toEqual([{ key: 'fake_vpc/main', error: 'still in use: has dependencies' }]);
    expect(cloud.calls.filter((c) => c === `delete fake_vpc/${id}`)).toHaveLength(4);
  });

  test('an object already gone counts as removed; a hard failure keeps what waits for it', async () => {
    const removed: string[] = [];
    const items = [
      { key: 'vpc', after: ['sg', 'subnet'] },
      { key: 'sg', after: [] },
      { key: 'subnet', after: [] },
    ];
    const report = await runRemovals(
      items,
      { concurrency: 2, waitMs: 1000, maxAttempts: 3, intervalMs: 0, explainAfter: 3 },
      {
        async remove(item) {
          if (item.key === 'sg') throw new CloudError('notFound', 'gone');
          if (item.key === 'subnet') throw new Error('access denied');
          removed.push(item.key);
        },
        classify: (err) => (err instanceof CloudError ? err.kind : 'other'),
        describe: (err) => (err as Error).message,
      },
    );
    expect(report.done.map((i) => i.key)).toEqual(['sg']);
    expect(report.failed.map((f) => [f.item.key, f.reason])).toEqual([['subnet', 'access denied']]);
    expect(report.skipped.map((s) => [s.item.key, s.waitingFor.key])).toEqual([['vpc', 'subnet']]);
    expect(removed).toEqual([]);
  });
});
