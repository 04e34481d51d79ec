import { defineResource, type Val } from '../../../engine/resource.js';

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
