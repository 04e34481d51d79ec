import { expect, test } from 'vitest';
import { AWS_DISCOVERIES } from '../../../src/cloud/aws/resources/index.js';
import { answeringAws, discover } from './run-deletion.js';

const NAME = 'a.example.com';
const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
const ownedTags = { KubernetesCluster: NAME, [`kubernetes.io/cluster/${NAME}`]: 'owned' };

test("balancers tagged for the cluster go (kops's API balancer, a service's classic ELB); others in its network block it", async () => {
  const lbTags: Record<string, Record<string, string>> = { 'arn:lb/api-a': ownedTags, 'arn:lb/api-aa': { KubernetesCluster: `a${NAME}` }, 'arn:tg/tcp-a': { KubernetesCluster: NAME } };
  const classicTags: Record<string, Record<string, string>> = { 'svc-web': { [`kubernetes.io/cluster/${NAME}`]: 'owned' }, 'by-hand': { team: 'web' } };
  const aws = answeringAws({
    'ec2:DescribeVpcsCommand': () => ({ Vpcs: [{ VpcId: 'vpc-1', Tags: tags(ownedTags) }] }),
    'ec2:DescribeSubnetsCommand': () => ({ Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1', Tags: tags({ Name: `us-east-1a.${NAME}`, ...ownedTags }) }] }),
    'elbv2:DescribeLoadBalancersCommand': () => ({
      LoadBalancers: [
        { LoadBalancerArn: 'arn:lb/api-a', LoadBalancerName: 'api-a', VpcId: 'vpc-1' },
        { LoadBalancerArn: 'arn:lb/api-aa', LoadBalancerName: 'api-aa', VpcId: 'vpc-2' },
      ],
    }),
    'elbv2:DescribeTargetGroupsCommand': () => ({ TargetGroups: [{ TargetGroupArn: 'arn:tg/tcp-a', TargetGroupName: 'tcp-a' }] }),
    'elbv2:DescribeTagsCommand': (input) => ({ TagDescriptions: (input.ResourceArns as string[]).map((arn) => ({ ResourceArn: arn, Tags: tags(lbTags[arn] ?? {}) })) }),
    'elb:DescribeLoadBalancersCommand': () => ({
      LoadBalancerDescriptions: [
        { LoadBalancerName: 'svc-web', Subnets: ['subnet-1'] },
        { LoadBalancerName: 'by-hand', Subnets: ['subnet-1'], VPCId: 'vpc-1' },
      ],
    }),
    'elb:DescribeTagsCommand': (input) => ({ TagDescriptions: (input.LoadBalancerNames as string[]).map((name) => ({ LoadBalancerName: name, Tags: tags(classicTags[name] ?? {}) })) }),
  });
  const kinds = ['vpc', 'subnet', 'load-balancer', 'target-group'];

  const { found } = await discover(aws, NAME, false, AWS_DISCOVERIES.filter((d) => kinds.includes(d.kind)));

  expect(found.objects.filter((r) => r.type !== 'vpc' && r.type !== 'subnet').map((r) => `${r.type} ${r.id}`)).toEqual([
    'load-balancer arn:lb/api-a',
    'load-balancer svc-web',
    'target-group arn:tg/tcp-a',
  ]);
  expect(found.blockers).toEqual([
    {
      blocked: 'subnet subnet-1 (us-east-1a.a.example.com)',
      by: 'classic load balancer by-hand (team=web)',
      hint: `it is not part of cluster ${NAME}: delete it, then run 'kops delete cluster --yes' again`,
    },
  ]);
});
