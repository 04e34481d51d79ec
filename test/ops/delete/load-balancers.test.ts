import { expect, test } from 'vitest';
import { planBalancers, type BalancerSnapshot } from '../../../src/cloud/aws/discovery/load-balancers.js';

const NAME = 'a.example.com';
const network = { vpcIds: new Set(['vpc-1']), subnetIds: new Set(['subnet-1']), labels: new Map([['subnet-1', 'subnet subnet-1 (us-east-1a.a.example.com)']]) };

test("balancers tagged for the cluster go (kops's API balancer, a service's classic ELB); others in its network block it", () => {
  const snap: BalancerSnapshot = {
    loadBalancers: [
      { item: { LoadBalancerName: 'api-a', VpcId: 'vpc-1' }, arn: 'arn:lb/api-a', tags: { KubernetesCluster: NAME, [`kubernetes.io/cluster/${NAME}`]: 'owned' } },
      { item: { LoadBalancerName: 'api-aa', VpcId: 'vpc-2' }, arn: 'arn:lb/api-aa', tags: { KubernetesCluster: `a${NAME}` } },
    ],
    classicLoadBalancers: [
      { item: { LoadBalancerName: 'svc-web', Subnets: ['subnet-1'] }, arn: 'svc-web', tags: { [`kubernetes.io/cluster/${NAME}`]: 'owned' } },
      { item: { LoadBalancerName: 'by-hand', Subnets: ['subnet-1'], VPCId: 'vpc-1' }, arn: 'by-hand', tags: { team: 'web' } },
    ],
    targetGroups: [{ item: { name: 'tcp-a' }, arn: 'arn:tg/tcp-a', tags: { KubernetesCluster: NAME } }],
  };

  const { resources, blockers } = planBalancers(snap, NAME, network);

  expect(resources.map((r) => `${r.type} ${r.id}`)).toEqual(['load-balancer svc-web', 'load-balancer arn:lb/api-a', 'target-group arn:tg/tcp-a']);
  expect(blockers).toEqual([
    {
      blocked: 'subnet subnet-1 (us-east-1a.a.example.com)',
      by: 'classic load balancer by-hand (team=web)',
      hint: `it is not part of cluster ${NAME}: delete it, then run 'kops delete cluster --yes' again`,
    },
  ]);
});
