import {
  DescribeScalingActivitiesCommand,
  DetachInstancesCommand,
  paginateDescribeAutoScalingGroups,
  SetDesiredCapacityCommand,
  TerminateInstanceInAutoScalingGroupCommand,
  type AutoScalingGroup,
  type LaunchTemplateSpecification,
} from '@aws-sdk/client-auto-scaling';
import {
  CreateTagsCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  paginateDescribeInstances,
  TerminateInstancesCommand,
  type Instance,
} from '@aws-sdk/client-ec2';
import type { CloudInstance, CloudInstanceGroup, CloudInstanceGroups, FailedScaling } from '../types.js';
import { awsErrorCode, classifyAwsError, type AwsClients } from './clients.js';
import { AutoscalingGroup } from './resources/autoscaling-group.js';
import { ClusterInstance } from './resources/instance.js';
import { LaunchTemplate } from './resources/launch-template.js';

const INSTANCE_GROUP_TAG = 'kops.k8s.io/instancegroup';
const LAUNCH_TEMPLATE_VERSION_TAG = 'aws:ec2launchtemplate:version';
/** Tag kops puts on an instance it detached from its autoscaling group (the group's name), as the Go kops does. */
export const DETACHED_TAG = 'kops.k8s.io/detached-from-asg';
const ROLE_TAG_PREFIX = 'k8s.io/role/';

/**
 * The cluster's autoscaling groups (tagged `KubernetesCluster=NAME` and with an instance group name) and their
 * instances. A listing costs one DescribeAutoScalingGroups page per 100 groups, one DescribeInstances page per 1,000
 * instances of the cluster and one DescribeLaunchTemplates per 200 templates: it grows with groups, not instances.
 */
export function awsInstanceGroups(aws: AwsClients): CloudInstanceGroups {
  return {
    async list(clusterName) {
      const groups: AutoScalingGroup[] = [];
      const pages = paginateDescribeAutoScalingGroups(
        { client: aws.autoScaling, pageSize: 100 },
        { Filters: [{ Name: 'tag:KubernetesCluster', Values: [clusterName] }] },
      );
      for await (const page of pages) groups.push(...(page.AutoScalingGroups ?? []));
      const ours = groups.filter((g) => tagOf(g, 'KubernetesCluster') === clusterName && tagOf(g, INSTANCE_GROUP_TAG) && g.Status !== 'Delete in progress');
      const instances = await clusterInstances(aws, clusterName);
      const versions = await currentVersions(aws, ours);
      return ours.map((g) => toGroup(g, instances, versions)).sort((a, b) => a.instanceGroup.localeCompare(b.instanceGroup));
    },
    async detach(group, instanceId, options = {}) {
      // The tag lets a later listing (and an interrupted rolling update) find the instance as the group's, detached.
      await aws.ec2.send(new CreateTagsCommand({ Resources: [instanceId], Tags: [{ Key: DETACHED_TAG, Value: group.cloudName }] }));
      await aws.autoScaling.send(
        new DetachInstancesCommand({ AutoScalingGroupName: group.cloudName, InstanceIds: [instanceId], ShouldDecrementDesiredCapacity: options.decrement ?? false }),
      );
    },
    async terminate(instanceId, group) {
      const member = group?.instances.some((i) => i.id === instanceId && i.state !== 'Detached');
      if (member) {
        try {
          await aws.autoScaling.send(new TerminateInstanceInAutoScalingGroupCommand({ InstanceId: instanceId, ShouldDecrementDesiredCapacity: false }));
          return;
        } catch (err) {
          // A retried call can fail because its first attempt did the work; an instance detached since the group was
          // listed is no longer the group's: it is terminated directly.
          if (await isTerminating(aws, instanceId)) return;
        }
      }
      try {
        await aws.ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
      } catch (err) {
        if (awsErrorCode(err) !== 'InvalidInstanceID.NotFound' && classifyAwsError(err) !== 'notFound') throw err;
      }
    },
    async setDesiredCapacity(group, desired) {
      await aws.autoScaling.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: group.cloudName, DesiredCapacity: desired, HonorCooldown: false }));
    },
    async failedScaling(group) {
      const out = await aws.autoScaling.send(new DescribeScalingActivitiesCommand({ AutoScalingGroupName: group.cloudName, MaxRecords: 20 }));
      const failed: FailedScaling[] = [];
      // Newest first: failures older than the last success are history, not the group's state.
      for (const activity of out.Activities ?? []) {
        if (activity.StatusCode === 'Successful') break;
        if (activity.StatusCode !== 'Failed' && activity.StatusCode !== 'Cancelled') continue;
        const reason = (activity.StatusMessage || activity.Description || 'no reason given').trim();
        failed.push({ time: activity.StartTime ? new Date(activity.StartTime).toISOString() : '', reason });
      }
      return failed;
    },
    async deleteGroup(group) {
      for (const i of group.instances.filter((i) => i.state === 'Detached')) await ClusterInstance.delete!(aws, { id: i.id, fields: {} });
      await AutoscalingGroup.ops.delete(aws, { id: group.cloudName, fields: {} });
      if (!group.launchTemplateId) return;
      try {
        await LaunchTemplate.ops.delete(aws, { id: group.launchTemplateId, fields: {} });
      } catch (err) {
        if (classifyAwsError(err) !== 'notFound') throw err;
      }
    },
  };
}

