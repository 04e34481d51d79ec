/** The hook lookup of the warm-pool completion against moto (moto does not implement CompleteLifecycleAction). */
import { AutoScalingClient, CreateAutoScalingGroupCommand, CreateLaunchConfigurationCommand, PutLifecycleHookCommand } from '@aws-sdk/client-auto-scaling';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { autoScalingHookClient, completeWarmPoolLifecycleAction } from '../../src/nodeup/lifecycle-hook.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';

let moto: MotoServer;

beforeAll(async () => {
  moto = await startMoto();
  Object.assign(process.env, moto.env);
  const asg = new AutoScalingClient({ region: 'us-east-1' });
  await asg.send(new CreateLaunchConfigurationCommand({ LaunchConfigurationName: 'lc', ImageId: 'ami-12c6146b', InstanceType: 't3.medium' }));
  for (const name of ['nodes.c.example.com', 'other.c.example.com']) {
    await asg.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: name, LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] }));
  }
  await asg.send(new PutLifecycleHookCommand({ AutoScalingGroupName: 'nodes.c.example.com', LifecycleHookName: 'kops-warmpool', LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING' }));
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

test('the kops-warmpool hook is found on its group only; a group without it is left alone', async () => {
  const client = autoScalingHookClient('us-east-1');
  expect(await client.hookExists('nodes.c.example.com', 'kops-warmpool')).toBe(true);
  expect(await client.hookExists('other.c.example.com', 'kops-warmpool')).toBe(false);
  expect(await completeWarmPoolLifecycleAction(client, 'other', 'c.example.com', 'i-0abc')).toBe(false);
});
