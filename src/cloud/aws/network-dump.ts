import { DescribeSubnetsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import type { ClusterNetwork } from '../types.js';
import type { AwsClients } from './clients.js';

/** The cluster's VPC and subnets, found by its cluster tag (shared ones included when tagged for it). */
export async function dumpNetwork(aws: AwsClients, clusterName: string): Promise<ClusterNetwork> {
  const filters = [{ Name: `tag-key`, Values: [`kubernetes.io/cluster/${clusterName}`] }];
  const vpcs = await aws.ec2.send(new DescribeVpcsCommand({ Filters: filters }));
  const subnets = await aws.ec2.send(new DescribeSubnetsCommand({ Filters: filters }));
  const vpcId = vpcs.Vpcs?.[0]?.VpcId ?? subnets.Subnets?.[0]?.VpcId;
  return {
    vpc: vpcId ? { id: vpcId } : undefined,
    subnets: (subnets.Subnets ?? []).map((s) => ({ id: s.SubnetId ?? '', zone: s.AvailabilityZone ?? '' })).sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}