async function isTerminating(aws: AwsClients, instanceId: string): Promise<boolean> {
  const out = await aws.ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: [instanceId] }] }));
  const state = out.Reservations?.[0]?.Instances?.[0]?.State?.Name;
  return state === undefined || state === 'shutting-down' || state === 'terminated';
}

function tagOf(g: AutoScalingGroup, key: string): string | undefined {
  return g.Tags?.find((t) => t.Key === key)?.Value;
}

function instanceTag(i: Instance, key: string): string | undefined {
  return i.Tags?.find((t) => t.Key === key)?.Value;
}

function launchTemplateOf(g: AutoScalingGroup): LaunchTemplateSpecification | undefined {
  return g.LaunchTemplate ?? g.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
}

/** The version number new instances of each group get: `$Latest` and `$Default` resolved through the template. */
async function currentVersions(aws: AwsClients, groups: readonly AutoScalingGroup[]): Promise<Map<string, string>> {
  const specs = groups.map(launchTemplateOf).filter((s): s is LaunchTemplateSpecification => Boolean(s?.LaunchTemplateId));
  const symbolic = specs.filter((s) => !s.Version || s.Version.startsWith('$'));
  const ids = [...new Set(symbolic.map((s) => s.LaunchTemplateId!))].sort();
  const templates = new Map<string, { latest?: number; default?: number }>();
  for (let i = 0; i < ids.length; i += 200) {
    const out = await aws.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: ids.slice(i, i + 200) }));
    for (const t of out.LaunchTemplates ?? []) templates.set(t.LaunchTemplateId!, { latest: t.LatestVersionNumber, default: t.DefaultVersionNumber });
  }
  const versions = new Map<string, string>();
  for (const g of groups) {
    const spec = launchTemplateOf(g);
    const template = spec?.LaunchTemplateId ? templates.get(spec.LaunchTemplateId) : undefined;
    const version = spec?.Version === '$Latest' ? template?.latest : spec?.Version === '$Default' || !spec?.Version ? template?.default : Number(spec.Version);
    if (version !== undefined && !Number.isNaN(version)) versions.set(g.AutoScalingGroupName!, String(version));
  }
  return versions;
}

/** Every live instance of the cluster (group members and the instances kops detached alike), by id. */
async function clusterInstances(aws: AwsClients, clusterName: string): Promise<Map<string, Instance>> {
  const out = new Map<string, Instance>();
  const filters = [
    { Name: 'tag:KubernetesCluster', Values: [clusterName] },
    { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
  ];
  for await (const page of paginateDescribeInstances({ client: aws.ec2, pageSize: 1000 }, { Filters: filters })) {
    for (const inst of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) out.set(inst.InstanceId!, inst);
  }
  return out;
}

function toGroup(g: AutoScalingGroup, described: ReadonlyMap<string, Instance>, versions: ReadonlyMap<string, string>): CloudInstanceGroup {
  const currentVersion = versions.get(g.AutoScalingGroupName!);
  const members = new Set((g.Instances ?? []).map((i) => i.InstanceId!));
  const instances = (g.Instances ?? []).map((i): CloudInstance => {
    const inst = described.get(i.InstanceId!);
    const launchTemplateVersion = inst && instanceTag(inst, LAUNCH_TEMPLATE_VERSION_TAG);
    return {
      id: i.InstanceId!,
      state: String(i.LifecycleState ?? 'Unknown'),
      health: i.HealthStatus,
      launchTemplateVersion,
      upToDate: currentVersion !== undefined && launchTemplateVersion === currentVersion,
      privateIp: inst?.PrivateIpAddress,
      publicIp: inst?.PublicIpAddress,
      machineType: i.InstanceType ?? (inst?.InstanceType ? String(inst.InstanceType) : undefined),
      zone: i.AvailabilityZone,
      roles: inst ? rolesOf(inst) : [],
    };
  });
  for (const inst of described.values()) {
    if (members.has(inst.InstanceId!) || instanceTag(inst, DETACHED_TAG) !== g.AutoScalingGroupName) continue;
    const launchTemplateVersion = instanceTag(inst, LAUNCH_TEMPLATE_VERSION_TAG);
    instances.push({
      id: inst.InstanceId!,
      state: 'Detached',
      launchTemplateVersion,
      upToDate: false,
      privateIp: inst.PrivateIpAddress,
      publicIp: inst.PublicIpAddress,
      machineType: inst.InstanceType ? String(inst.InstanceType) : undefined,
      zone: inst.Placement?.AvailabilityZone,
      roles: rolesOf(inst),
    });
  }
  instances.sort((a, b) => a.id.localeCompare(b.id));
  return {
    instanceGroup: tagOf(g, INSTANCE_GROUP_TAG)!,
    cloudName: g.AutoScalingGroupName!,
    minSize: g.MinSize ?? 0,
    maxSize: g.MaxSize ?? 0,
    desiredCapacity: g.DesiredCapacity ?? 0,
    currentVersion,
    launchTemplateId: launchTemplateOf(g)?.LaunchTemplateId,
    instances,
  };
}

/** `k8s.io/role/<role>` tags; the control plane carries both the old `master` and the new name. */
function rolesOf(inst: Instance): string[] {
  const roles = new Set<string>();
  for (const t of inst.Tags ?? []) {
    if (!t.Key?.startsWith(ROLE_TAG_PREFIX)) continue;
    const role = t.Key.slice(ROLE_TAG_PREFIX.length);
    roles.add(role === 'master' ? 'control-plane' : role);
  }
  return [...roles].sort();
}
