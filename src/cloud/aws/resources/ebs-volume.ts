import { defineResource } from './declare.js';

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

export const EbsVolume = defineResource<EbsVolumeSpec>({
  type: 'aws_ebs_volume',
  kopsKind: 'EBSVolume',
  fields: {
    availabilityZone: { tf: 'availability_zone', immutable: true },
    encrypted: { tf: 'encrypted', immutable: true },
    iops: { tf: 'iops' },
    kmsKeyId: { tf: 'kms_key_id', immutable: true },
    size: { tf: 'size' },
    tags: { tf: 'tags', kind: 'map' },
    throughput: { tf: 'throughput' },
    type: { tf: 'type' },
  },
});
