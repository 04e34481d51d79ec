/** One persistent disk per etcd member, in its control-plane group's zone, labelled for etcd-manager to find. */
import { clusterSuffixedName, encodeGceLabel, GCE_LABEL_CLUSTER, GCE_LABEL_ETCD_PREFIX, GCE_LABEL_ROLE_PREFIX } from '../../cloud/gce/names.js';
import { GceDisk } from '../../cloud/gce/resources/index.js';
import { safeClusterName } from '../../cloud/gce/lookup.js';
import type { Task } from '../../engine/task.js';
import { UserError } from '../../errors.js';
import type { GceModel } from './context.js';

const DEFAULT_ETCD_VOLUME_SIZE = 20;
const DEFAULT_ETCD_VOLUME_TYPE = 'pd-ssd';

export function buildGceEtcdDisks(m: GceModel): Task[] {
  const tasks: Task[] = [];
  for (const etcd of m.spec.etcdClusters ?? []) {
    for (const member of etcd.etcdMembers ?? []) {
      const where = `spec.etcdClusters[${etcd.name}].etcdMembers[${member.name}]`;
      const ig = m.instanceGroups.find((g) => g.metadata.name === member.instanceGroup);
      if (!ig) throw new UserError(`${where}.instanceGroup: no instance group ${member.instanceGroup}`, 'name an existing control-plane instance group');
      const zones = ig.spec.zones ?? [];
      if (zones.length !== 1) throw new UserError(`InstanceGroup ${ig.metadata.name}: etcd member ${member.name} needs the group in exactly one zone`, 'give the group one zone in spec.zones');
      let prefix = `${member.name}.etcd-${etcd.name}`.replaceAll('.', '-');
      if ('0123456789-'.includes(prefix[0])) prefix = `d${prefix}`;
      const name = clusterSuffixedName(prefix, m.clusterName, 63);
      tasks.push(
        GceDisk.task(name, {
          name,
          zone: zones[0],
          type: member.volumeType || DEFAULT_ETCD_VOLUME_TYPE,
          sizeGb: member.volumeSize || DEFAULT_ETCD_VOLUME_SIZE,
          provisionedIops: member.volumeIops || undefined,
          provisionedThroughput: member.volumeThroughput || undefined,
          labels: {
            [GCE_LABEL_CLUSTER]: safeClusterName(m.clusterName),
            [`${GCE_LABEL_ROLE_PREFIX}master`]: 'master',
            [GCE_LABEL_ETCD_PREFIX + etcd.name]: encodeGceLabel(`${member.name}/${member.name}`),
          },
        }),
      );
    }
  }
  return tasks;
}
