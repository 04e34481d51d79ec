import { DescribeLoadBalancersCommand, DescribeTagsCommand, type ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';

/** DNS name of the cluster's API network load balancer, found by its `KubernetesCluster` tag. */
export async function findApiLoadBalancerDns(client: ElasticLoadBalancingV2Client, clusterName: string): Promise<string | undefined> {
  let marker: string | undefined;
  do {
    const page = await client.send(new DescribeLoadBalancersCommand({ Marker: marker }));
    const lbs = page.LoadBalancers ?? [];
    for (let i = 0; i < lbs.length; i += 20) {
      const batch = lbs.slice(i, i + 20);
      const tags = await client.send(new DescribeTagsCommand({ ResourceArns: batch.map((lb) => lb.LoadBalancerArn!) }));
      for (const desc of tags.TagDescriptions ?? []) {
        const has = (k: string, v: string) => desc.Tags?.some((t) => t.Key === k && t.Value === v);
        const lb = batch.find((b) => b.LoadBalancerArn === desc.ResourceArn);
        if (has('KubernetesCluster', clusterName) && lb?.LoadBalancerName?.startsWith('api-')) return lb.DNSName;
      }
    }
    marker = page.NextMarker;
  } while (marker);
  return undefined;
}
