import { defineResource } from '../../../engine/resource.js';
import { compact, gceOps, labelsOf, num, setLabels } from './common.js';
import type { Json } from '../compute.js';
import { safeClusterName } from '../lookup.js';
import { GCE_LABEL_CLUSTER } from '../names.js';
import { discovery, foundObject, inRegion } from './discovery.js';

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

export const GceDiskOps = gceOps({
  decl: GceDisk,
  collection: 'disks',
  where: (spec) => String(spec.zone),
  body: (spec, api) =>
    compact({
      type: `projects/${api.project}/zones/${String(spec.zone)}/diskTypes/${String(spec.type)}`,
      sizeGb: String(spec.sizeGb),
      provisionedIops: spec.provisionedIops === undefined ? undefined : String(spec.provisionedIops),
      provisionedThroughput: spec.provisionedThroughput === undefined ? undefined : String(spec.provisionedThroughput),
      labels: spec.labels,
    }),
  read: (o, spec) => ({
    name: o.name,
    zone: spec.zone,
    type: o.type === undefined ? undefined : String(o.type).slice(String(o.type).lastIndexOf('/') + 1),
    sizeGb: num(o.sizeGb),
    provisionedIops: spec.provisionedIops === undefined ? undefined : num(o.provisionedIops),
    provisionedThroughput: spec.provisionedThroughput === undefined ? undefined : num(o.provisionedThroughput),
    labels: labelsOf(o),
  }),
  update: { fields: ['labels'], apply: (api, at, spec) => setLabels(api, at, spec.labels) },
});

/** The etcd disks in the cluster's region, by the cluster label kops gives them. */
export const GceDiskDiscovery = discovery<{ where: string; item: Json }>(GceDiskOps, {
  kind: 'disk',
  by: 'tags',
  after: ['instance-group-manager'],
  list: (api, ctx) => api.listAll('disks', `labels.${GCE_LABEL_CLUSTER} = "${safeClusterName(ctx.rules.clusterName)}"`),
  claim: (disks, ctx) => disks.filter(({ where }) => inRegion(ctx.client, where)).map(({ item }) => foundObject(item)),
});
