import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import { TerminateInstancesCommand, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import { fromAwsTags } from '../tags.js';
import { AutoscalingGroup } from './autoscaling-group.js';
import { clusterTagKeyFilter, collect } from './common.js';
import { discoverOnly, type Found } from './discovery.js';

const LIVE_INSTANCE_STATES = ['pending', 'running', 'stopping', 'stopped'];

/**
 * The cluster's instances: those tagged for it, and the members of its autoscaling groups. The groups terminate
 * their members as they go; listing them too makes sure nothing is left running.
 */
export const ClusterInstance = discoverOnly({
  kind: 'instance',
  by: 'tags',
  // Deleting a group's instances first would only make the group start new ones.
  after: ['autoscaling-group'],
  list: (aws, ctx) =>
    collect(
      paginateDescribeInstances({ client: aws.ec2 }, { Filters: [...clusterTagKeyFilter(ctx.rules.clusterName), { Name: 'instance-state-name', Values: LIVE_INSTANCE_STATES }] }),
      (p) => (p.Reservations ?? []).flatMap((r) => r.Instances ?? []),
    ),
  async claim(instances, ctx) {
    const groups = new Set((await ctx.found('autoscaling-group')).map((g) => g.id));
    const listedGroups = await ctx.listing<AutoScalingGroup>(AutoscalingGroup.discover!);
    const ids = new Set(listedGroups.filter((g) => groups.has(g.AutoScalingGroupName!)).flatMap((g) => (g.Instances ?? []).map((i) => i.InstanceId ?? '')));
    ids.delete('');
    for (const i of instances) if (ctx.rules.ownership(fromAwsTags(i.Tags)) === 'owned') ids.add(i.InstanceId!);
    const names = new Map(instances.map((i) => [i.InstanceId!, fromAwsTags(i.Tags).Name ?? '']));
    return [...ids].sort().map((id): Found => ({ id, name: names.get(id) ?? '', action: 'delete', actual: { id, fields: {} } }));
  },
  async delete(aws, actual) {
    await aws.ec2.send(new TerminateInstancesCommand({ InstanceIds: [actual.id] }));
  },
});
