/**
 * The look-ups of lookup.ts answered by the AWS SDK v3 (EC2, Route 53). The SDK honours AWS_ENDPOINT_URL, so the
 * same code runs against AWS or a moto_server. Clients are made on first use; the commands are imported one by one, so
 * that the bundle keeps only the commands kops calls.
 */
import {
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeInstanceTypeOfferingsCommand,
  DescribeInstanceTypesCommand,
  DescribeInternetGatewaysCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { ListHostedZonesCommand, Route53Client } from '@aws-sdk/client-route-53';
import { resilientClient } from '../../aws-retry.js';
import { UserError } from '../../errors.js';
import { splitImageOwner, type AwsLookup, type HostedZoneInfo, type ImageInfo, type InstanceRole, type InstanceTypeFacts, type InstanceTypeInfo, type SubnetInfo, type VpcInfo } from './lookup.js';

/** Candidates per role, cheapest suitable first; the first one offered in every zone of the group wins. */
const DEFAULT_TYPE_CANDIDATES: Record<InstanceRole, string[]> = {
  ControlPlane: ['t3.medium', 'c5.large', 'c4.large', 't4g.medium'],
  APIServer: ['t3.medium', 'c5.large', 'c4.large', 't4g.medium'],
  Node: ['t3.medium', 'c5.large', 'c4.large', 't4g.medium'],
  Bastion: ['t3.micro', 't2.micro'],
};

export function sdkLookup(region: string): AwsLookup {
  let ec2: EC2Client | undefined;
  let route53: Route53Client | undefined;
  const instanceTypes = new Map<string, Promise<InstanceTypeInfo | undefined>>();
  // A bucket stays in its region: completing the spec, the discovery documents and terraform's files provider ask once.
  const bucketRegions = new Map<string, Promise<string>>();
  const ec2Client = async () => ({ client: (ec2 ??= resilientClient('ec2', (r) => new EC2Client({ region, ...r }))) });
  const route53Client = async () => ({ client: (route53 ??= resilientClient('route53', (r) => new Route53Client({ region, ...r }))) });

  const lookup: AwsLookup = {
    region,
    async zones() {
      const { client } = await ec2Client();
      const res = await call(`listing the zones of region ${region}`, () =>
        client.send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'region-name', Values: [region] }] })),
      );
      return (res.AvailabilityZones ?? []).map((z) => z.ZoneName ?? '').filter(Boolean).sort();
    },
    instanceType(name) {
      let cached = instanceTypes.get(name);
      if (!cached) {
        cached = (async () => {
          const { client } = await ec2Client();
          try {
            const res = await client.send(new DescribeInstanceTypesCommand({ InstanceTypes: [name as never] }));
            const t = res.InstanceTypes?.[0];
            if (!t) return undefined;
            return {
              name,
              architectures: (t.ProcessorInfo?.SupportedArchitectures ?? []).map(String),
              vcpus: t.VCpuInfo?.DefaultVCpus ?? 0,
              memoryMiB: t.MemoryInfo?.SizeInMiB ?? 0,
            };
          } catch (err) {
            if (/InvalidInstanceType/i.test(errorName(err))) return undefined;
            throw wrap(`describing instance type ${name}`, err);
          }
        })();
        instanceTypes.set(name, cached);
      }
      return cached;
    },
    async instanceTypeOfferedIn(name, zone) {
      const { client } = await ec2Client();
      const res = await call(`listing offerings of ${name}`, () =>
        client.send(
          new DescribeInstanceTypeOfferingsCommand({
            LocationType: 'availability-zone',
            Filters: [
              { Name: 'location', Values: [zone] },
              { Name: 'instance-type', Values: [name] },
            ],
          }),
        ),
      );
      return (res.InstanceTypeOfferings ?? []).length > 0;
    },
    async defaultInstanceType(role, zones) {
      for (const candidate of DEFAULT_TYPE_CANDIDATES[role]) {
        const offered = await Promise.all(zones.map((z) => lookup.instanceTypeOfferedIn(candidate, z)));
        if (offered.every(Boolean)) return candidate;
      }
      throw new UserError(
        `no default machine type for ${role} is offered in ${zones.join(', ')} (tried ${DEFAULT_TYPE_CANDIDATES[role].join(', ')})`,
        'choose one with --control-plane-size / --node-size',
      );
    },
    async findImage(image) {
      const { client } = await ec2Client();
      const owned = splitImageOwner(image);
      const input = image.startsWith('ami-')
        ? { ImageIds: [image] }
        : owned
          ? { Owners: [owned.owner], Filters: [{ Name: 'name', Values: [owned.name] }] }
          : { Filters: [{ Name: 'name', Values: [image] }] };
      const res = await call(`looking up image ${image}`, () => client.send(new DescribeImagesCommand(input)));
      const images: ImageInfo[] = (res.Images ?? [])
        .map((i) => ({
          id: i.ImageId ?? '',
          name: i.Name ?? '',
          ownerId: i.OwnerId ?? '',
          architecture: String(i.Architecture ?? ''),
          creationDate: i.CreationDate ?? '',
          rootDeviceName: i.RootDeviceName,
        }))
        // Strict on the owner even if the endpoint ignores the Owners filter (moto's list, a misbehaving proxy).
        .filter((i) => !owned || (i.ownerId === owned.owner && i.name === owned.name))
        .filter((i) => !image.startsWith('ami-') || i.id === image);
      images.sort((a, b) => (a.creationDate < b.creationDate ? 1 : a.creationDate > b.creationDate ? -1 : 0));
      return images[0];
    },
    async vpc(id) {
      const { client } = await ec2Client();
      try {
        const res = await client.send(new DescribeVpcsCommand({ VpcIds: [id] }));
        const v = res.Vpcs?.[0];
        if (!v) return undefined;
        const extra = (v.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlock ?? '').filter((c) => c && c !== v.CidrBlock);
        return { id, cidr: v.CidrBlock ?? '', additionalCidrs: extra } satisfies VpcInfo;
      } catch (err) {
        if (/NotFound/i.test(errorName(err))) return undefined;
        throw wrap(`describing VPC ${id}`, err);
      }
    },
    async subnets(ids) {
      if (!ids.length) return [];
      const { client } = await ec2Client();
      try {
        const res = await client.send(new DescribeSubnetsCommand({ SubnetIds: ids }));
        return (res.Subnets ?? []).map(toSubnet);
      } catch (err) {
        if (/NotFound/i.test(errorName(err))) return [];
        throw wrap(`describing subnets ${ids.join(', ')}`, err);
      }
    },
    async subnetsOfVpc(vpcId) {
      const { client } = await ec2Client();
      const res = await call(`listing subnets of ${vpcId}`, () =>
        client.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })),
      );
      return (res.Subnets ?? []).map(toSubnet);
    },
    async hostedZones() {
      const { client } = await route53Client();
      const zones: HostedZoneInfo[] = [];
      let marker: string | undefined;
      do {
        const res = await call('listing Route 53 hosted zones', () => client.send(new ListHostedZonesCommand({ Marker: marker })));
        for (const z of res.HostedZones ?? []) {
          zones.push({ id: (z.Id ?? '').replace(/^\/hostedzone\//, ''), name: (z.Name ?? '').replace(/\.$/, ''), private: !!z.Config?.PrivateZone });
        }
        marker = res.IsTruncated ? res.NextMarker : undefined;
      } while (marker);
      return zones;
    },
    async instanceTypeFacts(names) {
      const { client } = await ec2Client();
      const facts: Record<string, InstanceTypeFacts> = {};
      const unique = [...new Set(names)].sort();
      for (let i = 0; i < unique.length; i += 100) {
        const batch = unique.slice(i, i + 100);
        const res = await call(`describing instance types ${batch.join(', ')}`, () => client.send(new DescribeInstanceTypesCommand({ InstanceTypes: batch as never })));
        for (const t of res.InstanceTypes ?? []) {
          const disks = (t.InstanceStorageInfo?.Disks ?? []).reduce((n, d) => n + (d.Count ?? 0), 0);
          facts[String(t.InstanceType)] = { instanceStoreDisks: disks, ...(t.GpuInfo ? { gpu: true } : {}) };
        }
      }
      return facts;
    },
    async internetGatewayOfVpc(vpcId) {
      const { client } = await ec2Client();
      const res = await call(`listing the internet gateways of ${vpcId}`, () =>
        client.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpcId] }] })),
      );
      return res.InternetGateways?.[0]?.InternetGatewayId;
    },
    bucketRegion(bucket) {
      let cached = bucketRegions.get(bucket);
      if (!cached) {
        cached = (async () => {
          const sdk = await import('@aws-sdk/client-s3');
          const client = resilientClient('s3', (r) => new sdk.S3Client({ region, forcePathStyle: true, ...r }));
          const res = await call(`locating bucket ${bucket}`, () => client.send(new sdk.GetBucketLocationCommand({ Bucket: bucket })));
          // S3 answers an empty location for us-east-1.
          return res.LocationConstraint || 'us-east-1';
        })();
        bucketRegions.set(bucket, cached);
      }
      return cached;
    },
  };
  return lookup;
}

function toSubnet(s: { SubnetId?: string; VpcId?: string; AvailabilityZone?: string; CidrBlock?: string }): SubnetInfo {
  return { id: s.SubnetId ?? '', vpcId: s.VpcId ?? '', zone: s.AvailabilityZone ?? '', cidr: s.CidrBlock ?? '' };
}

function errorName(err: unknown): string {
  const e = err as { name?: string; Code?: string };
  return `${e?.name ?? ''} ${e?.Code ?? ''}`;
}

function wrap(what: string, err: unknown): UserError {
  const message = err instanceof Error ? err.message : String(err);
  const endpoint = process.env.AWS_ENDPOINT_URL;
  return new UserError(`AWS error ${what}: ${message}`, endpoint ? `the AWS endpoint is ${endpoint} (AWS_ENDPOINT_URL)` : undefined);
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw wrap(what, err);
  }
}
