import {
  DetachInstancesCommand,
  paginateDescribeAutoScalingGroups,
  SetDesiredCapacityCommand,
  type AutoScalingGroup,
  type LaunchTemplateSpecification,
} from '@aws-sdk/client-auto-scaling';
import { DescribeLaunchTemplatesCommand, paginateDescribeInstances, TerminateInstancesCommand, type Instance } from '@aws-sdk/client-ec2';
import type { CloudInstance, CloudInstanceGroup, CloudInstanceGroups } from '../types.js';
import type { AwsClients } from './clients.js';

const INSTANCE_GROUP_TAG = 'kops.k8s.io/instancegroup';
const LAUNCH_TEMPLATE_VERSION_TAG = 'aws:ec2launchtemplate:version';

/** The cluster's autoscaling groups (tagged `KubernetesCluster=NAME` and with an instance group name) and their instances. */
export function awsInstanceGroups(aws: AwsClients): CloudInstanceGroups {
  return {
    async list(clusterName) {
      const groups: AutoScalingGroup[] = [];
      const pages = paginateDescribeAutoScalingGroups({ client: aws.autoScaling }, { Filters: [{ Name: 'tag:KubernetesCluster', Values: [clusterName] }] });
      for await (const page of pages) groups.push(...(page.AutoScalingGroups ?? []));
      const ours = groups.filter((g) => tagOf(g, 'KubernetesCluster') === clusterName && tagOf(g, INSTANCE_GROUP_TAG) && g.Status !== 'Delete in progress');
      const instances = await describeInstances(aws, ours.flatMap((g) => (g.Instances ?? []).map((i) => i.InstanceId!)));
      const versions = await currentVersions(aws, ours);
      return ours
        .map((g) => toGroup(g, instances, versions))
        .sort((a, b) => a.instanceGroup.localeCompare(b.instanceGroup));
    },
    async detach(group, instanceId, options = {}) {
      await aws.autoScaling.send(
        new DetachInstancesCommand({ AutoScalingGroupName: group.cloudName, InstanceIds: [instanceId], ShouldDecrementDesiredCapacity: options.decrement ?? false }),
      );
    },
    async terminate(instanceId) {
      await aws.ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
    },
    async setDesiredCapacity(group, desired) {
      await aws.autoScaling.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: group.cloudName, DesiredCapacity: desired, HonorCooldown: false }));
    },
  };
}

function tagOf(g: AutoScalingGroup, key: string): string | undefined {
  return g.Tags?.find((t) => t.Key === key)?.Value;
}

function launchTemplateOf(g: AutoScalingGroup): LaunchTemplateSpecification | undefined {
  return g.LaunchTemplate ?? g.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
}

/** The version number new instances of each group get: `$Latest` and `$Default` resolved through the template. */
async function currentVersions(aws: AwsClients, groups: readonly AutoScalingGroup[]): Promise<Map<string, string>> {
  const specs = groups.map(launchTemplateOf).filter((s): s is LaunchTemplateSpecification => Boolean(s?.LaunchTemplateId));
  const ids = [...new Set(specs.map((s) => s.LaunchTemplateId!))].sort();
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

async function describeInstances(aws: AwsClients, ids: readonly string[]): Promise<Map<string, Instance>> {
  const out = new Map<string, Instance>();
  for (let i = 0; i < ids.length; i += 200) {
    // A filter, unlike InstanceIds, does not fail for an instance that has just gone.
    const pages = paginateDescribeInstances({ client: aws.ec2 }, { Filters: [{ Name: 'instance-id', Values: ids.slice(i, i + 200) }] });
    for await (const page of pages) for (const inst of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) out.set(inst.InstanceId!, inst);
  }
  return out;
}

function toGroup(g: AutoScalingGroup, described: ReadonlyMap<string, Instance>, versions: ReadonlyMap<string, string>): CloudInstanceGroup {
  const currentVersion = versions.get(g.AutoScalingGroupName!);
  const instances = (g.Instances ?? [])
    .map((i): CloudInstance => {
      const inst = described.get(i.InstanceId!);
      const launchTemplateVersion = inst?.Tags?.find((t) => t.Key === LAUNCH_TEMPLATE_VERSION_TAG)?.Value;
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
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    instanceGroup: tagOf(g, INSTANCE_GROUP_TAG)!,
    cloudName: g.AutoScalingGroupName!,
    minSize: g.MinSize ?? 0,
    maxSize: g.MaxSize ?? 0,
    desiredCapacity: g.DesiredCapacity ?? 0,
    currentVersion,
    instances,
  };
}
