import { ec2Tagging } from '../tagging.js';
import {
  CreateVolumeCommand,
  DeleteVolumeCommand,
  DescribeVolumesCommand,
  ModifyVolumeCommand,
  paginateDescribeVolumes,
  type Volume,
  type VolumeType,
} from '@aws-sdk/client-ec2';
import { fromAwsTags, tagSpecifications } from '../tags.js';
import { awsResource, clusterFilter, clusterTagKeyFilter, collect, findOwned } from './common.js';
import { byOwnership, discovery } from './discovery.js';

export interface EbsVolumeSpec {
  availabilityZone: string;
  size: number;
  type: string;
  encrypted: boolean;
  kmsKeyId?: string;
  iops?: number;
  throughput?: number;
  tags?: Record<string, string>;
}

export const EbsVolume = awsResource<EbsVolumeSpec>({
  type: 'aws_ebs_volume',
  kopsKind: 'EBSVolume',
  tagging: ec2Tagging(),
  fields: {
    availabilityZone: { tf: 'availability_zone', immutable: true },
    encrypted: { tf: 'encrypted', immutable: true },
    iops: { tf: 'iops' },
    kmsKeyId: { tf: 'kms_key_id', immutable: true },
    size: { tf: 'size' },
    tags: { tf: 'tags', kind: 'tags' },
    throughput: { tf: 'throughput' },
    type: { tf: 'type' },
  },
  list: (aws, cluster) => collect(paginateDescribeVolumes({ client: aws.ec2 }, { Filters: clusterFilter(cluster) }), (p) => live(p.Volumes)),
  async find(aws, spec, ctx) {
    const volume = await findOwned<Volume>(ctx, spec.tags, 'EBS volume', async (filters) => live((await aws.ec2.send(new DescribeVolumesCommand({ Filters: filters }))).Volumes));
    if (!volume?.VolumeId) return undefined;
    return {
      id: volume.VolumeId,
      fields: {
        availabilityZone: volume.AvailabilityZone,
        size: volume.Size,
        type: volume.VolumeType,
        encrypted: volume.Encrypted,
        kmsKeyId: spec.kmsKeyId === undefined ? undefined : volume.KmsKeyId,
        iops: volume.Iops,
        throughput: volume.Throughput,
        tags: fromAwsTags(volume.Tags),
      },
    };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: spec.availabilityZone,
        Size: spec.size,
        VolumeType: spec.type as VolumeType,
        Encrypted: spec.encrypted,
        KmsKeyId: spec.kmsKeyId,
        Iops: spec.iops,
        Throughput: spec.throughput,
        TagSpecifications: tagSpecifications('volume', spec.tags),
      }),
    );
    return { id: out.VolumeId! };
  },
  async update(aws, actual, spec, changed) {
    if (changed.some((f) => ['size', 'type', 'iops', 'throughput'].includes(f))) {
      await aws.ec2.send(new ModifyVolumeCommand({ VolumeId: actual.id, Size: spec.size, VolumeType: spec.type as VolumeType, Iops: spec.iops, Throughput: spec.throughput }));
    }
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteVolumeCommand({ VolumeId: actual.id }));
  },
  discover: discovery({
    kind: 'volume',
    by: 'tags',
    after: ['instance', 'autoscaling-group'],
    list: (aws, ctx) => collect(paginateDescribeVolumes({ client: aws.ec2 }, { Filters: clusterTagKeyFilter(ctx.rules.clusterName) }), (p) => p.Volumes),
    // Root volumes go with their instance.
    claim: (volumes, ctx) =>
      byOwnership(volumes.filter((v) => !(v.Attachments ?? []).some((a) => a.DeleteOnTermination)), ctx, (v) => ({ id: v.VolumeId, tags: fromAwsTags(v.Tags) }), { untag: true }),
    /** A volume attached to an instance the cluster does not own (one made for a pod, mounted by hand elsewhere). */
    async holders(found, ctx) {
      if (found.action !== 'delete') return [];
      const instanceIds = new Set((await ctx.found('instance')).map((i) => i.id));
      const { Volumes } = await ctx.client.ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'volume-id', Values: [found.id] }] }));
      const attachedTo = (Volumes ?? []).flatMap((v) => v.Attachments ?? []).map((a) => a.InstanceId!).filter((id) => id && !instanceIds.has(id));
      return attachedTo.map((id) => ({ blocked: `volume ${found.id}`, by: `instance ${id}`, hint: ctx.rules.notOurs(`detach ${found.id} from ${id}`) }));
    },
  }),
});

function live(volumes: readonly Volume[] | undefined): Volume[] {
  return (volumes ?? []).filter((v) => v.State !== 'deleting' && v.State !== 'deleted');
}
