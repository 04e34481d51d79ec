import { defineResource, type Val } from '../../../engine/resource.js';
import { createHash } from 'node:crypto';
import type { ResourceOps } from '../../../engine/ops.js';
import { relativeLink, type GceCompute, type Json } from '../compute.js';
import { compact, networkLink, regionalLink } from './common.js';
import { discovery, foundObject, metadataValue } from './discovery.js';

export interface GceTemplateDisk {
  autoDelete: boolean;
  boot: boolean;
  deviceName: string;
  diskName: string;
  diskSizeGb: number;
  diskType: string;
  interface: string;
  mode: string;
  provisionedIops: number;
  provisionedThroughput: number;
  source: string;
  sourceImage: string;
  type: string;
}

export interface GceTemplateNetworkInterface {
  network: Val<string>;
  subnetwork?: Val<string>;
  stackType?: string;
  /** One entry per access config; an external address when present. */
  accessConfigs: { natIp?: string }[];
  aliasIpRanges?: { subnetworkRangeName: string; ipCidrRange: string }[];
}

/**
 * What the instances of one instance group are made from. Immutable in GCE: a change is a new template (Terraform
 * makes it before destroying the old one, under a generated name after `name_prefix`).
 */
export interface GceInstanceTemplateSpec {
  /** Also the Terraform label; the cloud name is `namePrefix` plus a suffix. */
  name: string;
  namePrefix: string;
  canIpForward: boolean;
  machineType: string;
  disks: GceTemplateDisk[];
  labels: Record<string, string>;
  /** Metadata items; multi-line values (user data) go to data files in Terraform. */
  metadata: Record<string, string>;
  networkInterfaces: GceTemplateNetworkInterface[];
  scheduling: { automaticRestart: boolean; onHostMaintenance: string; preemptible: boolean; provisioningModel: string };
  serviceAccounts: { email: Val<string>; scopes: string[] }[];
  tags: string[];
  guestAccelerators?: { type: string; count: number }[];
}

export const GceInstanceTemplate = defineResource<GceInstanceTemplateSpec>({
  type: 'google_compute_instance_template',
  kopsKind: 'InstanceTemplate',
  fields: {
    canIpForward: { tf: 'can_ip_forward', immutable: true },
    disks: {
      tf: 'disk',
      kind: 'blocks',
      immutable: true,
      fields: {
        autoDelete: { tf: 'auto_delete' },
        boot: { tf: 'boot' },
        deviceName: { tf: 'device_name' },
        diskName: { tf: 'disk_name' },
        diskSizeGb: { tf: 'disk_size_gb' },
        diskType: { tf: 'disk_type' },
        interface: { tf: 'interface' },
        mode: { tf: 'mode' },
        provisionedIops: { tf: 'provisioned_iops' },
        provisionedThroughput: { tf: 'provisioned_throughput' },
        source: { tf: 'source' },
        sourceImage: { tf: 'source_image' },
        type: { tf: 'type' },
      },
    },
    guestAccelerators: { tf: 'guest_accelerator', kind: 'blocks', immutable: true, fields: { count: { tf: 'count' }, type: { tf: 'type' } } },
    labels: { tf: 'labels', kind: 'map', immutable: true },
    machineType: { tf: 'machine_type', immutable: true },
    metadata: { tf: 'metadata', kind: 'mapWithFiles', immutable: true },
    namePrefix: { tf: 'name_prefix', immutable: true },
    networkInterfaces: {
      tf: 'network_interface',
      kind: 'blocks',
      immutable: true,
      fields: {
        accessConfigs: { tf: 'access_config', kind: 'blocks', fields: { natIp: { tf: 'nat_ip' } } },
        aliasIpRanges: { tf: 'alias_ip_range', kind: 'blocks', fields: { ipCidrRange: { tf: 'ip_cidr_range' }, subnetworkRangeName: { tf: 'subnetwork_range_name' } } },
        network: { tf: 'network' },
        stackType: { tf: 'stack_type' },
        subnetwork: { tf: 'subnetwork' },
      },
    },
    scheduling: {
      tf: 'scheduling',
      kind: 'block',
      immutable: true,
      fields: {
        automaticRestart: { tf: 'automatic_restart' },
        onHostMaintenance: { tf: 'on_host_maintenance' },
        preemptible: { tf: 'preemptible' },
        provisioningModel: { tf: 'provisioning_model' },
      },
    },
    serviceAccounts: { tf: 'service_account', kind: 'blocks', immutable: true, fields: { email: { tf: 'email' }, scopes: { tf: 'scopes' } } },
    tags: { tf: 'tags', immutable: true },
  },
  terraform: { createBeforeDestroy: true },
});

