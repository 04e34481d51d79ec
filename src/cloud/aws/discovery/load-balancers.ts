import {
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeTagsCommand,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
  type ElasticLoadBalancingV2Client,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DeleteLoadBalancerCommand as DeleteClassicLoadBalancerCommand,
  DescribeTagsCommand as DescribeClassicTagsCommand,
  paginateDescribeLoadBalancers as paginateDescribeClassicLoadBalancers,
  type ElasticLoadBalancingClient,
  type LoadBalancerDescription,
} from '@aws-sdk/client-elastic-load-balancing';
import type { AwsClients } from '../clients.js';
import type { Tags } from '../tags.js';
import { collect, ignoreGone, tagsOf } from './aws-util.js';
import { foreign, thenAgain } from './network.js';
import { ownership, type Blocker, type ClusterResource } from './resource.js';

interface Tagged<T> {
  item: T;
  arn: string;
  tags: Tags;
}

export interface BalancerSnapshot {
  loadBalancers: Tagged<LoadBalancer>[];
  classicLoadBalancers: Tagged<LoadBalancerDescription>[];
  targetGroups: Tagged<{ name: string }>[];
}

export async function describeBalancers(aws: AwsClients): Promise<BalancerSnapshot> {
  const client = { client: aws.elbv2 };
  const [lbs, tgs, classic] = await Promise.all([
    collect(paginateDescribeLoadBalancers(client, {}), (p) => p.LoadBalancers),
    collect(paginateDescribeTargetGroups(client, {}), (p) => p.TargetGroups),
    collect(paginateDescribeClassicLoadBalancers({ client: aws.elb }, {}), (p) => p.LoadBalancerDescriptions),
  ]);
  const [lbTags, tgTags, classicTags] = await Promise.all([
    tagsByArn(aws.elbv2, lbs.map((l) => l.LoadBalancerArn!)),
    tagsByArn(aws.elbv2, tgs.map((t) => t.TargetGroupArn!)),
    classicTagsByName(aws.elb, classic.map((l) => l.LoadBalancerName!)),
  ]);
  return {
    classicLoadBalancers: classic.map((item) => ({ item, arn: item.LoadBalancerName!, tags: classicTags.get(item.LoadBalancerName!) ?? {} })),
    loadBalancers: lbs.map((item) => ({ item, arn: item.LoadBalancerArn!, tags: lbTags.get(item.LoadBalancerArn!) ?? {} })),
    targetGroups: tgs.map((t) => ({ item: { name: t.TargetGroupName ?? '' }, arn: t.TargetGroupArn!, tags: tgTags.get(t.TargetGroupArn!) ?? {} })),
  };
}

/** DescribeTags takes at most 20 ARNs a call. */
async function tagsByArn(elbv2: ElasticLoadBalancingV2Client, arns: string[]): Promise<Map<string, Tags>> {
  const chunks: string[][] = [];
  for (let i = 0; i < arns.length; i += 20) chunks.push(arns.slice(i, i + 20));
  const answers = await Promise.all(chunks.map((ResourceArns) => elbv2.send(new DescribeTagsCommand({ ResourceArns }))));
  return new Map(answers.flatMap((a) => a.TagDescriptions ?? []).map((d) => [d.ResourceArn!, tagsOf(d)]));
}

/** The classic API's DescribeTags also takes at most 20 names a call. */
async function classicTagsByName(elb: ElasticLoadBalancingClient, names: string[]): Promise<Map<string, Tags>> {
  const chunks: string[][] = [];
  for (let i = 0; i < names.length; i += 20) chunks.push(names.slice(i, i + 20));
  const answers = await Promise.all(chunks.map((LoadBalancerNames) => elb.send(new DescribeClassicTagsCommand({ LoadBalancerNames }))));
  return new Map(answers.flatMap((a) => a.TagDescriptions ?? []).map((d) => [d.LoadBalancerName!, tagsOf(d)]));
}

export interface BalancerNetwork {
  vpcIds: ReadonlySet<string>;
  subnetIds: ReadonlySet<string>;
  labels: ReadonlyMap<string, string>;
}

/** The cluster's balancers (kops's API balancer and those Kubernetes made for services) and target groups. */
export function planBalancers(snap: BalancerSnapshot, clusterName: string, network: BalancerNetwork): { resources: ClusterResource[]; blockers: Blocker[] } {
  const resources: ClusterResource[] = [];
  const blockers: Blocker[] = [];
  // Classic balancers: those Kubernetes made for services (tagged owned) go; others in the cluster's network block it.
  for (const { item: lb, arn: name, tags } of snap.classicLoadBalancers) {
    if (ownership(tags, clusterName) === 'owned') {
      resources.push({
        type: 'load-balancer',
        id: name,
        name: tags.Name ?? name,
        action: 'delete',
        run: (aws) => ignoreGone(() => aws.elb.send(new DeleteClassicLoadBalancerCommand({ LoadBalancerName: name }))),
      });
      continue;
    }
    const blockedId = (lb.Subnets ?? []).find((s) => network.subnetIds.has(s)) ?? (network.vpcIds.has(lb.VPCId ?? '') ? lb.VPCId : undefined);
    if (blockedId) {
      blockers.push({
        blocked: network.labels.get(blockedId) ?? blockedId,
        by: foreign('classic load balancer', name, tags),
        hint: `it is not part of cluster ${clusterName}: delete it, ${thenAgain}`,
      });
    }
  }
  for (const { item: lb, arn, tags } of snap.loadBalancers) {
    if (ownership(tags, clusterName) === 'owned') {
      resources.push({
        type: 'load-balancer',
        id: arn,
        name: lb.LoadBalancerName ?? '',
        action: 'delete',
        run: (aws) => ignoreGone(() => aws.elbv2.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: arn }))),
      });
      continue;
    }
    const subnet = (lb.AvailabilityZones ?? []).map((z) => z.SubnetId).find((s) => !!s && network.subnetIds.has(s));
    const blockedId = subnet ?? (network.vpcIds.has(lb.VpcId ?? '') ? lb.VpcId : undefined);
    if (blockedId) {
      blockers.push({
        blocked: network.labels.get(blockedId) ?? blockedId,
        by: foreign('load balancer', lb.LoadBalancerName ?? arn, tags),
        hint: `it is not part of cluster ${clusterName}: delete it, ${thenAgain}`,
      });
    }
  }
  for (const { item, arn, tags } of snap.targetGroups) {
    if (ownership(tags, clusterName) !== 'owned') continue;
    resources.push({
      type: 'target-group',
      id: arn,
      name: item.name,
      action: 'delete',
      run: (aws) => ignoreGone(() => aws.elbv2.send(new DeleteTargetGroupCommand({ TargetGroupArn: arn }))),
    });
  }
  return { resources, blockers };
}
