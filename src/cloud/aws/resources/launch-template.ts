import { ec2Tagging } from '../tagging.js';
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DeleteLaunchTemplateCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeLaunchTemplatesCommand,
  ModifyLaunchTemplateCommand,
  paginateDescribeLaunchTemplates,
  paginateDescribeLaunchTemplateVersions,
  type LaunchTemplate as Ec2LaunchTemplate,
  type LaunchTemplateVersion,
  type RequestLaunchTemplateData,
  type ResourceType,
  type ResponseLaunchTemplateData,
  type VolumeType,
  type _InstanceType as InstanceType,
} from '@aws-sdk/client-ec2';
import { fromAwsTags, tagSpecifications, toAwsTags } from '../tags.js';
import type { RunSession } from '../../../engine/ops.js';
import type { Val } from '../../../engine/resource.js';
import type { AwsClients } from '../clients.js';
import { awsResource, clusterFilter, collect, orUndefined, type Resolved } from './common.js';
import { byOwnership, discovery } from './discovery.js';

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

export const LaunchTemplate = awsResource<LaunchTemplateSpec>({
  type: 'aws_launch_template',
  kopsKind: 'LaunchTemplate',
  tagging: ec2Tagging(),
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
    tags: { tf: 'tags', kind: 'tags' },
    userData: { tf: 'user_data', kind: 'filebase64' },
  },
  list: (aws, cluster) => collect(paginateDescribeLaunchTemplates({ client: aws.ec2 }, { Filters: clusterFilter(cluster) }), (p) => p.LaunchTemplates),
  async find(aws, spec, ctx) {
    // Templates are tagged in the call that creates them, so the run's cluster listing, when there is one, is complete.
    const listing = ctx.listed as readonly Ec2LaunchTemplate[] | undefined;
    const lt = listing
      ? listing.find((t) => t.LaunchTemplateName === spec.name)
      : (await orUndefined(aws.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: [spec.name] }))))?.LaunchTemplates?.[0];
    if (!lt?.LaunchTemplateId) return undefined;
    const latest = listing && listing.length > 1 ? (await latestVersionsOf(aws, ctx.session, listing)).get(lt.LaunchTemplateId) : undefined;
    const data = (latest ?? (await latestVersion(aws, lt.LaunchTemplateId)))?.LaunchTemplateData ?? {};
    return {
      id: lt.LaunchTemplateId,
      attrs: { latest_version: String(lt.LatestVersionNumber), default_version: String(lt.DefaultVersionNumber), name: lt.LaunchTemplateName },
      fields: { name: lt.LaunchTemplateName, ...reportedSpec(data), tags: fromAwsTags(lt.Tags) },
    };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new CreateLaunchTemplateCommand({ LaunchTemplateName: spec.name, LaunchTemplateData: launchTemplateData(spec), TagSpecifications: tagSpecifications('launch-template', spec.tags) }),
    );
    const lt = out.LaunchTemplate!;
    return { id: lt.LaunchTemplateId!, attrs: { latest_version: String(lt.LatestVersionNumber ?? 1), default_version: String(lt.DefaultVersionNumber ?? 1), name: spec.name } };
  },
  /** A change to the template's data is a new version, made the default; the autoscaling group then moves to it. */
  async update(aws, actual, spec, changed) {
    const out = await aws.ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: actual.id, LaunchTemplateData: launchTemplateData(spec) }));
    const version = String(out.LaunchTemplateVersion!.VersionNumber);
    await aws.ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: actual.id, DefaultVersion: version }));
    return { attrs: { latest_version: version, default_version: version } };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: actual.id }));
  },
  discover: discovery<Ec2LaunchTemplate>({
    kind: 'autoscaling-config',
    by: 'tags',
    after: ['autoscaling-group'],
    claim: (templates, ctx) => byOwnership(templates, ctx, (t) => ({ id: t.LaunchTemplateId, name: t.LaunchTemplateName ?? '', tags: fromAwsTags(t.Tags) })),
  }),
});

type LtSpec = Resolved<LaunchTemplateSpec>;

async function latestVersion(aws: AwsClients, id: string): Promise<LaunchTemplateVersion | undefined> {
  const out = await aws.ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: id, Versions: ['$Latest'] }));
  return out.LaunchTemplateVersions?.[0];
}

/**
 * The latest version of each listed template, from one describe of the latest versions of the account's templates
 * (read page by page until every listed template is seen), shared by the run.
 */
function latestVersionsOf(aws: AwsClients, session: RunSession, listing: readonly Ec2LaunchTemplate[]): Promise<Map<string, LaunchTemplateVersion>> {
  return session.memo('launch-template-latest-versions', async () => {
    const wanted = new Set(listing.map((t) => t.LaunchTemplateId));
    const found = new Map<string, LaunchTemplateVersion>();
    for await (const page of paginateDescribeLaunchTemplateVersions({ client: aws.ec2 }, { Versions: ['$Latest'], MaxResults: 200 })) {
      for (const v of page.LaunchTemplateVersions ?? []) if (v.LaunchTemplateId && wanted.has(v.LaunchTemplateId)) found.set(v.LaunchTemplateId, v);
      if (found.size === wanted.size) break;
    }
    return found;
  });
}

