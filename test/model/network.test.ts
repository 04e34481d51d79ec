import { describe, expect, test } from 'vitest';
import { buildAwsModel } from '../../src/model/aws.js';
import { goldenModelInputs } from '../helpers/golden-cases.js';
import type { ClusterSubnetSpec } from '../../src/apis/types.js';

const g = goldenModelInputs('minimal-aws');
const modelWith = (subnets: ClusterSubnetSpec[], extra: Record<string, unknown> = {}) => buildAwsModel({ ...g.cluster, spec: { ...g.cluster.spec, subnets, ...extra } }, g.instanceGroups, g.ctx);
const routes = (tasks: ReturnType<typeof buildAwsModel>) => tasks.filter((t) => t.type === 'aws_route').map((t) => t.name).sort();

describe('network model (pkg/model/awsmodel/network.go)', () => {
  test('on an IPv6-only cluster a public IPv6 subnet gets its zone\'s table, with NAT64 through a NAT gateway in that subnet', () => {
    const tasks = modelWith([{ name: 'us-test-1a', zone: 'us-test-1a', cidr: '172.20.32.0/19', ipv6CIDR: '2001:db8:0:111::/64', type: 'Public' }], { nonMasqueradeCIDR: '::/0', networking: { cilium: {} } });
    expect(routes(tasks)).toEqual(['0.0.0.0/0', '::/0', 'public-us-test-1a-0.0.0.0/0', 'public-us-test-1a-64:ff9b::/96', 'public-us-test-1a-::/0']);
    expect(tasks.find((t) => t.type === 'aws_route_table_association')?.name).toBe('public-us-test-1a.minimal-aws.example.com');
    expect(tasks.some((t) => t.type === 'aws_egress_only_internet_gateway')).toBe(false);
  });

  test('a dual-stack cluster that is not IPv6-only gets no egress-only gateway nor NAT64 routes', () => {
    const tasks = modelWith([
      { name: 'us-test-1a', zone: 'us-test-1a', cidr: '172.20.32.0/19', ipv6CIDR: '2001:db8:0:111::/64', type: 'Private' },
      { name: 'utility-us-test-1a', zone: 'us-test-1a', cidr: '172.20.4.0/22', ipv6CIDR: '2001:db8:0:112::/64', type: 'Utility' },
    ]);
    expect(routes(tasks)).toEqual(['0.0.0.0/0', '::/0', 'private-us-test-1a-0.0.0.0/0']);
    expect(tasks.some((t) => t.type === 'aws_egress_only_internet_gateway')).toBe(false);
  });

  test('a private subnet\'s additional routes go to its zone\'s private table, named after the subnet and CIDR', () => {
    const tasks = modelWith([
      { name: 'us-test-1a', zone: 'us-test-1a', cidr: '172.20.32.0/19', type: 'Private', additionalRoutes: [{ cidr: '10.9.0.0/16', target: 'pcx-1' }] },
      { name: 'utility-us-test-1a', zone: 'us-test-1a', cidr: '172.20.4.0/22', type: 'Utility' },
    ]);
    const route = tasks.find((t) => t.name === 'us-test-1a.10.9.0.0/16')!;
    expect(route.spec).toMatchObject({ destinationCidrBlock: '10.9.0.0/16', vpcPeeringConnectionId: 'pcx-1' });
    expect(JSON.stringify(route.spec)).toContain('private-us-test-1a.minimal-aws.example.com');
  });
});
