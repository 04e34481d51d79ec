import { defineResource, type Val } from './declare.js';

export interface BlockDeviceMapping {
  deviceName: string;
  virtualName?: string;
  ebs?: {
    deleteOnTermination: boolean;
    encrypted: boolean;
    kmsKeyId?: string;
    iops?: number;
    throughput?: number;
    volumeSize: number;
    volumeType: string;
  };
}

export interface LaunchTemplateSpec {
  name: string;
  imageId: string;
  instanceType?: string;
  keyName?: Val<string>;
  iamInstanceProfile: { name: Val<string> };
  blockDeviceMappings: BlockDeviceMapping[];
  metadataOptions: { httpEndpoint: string; httpProtocolIpv6: string; httpPutResponseHopLimit: number; httpTokens: string };
  monitoring: { enabled: boolean };
  networkInterfaces: {
    associatePublicIpAddress: boolean;
    deleteOnTermination: boolean;
    ipv6AddressCount: number;
    securityGroups: Val<string>[];
  }[];
  instanceMarketOptions?: { marketType: string; spotOptions?: { blockDurationMinutes?: number; instanceInterruptionBehavior?: string; maxPrice?: string } };
  creditSpecification?: { cpuCredits: string };
  ebsOptimized?: boolean;
  placement?: { tenancy: string };
  tagSpecifications: { resourceType: string; tags: Record<string, string> }[];
  tags: Record<string, string>;
  userData?: string;
}

const ebs = {
  deleteOnTermination: { tf: 'delete_on_termination' },
  encrypted: { tf: 'encrypted' },
  iops: { tf: 'iops' },
  kmsKeyId: { tf: 'kms_key_id' },
  throughput: { tf: 'throughput' },
  volumeSize: { tf: 'volume_size' },
  volumeType: { tf: 'volume_type' },
};

export const LaunchTemplate = defineResource<LaunchTemplateSpec>({
  type: 'aws_launch_template',
  kopsKind: 'LaunchTemplate',
  terraform: { createBeforeDestroy: true },
  fields: {
    blockDeviceMappings: {
      tf: 'block_device_mappings',
      kind: 'blocks',
      fields: { deviceName: { tf: 'device_name' }, ebs: { tf: 'ebs', kind: 'block', fields: ebs }, virtualName: { tf: 'virtual_name' } },
    },
    creditSpecification: { tf: 'credit_specification', kind: 'block', fields: { cpuCredits: { tf: 'cpu_credits' } } },
    ebsOptimized: { tf: 'ebs_optimized' },
    iamInstanceProfile: { tf: 'iam_instance_profile', kind: 'block', fields: { name: { tf: 'name' } } },
    imageId: { tf: 'image_id' },
    instanceMarketOptions: {
      tf: 'instance_market_options',
      kind: 'block',
      fields: {
        marketType: { tf: 'market_type' },
        spotOptions: {
          tf: 'spot_options',
          kind: 'block',
          fields: {
            blockDurationMinutes: { tf: 'block_duration_minutes' },
            instanceInterruptionBehavior: { tf: 'instance_interruption_behavior' },
            maxPrice: { tf: 'max_price' },
          },
        },
      },
    },
    instanceType: { tf: 'instance_type' },
    keyName: { tf: 'key_name' },
    metadataOptions: {
      tf: 'metadata_options',
      kind: 'block',
      fields: {
        httpEndpoint: { tf: 'http_endpoint' },
        httpProtocolIpv6: { tf: 'http_protocol_ipv6' },
        httpPutResponseHopLimit: { tf: 'http_put_response_hop_limit' },
        httpTokens: { tf: 'http_tokens' },
      },
    },
    monitoring: { tf: 'monitoring', kind: 'block', fields: { enabled: { tf: 'enabled' } } },
    name: { tf: 'name', immutable: true },
    networkInterfaces: {
      tf: 'network_interfaces',
      kind: 'blocks',
      fields: {
        associatePublicIpAddress: { tf: 'associate_public_ip_address' },
        deleteOnTermination: { tf: 'delete_on_termination' },
        ipv6AddressCount: { tf: 'ipv6_address_count' },
        securityGroups: { tf: 'security_groups' },
      },
    },
    placement: { tf: 'placement', kind: 'block', fields: { tenancy: { tf: 'tenancy' } } },
    tagSpecifications: {
      tf: 'tag_specifications',
      kind: 'blocks',
      fields: { resourceType: { tf: 'resource_type' }, tags: { tf: 'tags', kind: 'map' } },
    },
    tags: { tf: 'tags', kind: 'map' },
    userData: { tf: 'user_data', kind: 'filebase64' },
  },
});
