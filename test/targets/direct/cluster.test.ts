import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isReadOnlyCall } from '../../../src/cloud/aws/clients.js';
import { deleteTasks } from '../../../src/engine/run.js';
import type { Task } from '../../../src/engine/task.js';
import { updateDirect } from '../../../src/targets/direct/apply.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { goldenClusterTasks, prepareWorld, type MotoWorld } from './golden-cluster.js';
import { motoCloud } from './moto-cloud.js';

/** minimal-ipv6 is left out: moto rejects the Go kops's target group names with `--` (AWS takes them). */
const CASES = (process.env.KOPS_DIRECT_CASES ?? 'minimal-aws,privatecalico').split(',');

// One moto for all cases: each cluster has its own names and objects.
let moto: MotoServer;
let world: MotoWorld;
beforeAll(async () => {
  moto = await startMoto();
  world = await prepareWorld(motoCloud(moto).aws);
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

describe.each(CASES)('direct target: a whole cluster from the model (%s) against moto', (caseName) => {
  const tasks = (): Task[] => goldenClusterTasks(caseName, world);

  test('update --yes creates the cluster; the next preview says no changes and makes no mutating call', async () => {
    const cloud = motoCloud(moto);
    const log: string[] = [];
    let started = Date.now();
    const first = await updateDirect(tasks(), { provider: cloud.provider, yes: true, out: () => {}, log: (l) => log.push(l) });
    expect(first.failed).toEqual([]);
    console.log(`${caseName} apply: ${first.outcomes.length} tasks, ${cloud.calls.length} calls, ${Date.now() - started} ms; ${log.at(-1)}`);
    expect(log.at(-1)).toMatch(/^Resources: created \d+, updated 0, unchanged \d+$/);

    cloud.reset();
    let plan = '';
    started = Date.now();
    await updateDirect(tasks(), { provider: cloud.provider, yes: false, out: (t) => (plan += t), log: () => {} });
    console.log(`${caseName} plan: ${cloud.calls.length} calls, ${Date.now() - started} ms`);
    expect(plan).toBe('No changes need to be applied\n');
    expect(cloud.calls.filter((c) => !isReadOnlyCall(c.command))).toEqual([]);
  }, 240_000);

  test('delete removes what the update made', async () => {
    const cloud = motoCloud(moto);
    const started = Date.now();
    const result = await deleteTasks(tasks(), { provider: cloud.provider, policy: { intervalMs: 200 } });
    expect(result.failed).toEqual([]);
    console.log(`${caseName} delete: ${result.deleted.length} objects, ${cloud.calls.length} calls, ${Date.now() - started} ms`);
    const after = await cloud.run(tasks(), { apply: false });
    expect(after.outcomes.filter((o) => o.action !== 'create' && o.task.type !== 'managed_file').map((o) => o.key)).toEqual([]);
  }, 240_000);
});
