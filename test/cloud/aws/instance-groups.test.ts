import { CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { CreateLaunchTemplateCommand, CreateLaunchTemplateVersionCommand, DescribeImagesCommand, DescribeInstancesCommand, ModifyLaunchTemplateCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAwsClients, type AwsClients } from '../../../src/cloud/aws/clients.js';
import { awsInstanceGroups } from '../../../src/cloud/aws/instance-groups.js';
import { startMoto, type MotoServer } from '../../helpers/moto.js';

let moto: MotoServer;
let aws: AwsClients;

beforeAll(async () => {
  moto = await startMoto();
  aws = createAwsClients({ env: moto.env, maxAttempts: 2 });
  const image = (await aws.ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images![0].ImageId!;
  const lt = await aws.ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'nodes.t.k8s.local', LaunchTemplateData: { ImageId: image, InstanceType: 't3.medium' } }));
  const ltId = lt.LaunchTemplate!.LaunchTemplateId!;
  const group = (name: string, ig: string, cluster: string, size: number) =>
    aws.autoScaling.send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: name,
        MinSize: size,
        MaxSize: size + 2,
        DesiredCapacity: size,
        AvailabilityZones: ['us-east-1a'],
        LaunchTemplate: { LaunchTemplateId: ltId, Version: '$Latest' },
        Tags: [
          { Key: 'KubernetesCluster', Value: cluster, PropagateAtLaunch: true },
          { Key: 'kops.k8s.io/instancegroup', Value: ig, PropagateAtLaunch: true },
        ],
      }),
    );
  await group('nodes.t.k8s.local', 'nodes', 't.k8s.local', 2);
  await group('nodes.other.k8s.local', 'nodes', 'other.k8s.local', 1);
  // A new template version after launch: the running instances are out of date.
  await aws.ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: ltId, SourceVersion: '1', LaunchTemplateData: { InstanceType: 't3.large' } }));
  await aws.ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: ltId, DefaultVersion: '2' }));
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

describe('AWS instance groups', () => {
  test('lists only the cluster groups, with sizes, instances and whether each runs the current template version', async () => {
    const groups = await awsInstanceGroups(aws).list('t.k8s.local', []);
    expect(groups.map((g) => [g.instanceGroup, g.cloudName, g.minSize, g.maxSize, g.desiredCapacity, g.currentVersion])).toEqual([
      ['nodes', 'nodes.t.k8s.local', 2, 4, 2, '2'],
    ]);
    const [group] = groups;
    expect(group.instances).toHaveLength(2);
    for (const i of group.instances) {
      expect(i.id).toMatch(/^i-/);
      expect(i.state).toBe('InService');
      expect(i.launchTemplateVersion).toBe('1');
      expect(i.upToDate).toBe(false);
      expect(i.privateIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(i.machineType).toBe('t3.medium');
      expect(i.zone).toBe('us-east-1a');
    }
  });

  test('sets the desired capacity, detaches and terminates instances', async () => {
    const groups = awsInstanceGroups(aws);
    const [group] = await groups.list('t.k8s.local', []);
    await groups.setDesiredCapacity(group, 3);
    const [grown] = await groups.list('t.k8s.local', []);
    expect(grown.desiredCapacity).toBe(3);

    const [first, second] = grown.instances;
    await groups.detach(grown, first.id, { decrement: true });
    const [afterDetach] = await groups.list('t.k8s.local', []);
    expect(afterDetach.desiredCapacity).toBe(2);
    // No longer a member: listed as the group's detached instance (kops tags it), until it is terminated.
    expect(afterDetach.instances.filter((i) => i.state !== 'Detached').map((i) => i.id)).not.toContain(first.id);
    expect(afterDetach.instances.find((i) => i.id === first.id)?.state).toBe('Detached');

    await groups.terminate(second.id);
    const described = await aws.ec2.send(new DescribeInstancesCommand({ InstanceIds: [second.id] }));
    expect(described.Reservations![0].Instances![0].State!.Name).toMatch(/shutting-down|terminated/);
    const asg = await aws.autoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['nodes.other.k8s.local'] }));
    expect(asg.AutoScalingGroups![0].DesiredCapacity).toBe(1);
  });
});
