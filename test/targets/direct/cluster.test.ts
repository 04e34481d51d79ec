import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { CreateHostedZoneCommand } from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isReadOnlyCall } from '../../../src/cloud/aws/clients.js';
import { deleteTasks } from '../../../src/engine/delete.js';
import type { Task } from '../../../src/engine/task.js';
import { buildAwsModel } from '../../../src/model/aws.js';
import type { ModelCluster, ModelInstanceGroup } from '../../../src/model/types.js';
import { updateDirect } from '../../../src/targets/direct/apply.js';
import { loadGoldenInputs } from '../../model/golden-fixture.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';
import { motoCloud } from './moto-cloud.js';

/**
 * The model's tasks for a golden case, moved to a world moto can hold (as ../shared/bench/adapt-golden-tf.sh does
 * for Terraform): region us-east-1, partition aws, a real AMI, our own hosted zone, no instance-store disks.
 */
function clusterTasks(caseName: string, imageId: string, zone: { id: string; name: string }): Task[] {
  const golden = loadGoldenInputs(caseName);
  const move = <T>(v: T): T => JSON.parse(JSON.stringify(v).replace(/us-test-1/g, 'us-east-1').replace(/arn:aws-test:/g, 'arn:aws:')) as T;
  const cluster = move(golden.cluster) as ModelCluster;
  const instanceGroups = move(golden.instanceGroups) as ModelInstanceGroup[];
  const images = Object.fromEntries(Object.entries(golden.ctx.images).map(([name, info]) => [name, { ...info, id: imageId }]));
  const instanceTypes = Object.fromEntries(Object.keys(golden.ctx.instanceTypes).map((t) => [t, { instanceStoreDisks: 0 }]));
  return buildAwsModel(cluster, instanceGroups, {
    ...golden.ctx,
    region: 'us-east-1',
    partition: 'aws',
    images,
    instanceTypes,
    dnsZone: { ...zone, private: false },
    files: move(golden.ctx.files),
    userData: golden.ctx.userData,
  });
}

/** minimal-ipv6 is left out: moto rejects the Go kops's target group names with `--` (AWS takes them). */
const CASES = (process.env.KOPS_DIRECT_CASES ?? 'minimal-aws,privatecalico').split(',');

describe.each(CASES)('direct target: a whole cluster from the model (%s) against moto', (caseName) => {
  let moto: MotoServer;
  let tasks: () => Task[];
  beforeAll(async () => {
    moto = await startMoto();
    const cloud = motoCloud(moto);
    const images = await cloud.aws.ec2.send(new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }));
    // The images call above also warms moto up (its EC2 backend loads for seconds on first use).
    const zone = await cloud.aws.route53.send(new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: 'cluster-test' }));
    const zoneRef = { id: zone.HostedZone!.Id!.replace('/hostedzone/', ''), name: 'example.com' };
    tasks = () => clusterTasks(caseName, images.Images![0].ImageId!, zoneRef);
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
  });

  test('update --yes creates the cluster; the next preview says no changes and makes no mutating call', async () => {
    const cloud = motoCloud(moto);
    const log: string[] = [];
    const env = { ...moto.env, KOPS_AWS_EMULATOR: 'moto' };
    let started = Date.now();
    const first = await updateDirect(tasks(), { aws: cloud.aws, yes: true, out: () => {}, log: (l) => log.push(l), env });
    expect(first.failed).toEqual([]);
    console.log(`${caseName} apply: ${first.outcomes.length} tasks, ${cloud.calls.length} calls, ${Date.now() - started} ms; ${log.at(-1)}`);
    expect(log.at(-1)).toMatch(/^Resources: created \d+, updated 0, unchanged \d+$/);

    cloud.reset();
    let plan = '';
    started = Date.now();
    await updateDirect(tasks(), { aws: cloud.aws, yes: false, out: (t) => (plan += t), log: () => {}, env });
    console.log(`${caseName} plan: ${cloud.calls.length} calls, ${Date.now() - started} ms`);
    expect(plan).toBe('No changes need to be applied\n');
    expect(cloud.calls.filter((c) => !isReadOnlyCall(c.command))).toEqual([]);
  }, 240_000);

  test('delete removes what the update made', async () => {
    const cloud = motoCloud(moto);
    const started = Date.now();
    const result = await deleteTasks(tasks(), { provider: cloud.provider, roundDelay: () => 200 });
    expect(result.failed).toEqual([]);
    console.log(`${caseName} delete: ${result.deleted.length} objects, ${cloud.calls.length} calls, ${Date.now() - started} ms`);
    const after = await cloud.run(tasks(), { apply: false });
    expect(after.outcomes.filter((o) => o.action !== 'create' && o.task.type !== 'managed_file').map((o) => o.key)).toEqual([]);
  }, 240_000);
});
