import { DeleteAutoScalingGroupCommand, paginateDescribeAutoScalingGroups, type AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import {
  DeleteKeyPairCommand,
  DeleteLaunchTemplateCommand,
  DeleteVolumeCommand,
  DescribeKeyPairsCommand,
  TerminateInstancesCommand,
  paginateDescribeInstances,
  paginateDescribeLaunchTemplates,
  paginateDescribeVolumes,
  type Instance,
  type KeyPairInfo,
  type LaunchTemplate,
  type Volume,
} from '@aws-sdk/client-ec2';
import type { AwsClients } from '../clients.js';
import { clusterTagFilter, collect, ignoreGone, tagsOf, untagEc2 } from './aws-util.js';
import { ownership, type ClusterResource } from './resource.js';

export interface ComputeSnapshot {
  groups: AutoScalingGroup[];
  instances: Instance[];
  volumes: Volume[];
  keyPairs: KeyPairInfo[];
  launchTemplates: LaunchTemplate[];
}

const LIVE_INSTANCE_STATES = ['pending', 'running', 'stopping', 'stopped'];

export async function describeCompute(aws: AwsClients, clusterName: string): Promise<ComputeSnapshot> {
  const ec2 = { client: aws.ec2 };
  const [groups, instances, volumes, keyPairs, launchTemplates] = await Promise.all([
    collect(paginateDescribeAutoScalingGroups({ client: aws.autoScaling }, { Filters: [{ Name: 'tag:KubernetesCluster', Values: [clusterName] }] }), (p) => p.AutoScalingGroups),
    collect(
      paginateDescribeInstances(ec2, { Filters: [...clusterTagFilter(clusterName), { Name: 'instance-state-name', Values: LIVE_INSTANCE_STATES }] }),
      (p) => (p.Reservations ?? []).flatMap((r) => r.Instances ?? []),
    ),
    collect(paginateDescribeVolumes(ec2, { Filters: clusterTagFilter(clusterName) }), (p) => p.Volumes),
    aws.ec2.send(new DescribeKeyPairsCommand({})).then((r) => r.KeyPairs ?? []),
    collect(paginateDescribeLaunchTemplates(ec2, { Filters: clusterTagFilter(clusterName) }), (p) => p.LaunchTemplates),
  ]);
  return { groups, instances, volumes, keyPairs, launchTemplates };
}

export interface ComputePlan {
  resources: ClusterResource[];
  instanceIds: Set<string>;
}

export function planCompute(snap: ComputeSnapshot, clusterName: string): ComputePlan {
  const resources: ClusterResource[] = [];
  const instanceIds = new Set<string>();
  for (const group of snap.groups) {
    const tags = Object.fromEntries((group.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
    if (ownership(tags, clusterName) !== 'owned') continue;
    const id = group.AutoScalingGroupName!;
    // Members are terminated with the group (ForceDelete); they are also listed so that nothing is left running.
    for (const i of group.Instances ?? []) if (i.InstanceId) instanceIds.add(i.InstanceId);
    resources.push({
      type: 'autoscaling-group',
      id,
      name: tags.Name ?? id,
      action: 'delete',
      run: (aws) => ignoreGone(() => aws.autoScaling.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: id, ForceDelete: true }))),
    });
  }
  for (const instance of snap.instances) {
    if (ownership(tagsOf(instance), clusterName) === 'owned') instanceIds.add(instance.InstanceId!);
  }
  const names = new Map(snap.instances.map((i) => [i.InstanceId!, tagsOf(i).Name ?? '']));
  for (const id of [...instanceIds].sort()) {
    resources.push({
      type: 'instance',
      id,
      name: names.get(id) ?? '',
      action: 'delete',
      run: (aws) => ignoreGone(() => aws.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }))),
    });
  }
  for (const volume of snap.volumes) {
    const tags = tagsOf(volume);
    const owner = ownership(tags, clusterName);
    // Root volumes go with their instance.
    if (!owner || (volume.Attachments ?? []).some((a) => a.DeleteOnTermination)) continue;
    const id = volume.VolumeId!;
    resources.push({
      type: 'volume',
      id,
      name: tags.Name ?? '',
      action: owner === 'owned' ? 'delete' : 'untag',
      run: owner === 'owned' ? (aws) => ignoreGone(() => aws.ec2.send(new DeleteVolumeCommand({ VolumeId: id }))) : (aws) => untagEc2(aws.ec2, id, tags, clusterName),
    });
  }
  const keyPrefix = `kubernetes.${clusterName}`;
  for (const key of snap.keyPairs) {
    const name = key.KeyName ?? '';
    const named = name === keyPrefix || name.startsWith(`${keyPrefix}-`);
    if (!named && ownership(tagsOf(key), clusterName) !== 'owned') continue;
    resources.push({
      type: 'keypair',
      id: key.KeyPairId ?? name,
      name,
      action: 'delete',
      run: (aws) => ignoreGone(() => aws.ec2.send(new DeleteKeyPairCommand({ KeyName: name }))),
    });
  }
  for (const template of snap.launchTemplates) {
    if (ownership(tagsOf(template), clusterName) !== 'owned') continue;
    const id = template.LaunchTemplateId!;
    resources.push({
      type: 'autoscaling-config',
      id,
      name: template.LaunchTemplateName ?? '',
      action: 'delete',
      run: (aws) => ignoreGone(() => aws.ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: id }))),
    });
  }
  return { resources, instanceIds };
}
