import { defineResource } from '../../../engine/resource.js';

/** A zonal persistent disk (the etcd volumes), labelled so that etcd-manager finds and mounts it. */
export interface GceDiskSpec {
  name: string;
  zone: string;
  type: string;
  sizeGb: number;
  provisionedIops?: number;
  provisionedThroughput?: number;
  labels: Record<string, string>;
}

export const GceDisk = defineResource<GceDiskSpec>({
  type: 'google_compute_disk',
  kopsKind: 'Disk',
  fields: {
    labels: { tf: 'labels', kind: 'map' },
    name: { tf: 'name', immutable: true },
    provisionedIops: { tf: 'provisioned_iops' },
    provisionedThroughput: { tf: 'provisioned_throughput' },
    sizeGb: { tf: 'size' },
    type: { tf: 'type', immutable: true },
    zone: { tf: 'zone', immutable: true },
  },
});
