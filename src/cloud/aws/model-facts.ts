import { DescribeInstanceTypesCommand, DescribeInternetGatewaysCommand, type EC2Client } from '@aws-sdk/client-ec2';

/** Instance-store disk count and GPU presence of instance types, which the launch templates depend on. */
export async function describeInstanceTypeFacts(ec2: EC2Client, names: string[]): Promise<Record<string, { instanceStoreDisks: number; gpu?: boolean }>> {
  const out: Record<string, { instanceStoreDisks: number; gpu?: boolean }> = {};
  const unique = [...new Set(names)].sort();
  for (let i = 0; i < unique.length; i += 100) {
    const res = await ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: unique.slice(i, i + 100) as never }));
    for (const t of res.InstanceTypes ?? []) {
      const disks = (t.InstanceStorageInfo?.Disks ?? []).reduce((n, d) => n + (d.Count ?? 0), 0);
      out[String(t.InstanceType)] = { instanceStoreDisks: disks, ...(t.GpuInfo ? { gpu: true } : {}) };
    }
  }
  return out;
}

/** The internet gateway attached to a VPC, if any (for clusters in a shared VPC). */
export async function attachedInternetGateway(ec2: EC2Client, vpcId: string): Promise<string | undefined> {
  const res = await ec2.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpcId] }] }));
  return res.InternetGateways?.[0]?.InternetGatewayId;
}
