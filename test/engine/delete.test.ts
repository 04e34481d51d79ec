import { describe, expect, test } from 'vitest';
import { deleteInOrder, deleteTasks } from '../../src/engine/delete.js';
import { runTasks } from '../../src/engine/run.js';
import { ref } from '../../src/engine/task.js';
import { CloudError, FakeCloud, fakeOps, fakeProvider, task } from './fake-provider.js';

const noWait = () => 0;

function setup() {
  const cloud = new FakeCloud();
  const provider = fakeProvider(cloud, [fakeOps('fake_vpc'), fakeOps('fake_subnet'), fakeOps('fake_sg')]);
  const vpc = task('fake_vpc', 'main', {});
  const subnet = task('fake_subnet', 'a', { vpcId: ref(vpc) });
  const sg = task('fake_sg', 'nodes', { vpcId: ref(vpc) });
  return { cloud, provider, tasks: [vpc, subnet, sg] };
}

describe('deletion', () => {
  test('deletes users before what they use', async () => {
    const { cloud, provider, tasks } = setup();
    await runTasks(tasks, { provider, apply: true });
    cloud.calls.length = 0;
    const result = await deleteTasks(tasks, { provider, roundDelay: noWait });
    expect(result.failed).toEqual([]);
    const deletes = cloud.calls.filter((c) => c.startsWith('delete'));
    expect(deletes).toHaveLength(3);
    expect(deletes[2]).toMatch(/^delete fake_vpc\//);
    expect(cloud.objects.size).toBe(0);
  });

  test('a DependencyViolation is retried in a later round, a bounded number of times', async () => {
    const { cloud, provider } = setup();
    const id = cloud.put('fake_vpc', { name: 'main' });
    const label = `delete fake_vpc/${id}`;
    cloud.failures.set(label, [new CloudError('dependencyViolation', 'has dependencies'), new CloudError('dependencyViolation', 'has dependencies')]);
    const items = [{ key: 'fake_vpc/main', type: 'fake_vpc', actual: { id, fields: {} } }];
    expect((await deleteInOrder(items, { provider, roundDelay: noWait })).deleted).toEqual(['fake_vpc/main']);

    const stuck = cloud.put('fake_vpc', { name: 'stuck' });
    cloud.failures.set(`delete fake_vpc/${stuck}`, Array.from({ length: 20 }, () => new CloudError('dependencyViolation', 'has dependencies')));
    const result = await deleteInOrder([{ key: 'fake_vpc/stuck', type: 'fake_vpc', actual: { id: stuck, fields: {} } }], { provider, roundDelay: noWait, maxRounds: 4 });
    expect(result.failed).toEqual([{ key: 'fake_vpc/stuck', error: 'has dependencies' }]);
    expect(cloud.calls.filter((c) => c === `delete fake_vpc/${stuck}`)).toHaveLength(4);
  });

  test('an object already gone counts as deleted; a hard failure keeps what it uses', async () => {
    const { cloud, provider } = setup();
    const vpcId = cloud.put('fake_vpc', { name: 'main' });
    const sgId = cloud.put('fake_sg', { name: 'nodes' });
    const subnetId = cloud.put('fake_subnet', { name: 'a' });
    cloud.failures.set(`delete fake_sg/${sgId}`, [new CloudError('notFound', 'gone')]);
    cloud.failures.set(`delete fake_subnet/${subnetId}`, [new Error('access denied')]);
    const result = await deleteInOrder(
      [
        { key: 'vpc', type: 'fake_vpc', actual: { id: vpcId, fields: {} } },
        { key: 'sg', type: 'fake_sg', actual: { id: sgId, fields: {} }, uses: ['vpc'] },
        { key: 'subnet', type: 'fake_subnet', actual: { id: subnetId, fields: {} }, uses: ['vpc'] },
      ],
      { provider, roundDelay: noWait },
    );
    expect(result.deleted).toEqual(['sg']);
    expect(result.failed).toEqual([
      { key: 'vpc', error: 'still in use by objects that could not be deleted' },
      { key: 'subnet', error: 'access denied' },
    ]);
    expect(cloud.calls.filter((c) => c.startsWith(`delete fake_vpc`))).toEqual([]);
  });
});
