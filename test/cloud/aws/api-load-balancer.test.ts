import { expect, test } from 'vitest';
import { findApiLoadBalancerDns } from '../../../src/cloud/aws/api-load-balancer.js';
import { answeringAws } from '../../ops/delete/run-deletion.js';

const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));

test("the API load balancer is the cluster's tagged balancer named api-*, found across pages; none gives undefined", async () => {
  const lbTags: Record<string, Record<string, string>> = {
    'arn:lb/api-other': { KubernetesCluster: 'other.k8s.local' },
    'arn:lb/web-a': { KubernetesCluster: 'a.k8s.local' },
    'arn:lb/api-a': { KubernetesCluster: 'a.k8s.local' },
  };
  const pages: Record<string, object> = {
    first: { LoadBalancers: [{ LoadBalancerArn: 'arn:lb/api-other', LoadBalancerName: 'api-other', DNSName: 'other.elb' }, { LoadBalancerArn: 'arn:lb/web-a', LoadBalancerName: 'web-a', DNSName: 'web.elb' }], NextMarker: 'm2' },
    m2: { LoadBalancers: [{ LoadBalancerArn: 'arn:lb/api-a', LoadBalancerName: 'api-a-k8s-local', DNSName: 'api-a.elb.us-east-1.amazonaws.com' }] },
  };
  const aws = answeringAws({
    'elbv2:DescribeLoadBalancersCommand': (input) => pages[(input.Marker as string | undefined) ?? 'first'],
    'elbv2:DescribeTagsCommand': (input) => ({ TagDescriptions: (input.ResourceArns as string[]).map((arn) => ({ ResourceArn: arn, Tags: tags(lbTags[arn] ?? {}) })) }),
  });
  expect(await findApiLoadBalancerDns(aws.elbv2, 'a.k8s.local')).toBe('api-a.elb.us-east-1.amazonaws.com');
  expect(await findApiLoadBalancerDns(aws.elbv2, 'b.k8s.local')).toBeUndefined();
});