/** The template as the API takes it. */
function templateProperties(spec: Json, api: GceCompute, region: string): Json {
  const s = spec as unknown as GceInstanceTemplateSpec;
  return compact({
    machineType: s.machineType,
    canIpForward: s.canIpForward,
    disks: s.disks.map((d) =>
      compact({
        autoDelete: d.autoDelete,
        boot: d.boot,
        deviceName: d.deviceName,
        interface: d.interface,
        mode: d.mode,
        type: d.type,
        source: d.source,
        initializeParams: compact({
          diskName: d.diskName,
          diskSizeGb: d.diskSizeGb ? String(d.diskSizeGb) : undefined,
          diskType: d.diskType,
          sourceImage: d.sourceImage,
          provisionedIops: d.provisionedIops ? String(d.provisionedIops) : undefined,
          provisionedThroughput: d.provisionedThroughput ? String(d.provisionedThroughput) : undefined,
        }),
      }),
    ),
    labels: s.labels,
    metadata: { items: Object.keys(s.metadata).sort().map((key) => ({ key, value: s.metadata[key] })) },
    networkInterfaces: s.networkInterfaces.map((n) =>
      compact({
        network: networkLink(api, n.network),
        subnetwork: n.subnetwork === undefined ? undefined : regionalLink(api, 'subnetworks', region, n.subnetwork),
        stackType: n.stackType,
        accessConfigs: n.accessConfigs.map((a) => compact({ name: 'external-nat', type: 'ONE_TO_ONE_NAT', natIP: a.natIp })),
        aliasIpRanges: n.aliasIpRanges,
      }),
    ),
    scheduling: s.scheduling,
    serviceAccounts: s.serviceAccounts.map((a) => ({ email: a.email, scopes: a.scopes })),
    tags: { items: s.tags },
    guestAccelerators: s.guestAccelerators?.map((g) => ({ acceleratorType: g.type, acceleratorCount: g.count })),
  });
}

/**
 * Templates cannot change in GCE, so each one is named after its content: `namePrefix` and a hash of the
 * properties. A template of that name holds exactly those properties; a changed spec is a new template (and the
 * managed instance groups move to it), as Terraform's `name_prefix` with create-before-destroy does.
 */
function templateName(spec: Json, properties: Json): string {
  return `${String(spec.namePrefix)}${createHash('sha256').update(JSON.stringify(properties)).digest('hex').slice(0, 12)}`;
}

function locate(spec: Json, api: GceCompute) {
  const properties = templateProperties(spec, api, api.region);
  return { properties, at: { collection: 'instanceTemplates' as const, where: '', name: templateName(spec, properties) } };
}

export const GceInstanceTemplateOps: ResourceOps<GceCompute> = {
  type: GceInstanceTemplate.type,
  immutable: Object.keys(GceInstanceTemplate.fields),
  subsetMaps: [],
  async find(api, spec) {
    const { at } = locate(spec, api);
    const found = await api.get(at);
    if (!found) return undefined;
    return { id: relativeLink(String(found.selfLink)), attrs: { name: found.name, self_link: found.selfLink }, fields: spec };
  },
  async create(api, spec) {
    const { at, properties } = locate(spec, api);
    await api.insert(at, { properties });
    const made = await api.get(at);
    return { id: api.link(at), attrs: { name: at.name, self_link: made?.selfLink } };
  },
  async delete(api, actual) {
    await api.delete({ collection: 'instanceTemplates', where: '', name: actual.id.slice(actual.id.lastIndexOf('/') + 1) });
  },
};

/** The cluster's templates: those whose `cluster-name` metadata is the cluster's name. */
export const GceInstanceTemplateDiscovery = discovery<Json>(GceInstanceTemplateOps, {
  kind: 'instance-template',
  by: 'tags',
  after: ['instance-group-manager'],
  list: (api) => api.list('instanceTemplates', ''),
  claim: (templates, ctx) => templates.filter((t) => metadataValue(t, 'cluster-name') === ctx.rules.clusterName).map(foundObject),
});
