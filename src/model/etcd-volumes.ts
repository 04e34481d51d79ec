import { EbsVolume } from '../cloud/aws/resources/ebs-volume.js';
import type { Task } from '../engine/task.js';
import { UserError } from '../errors.js';
import type { ModelContext } from './context.js';

/** One EBS volume per etcd member, tagged so that etcd-manager on the control plane finds and mounts it. */
export function buildEtcdVolumes(m: ModelContext): Task[] {
  const tasks: Task[] = [];
  for (const etcd of m.spec.etcdClusters ?? []) {
    const members = (etcd.etcdMembers ?? []).map((x) => x.name);
    for (const member of etcd.etcdMembers ?? []) {
      const ig = m.instanceGroups.find((g) => g.metadata.name === member.instanceGroup);
      if (!ig) throw new UserError(`spec.etcdClusters[${etcd.name}].etcdMembers[${member.name}].instanceGroup: no instance group ${member.instanceGroup}`, 'name an existing control-plane instance group');
      const subnets = ig.spec.subnets ?? [];
      const zone = ig.spec.zones?.[0] ?? (subnets.length ? m.subnet(subnets[0]).zone : undefined);
      if (!zone) throw new UserError(`instance group ${ig.metadata.name} has no zone for etcd member ${member.name}`, 'give it exactly one subnet');
      const name = `${member.name}.etcd-${etcd.name}.${m.clusterName}`;
      const type = member.volumeType ?? 'gp3';
      const tags = {
        ...m.cloudTags(name),
        [`k8s.io/etcd/${etcd.name}`]: `${member.name}/${members.join(',')}`,
        'k8s.io/role/control-plane': '1',
        'k8s.io/role/master': '1',
      };
      tasks.push(
        EbsVolume.task(name, {
          availabilityZone: zone,
          size: member.volumeSize ?? 20,
          type,
          encrypted: member.encryptedVolume ?? false,
          kmsKeyId: member.kmsKeyId,
          iops: type === 'gp3' || type === 'io1' || type === 'io2' ? (member.volumeIops ?? (type === 'gp3' ? 3000 : undefined)) : undefined,
          throughput: type === 'gp3' ? (member.volumeThroughput ?? 125) : undefined,
          tags,
        }),
      );
    }
  }
  return tasks;
}
