import {
  DeleteLoadBalancerCommand,
  DescribeTagsCommand,
  paginateDescribeLoadBalancers,
  type LoadBalancerDescription,
} from '@aws-sdk/client-elastic-load-balancing';
import type { AwsClients } from '../clients.js';
import { fromAwsTags, type Tags } from '../tags.js';
import { collect } from './common.js';
import { byOwnership, discoverOnly } from './discovery.js';
import { blockInNetwork } from './load-balancer.js';

/**
 * Classic load balancers, which kops no longer makes: those Kubernetes made for the cluster's services (tagged
 * owned) are deleted; others in the cluster's network stop the deletion.
 */
export const ClassicLoadBalancer = discoverOnly({
  kind: 'load-balancer',
  by: 'tags',
  after: [],
  list: async (aws) => withClassicTags(aws, await collect(paginateDescribeLoadBalancers({ client: aws.elb }, {}), (p) => p.LoadBalancerDescriptions)),
  async claim(balancers, ctx) {
    for (const { item: lb, name, tags } of balancers) {
      if (ctx.rules.ownership(tags) !== 'owned') await blockInNetwork(ctx, lb.Subnets ?? [], lb.VPCId, ctx.rules.foreign('classic load balancer', name, tags));
    }
    return byOwnership(balancers, ctx, ({ name, tags }) => ({ id: name, name: tags.Name ?? name, tags }));
  },
  async delete(aws, actual) {
    await aws.elb.send(new DeleteLoadBalancerCommand({ LoadBalancerName: actual.id }));
  },
});

/** The classic API's DescribeTags also takes at most 20 names a call. */
async function withClassicTags(aws: AwsClients, items: readonly LoadBalancerDescription[]): Promise<{ item: LoadBalancerDescription; name: string; tags: Tags }[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < items.length; i += 20) chunks.push(items.slice(i, i + 20).map((l) => l.LoadBalancerName!));
  const answers = await Promise.all(chunks.map((LoadBalancerNames) => aws.elb.send(new DescribeTagsCommand({ LoadBalancerNames }))));
  const tags = new Map(answers.flatMap((a) => a.TagDescriptions ?? []).map((d) => [d.LoadBalancerName!, fromAwsTags(d.Tags)]));
  return items.map((item) => ({ item, name: item.LoadBalancerName!, tags: tags.get(item.LoadBalancerName!) ?? {} }));
}