/** The launch template data the API takes, from our spec (user data travels base64-encoded). */
function launchTemplateData(spec: LtSpec): RequestLaunchTemplateData {
  return {
    ImageId: spec.imageId,
    InstanceType: spec.instanceType as InstanceType | undefined,
    KeyName: spec.keyName,
    IamInstanceProfile: spec.iamInstanceProfile ? { Name: spec.iamInstanceProfile.name } : undefined,
    BlockDeviceMappings: spec.blockDeviceMappings?.map((b) => ({
      DeviceName: b.deviceName,
      VirtualName: b.virtualName,
      Ebs: b.ebs && {
        DeleteOnTermination: b.ebs.deleteOnTermination,
        Encrypted: b.ebs.encrypted,
        KmsKeyId: b.ebs.kmsKeyId,
        Iops: b.ebs.iops,
        Throughput: b.ebs.throughput,
        VolumeSize: b.ebs.volumeSize,
        VolumeType: b.ebs.volumeType as VolumeType,
      },
    })),
    MetadataOptions: spec.metadataOptions && {
      HttpEndpoint: spec.metadataOptions.httpEndpoint as 'enabled' | 'disabled',
      HttpProtocolIpv6: spec.metadataOptions.httpProtocolIpv6 as 'enabled' | 'disabled',
      HttpPutResponseHopLimit: spec.metadataOptions.httpPutResponseHopLimit,
      HttpTokens: spec.metadataOptions.httpTokens as 'optional' | 'required',
    },
    Monitoring: spec.monitoring && { Enabled: spec.monitoring.enabled },
    NetworkInterfaces: spec.networkInterfaces?.map((n, i) => ({
      DeviceIndex: i,
      AssociatePublicIpAddress: n.associatePublicIpAddress,
      DeleteOnTermination: n.deleteOnTermination,
      Ipv6AddressCount: n.ipv6AddressCount,
      Groups: n.securityGroups,
    })),
    InstanceMarketOptions: spec.instanceMarketOptions && {
      MarketType: spec.instanceMarketOptions.marketType as 'spot',
      SpotOptions: spec.instanceMarketOptions.spotOptions && {
        BlockDurationMinutes: spec.instanceMarketOptions.spotOptions.blockDurationMinutes,
        InstanceInterruptionBehavior: spec.instanceMarketOptions.spotOptions.instanceInterruptionBehavior as 'terminate' | undefined,
        MaxPrice: spec.instanceMarketOptions.spotOptions.maxPrice,
      },
    },
    CreditSpecification: spec.creditSpecification && { CpuCredits: spec.creditSpecification.cpuCredits },
    EbsOptimized: spec.ebsOptimized,
    Placement: spec.placement && { Tenancy: spec.placement.tenancy as 'default' | 'dedicated' | 'host' },
    TagSpecifications: spec.tagSpecifications?.map((t) => ({ ResourceType: t.resourceType as ResourceType, Tags: toAwsTags(t.tags) })),
    UserData: spec.userData === undefined ? undefined : Buffer.from(spec.userData).toString('base64'),
  };
}

/** The reverse: what the cloud reports, in our spec's shape (absent parts stay undefined, i.e. unknown). */
function reportedSpec(d: ResponseLaunchTemplateData): Partial<LtSpec> {
  return {
    imageId: d.ImageId,
    instanceType: d.InstanceType,
    keyName: d.KeyName ?? '',
    iamInstanceProfile: d.IamInstanceProfile && { name: d.IamInstanceProfile.Name ?? d.IamInstanceProfile.Arn?.split('/').pop() ?? '' },
    blockDeviceMappings: d.BlockDeviceMappings?.map((b) => ({
      deviceName: b.DeviceName!,
      virtualName: b.VirtualName,
      ebs: b.Ebs && {
        deleteOnTermination: b.Ebs.DeleteOnTermination!,
        encrypted: b.Ebs.Encrypted!,
        kmsKeyId: b.Ebs.KmsKeyId,
        iops: b.Ebs.Iops,
        throughput: b.Ebs.Throughput,
        volumeSize: b.Ebs.VolumeSize!,
        volumeType: b.Ebs.VolumeType!,
      },
    })),
    metadataOptions: d.MetadataOptions && {
      httpEndpoint: d.MetadataOptions.HttpEndpoint!,
      httpProtocolIpv6: d.MetadataOptions.HttpProtocolIpv6!,
      httpPutResponseHopLimit: d.MetadataOptions.HttpPutResponseHopLimit!,
      httpTokens: d.MetadataOptions.HttpTokens!,
    },
    monitoring: d.Monitoring && { enabled: d.Monitoring.Enabled ?? false },
    networkInterfaces: d.NetworkInterfaces?.map((n) => ({
      associatePublicIpAddress: n.AssociatePublicIpAddress!,
      deleteOnTermination: n.DeleteOnTermination!,
      ipv6AddressCount: n.Ipv6AddressCount!,
      securityGroups: n.Groups ?? [],
    })),
    instanceMarketOptions: d.InstanceMarketOptions && {
      marketType: d.InstanceMarketOptions.MarketType!,
      spotOptions: d.InstanceMarketOptions.SpotOptions && {
        blockDurationMinutes: d.InstanceMarketOptions.SpotOptions.BlockDurationMinutes,
        instanceInterruptionBehavior: d.InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior,
        maxPrice: d.InstanceMarketOptions.SpotOptions.MaxPrice,
      },
    },
    creditSpecification: d.CreditSpecification && { cpuCredits: d.CreditSpecification.CpuCredits! },
    ebsOptimized: d.EbsOptimized,
    placement: d.Placement?.Tenancy ? { tenancy: d.Placement.Tenancy } : undefined,
    // Tags of the template itself are reported apart from the version's tag specifications (some echo them here).
    tagSpecifications: d.TagSpecifications?.filter((t) => t.ResourceType !== 'launch-template').map((t) => ({
      resourceType: t.ResourceType!,
      tags: fromAwsTags(t.Tags),
    })),
    userData: d.UserData === undefined ? undefined : Buffer.from(d.UserData, 'base64').toString('utf8'),
  };
}
