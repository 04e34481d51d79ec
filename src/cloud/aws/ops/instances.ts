import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  CreateVolumeCommand,
  DeleteKeyPairCommand,
  DeleteLaunchTemplateCommand,
  DeleteVolumeCommand,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeVolumesCommand,
  ImportKeyPairCommand,
  ModifyLaunchTemplateCommand,
  ModifyVolumeCommand,
  type RequestLaunchTemplateData,
  type ResponseLaunchTemplateData,
  type ResourceType,
  type VolumeType,
  type _InstanceType as InstanceType,
} from '@aws-sdk/client-ec2';
import { EbsVolume, KeyPair, LaunchTemplate } from '../resources/index.js';
import type { LaunchTemplateSpec } from '../resources/launch-template.js';
import { fromAwsTags, ownerFilters, tagSpecifications, toAwsTags } from '../tags.js';
import { awsOps, orUndefined, single, writeEc2Tags, type Resolved } from './common.js';

export const keyPairOps = awsOps(KeyPair, {
  // AWS keeps a fingerprint, not the key; the key name carries kops's fingerprint, so a new key is a new name.
  writeOnly: ['publicKey'],
  async find(aws, spec) {
    const out = await orUndefined(aws.ec2.send(new DescribeKeyPairsCommand({ KeyNames: [spec.keyName] })));
    const key = out?.KeyPairs?.[0];
    if (!key?.KeyName) return undefined;
    return { id: key.KeyName, attrs: { key_pair_id: key.KeyPairId, fingerprint: key.KeyFingerprint }, fields: { keyName: key.KeyName, tags: fromAwsTags(key.Tags) } };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new ImportKeyPairCommand({ KeyName: spec.keyName, PublicKeyMaterial: Buffer.from(spec.publicKey), TagSpecifications: tagSpecifications('key-pair', spec.tags) }),
    );
    return { id: spec.keyName, attrs: { key_pair_id: out.KeyPairId, fingerprint: out.KeyFingerprint } };
  },
  async update(aws, actual, spec) {
    await writeEc2Tags(aws, actual.attrs?.key_pair_id as string, spec.tags, actual.fields.tags as Record<string, string>);
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteKeyPairCommand({ KeyName: actual.id }));
  },
});

type LtSpec = Resolved<LaunchTemplateSpec>;

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

export const launchTemplateOps = awsOps(LaunchTemplate, {
  async find(aws, spec) {
    const out = await orUndefined(aws.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: [spec.name] })));
    const lt = out?.LaunchTemplates?.[0];
    if (!lt?.LaunchTemplateId) return undefined;
    const versions = await aws.ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: lt.LaunchTemplateId, Versions: ['$Latest'] }));
    const data = versions.LaunchTemplateVersions?.[0]?.LaunchTemplateData ?? {};
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
    if (changed.includes('tags')) await writeEc2Tags(aws, actual.id, spec.tags, actual.fields.tags as Record<string, string>);
    if (changed.every((f) => f === 'tags')) return;
    const out = await aws.ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: actual.id, LaunchTemplateData: launchTemplateData(spec) }));
    const version = String(out.LaunchTemplateVersion!.VersionNumber);
    await aws.ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: actual.id, DefaultVersion: version }));
    return { attrs: { latest_version: version, default_version: version } };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: actual.id }));
  },
});

export const ebsVolumeOps = awsOps(EbsVolume, {
  async find(aws, spec) {
    const filters = ownerFilters(spec.tags);
    if (!filters) return undefined;
    const out = await aws.ec2.send(new DescribeVolumesCommand({ Filters: filters }));
    const volume = single(
      out.Volumes?.filter((v) => v.State !== 'deleting' && v.State !== 'deleted'),
      'EBS volume',
      filters,
    );
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
    if (changed.includes('tags')) await writeEc2Tags(aws, actual.id, spec.tags, actual.fields.tags as Record<string, string>);
    if (changed.some((f) => ['size', 'type', 'iops', 'throughput'].includes(f))) {
      await aws.ec2.send(new ModifyVolumeCommand({ VolumeId: actual.id, Size: spec.size, VolumeType: spec.type as VolumeType, Iops: spec.iops, Throughput: spec.throughput }));
    }
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteVolumeCommand({ VolumeId: actual.id }));
  },
});
