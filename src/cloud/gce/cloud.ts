import type { CloudLookup } from '../lookup.js';
import type { Cloud } from '../types.js';
import { findGceApiAddress } from './api-load-balancer.js';
import { configuredAccount } from './clients.js';
import { GceCompute } from './compute.js';
import { gceDirectProvider } from './direct.js';
import { gceDiscovery } from './discovery.js';
import { gceClusterNetwork, gceInstanceGroups } from './instance-groups.js';
import { gcsStoreObjectAcl } from './storage-acl.js';
import { gceTerraform } from './terraform.js';

export interface GceCloudOptions {
  project: string;
  region: string;
  /** Where to read KOPS_GCE_ENDPOINT and GOOGLE_APPLICATION_CREDENTIALS (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface GceCloud extends Cloud {
  readonly compute: GceCompute;
}

/** GCE behind the cloud interface: Compute Engine clients of one project and region, and what is built on them. */
export function gceCloud(options: GceCloudOptions): GceCloud {
  const compute = new GceCompute(options.project, options.region, options.env);
  return {
    provider: 'gce',
    region: options.region,
    compute,
    lookup: gceRegionLookup(compute),
    async verifyAccess() {
      await compute.list('networks', '');
      return { account: options.project, partition: '', principal: configuredAccount(options.env) || 'application default credentials' };
    },
    direct: () => gceDirectProvider(compute),
    discovery: gceDiscovery(compute),
    dns: compute.dns,
    terraform: gceTerraform(options.project, (bucket) => gcsStoreObjectAcl(compute, bucket)),
    instanceGroups: gceInstanceGroups(compute),
    clusterNetwork: (clusterName) => gceClusterNetwork(compute, clusterName),
    apiLoadBalancerAddress: (clusterName) => findGceApiAddress(compute, clusterName),
  };
}

/** The region's zones; the other look-ups are EC2 notions (GCE inference uses cloud/gce/lookup.ts). */
function gceRegionLookup(compute: GceCompute): CloudLookup {
  const ec2Only = (what: string) => () => Promise.reject(new Error(`${what} is an AWS look-up; GCE clusters do not use it`));
  return {
    region: compute.region,
    zones: () => compute.zones(),
    instanceType: ec2Only('instance types'),
    instanceTypeOfferedIn: ec2Only('instance type offerings'),
    defaultInstanceType: ec2Only('default instance types'),
    findImage: ec2Only('images'),
    vpc: ec2Only('VPCs'),
    subnets: ec2Only('subnets'),
    subnetsOfVpc: ec2Only('subnets'),
    hostedZones: ec2Only('Route 53 hosted zones'),
    instanceTypeFacts: ec2Only('instance types'),
    internetGatewayOfVpc: ec2Only('internet gateways'),
    bucketRegion: ec2Only('S3 bucket regions'),
  };
}
