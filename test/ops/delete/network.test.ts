import { describe, expect, test } from 'vitest';
import { AWS_DISCOVERIES } from '../../../src/cloud/aws/resources/index.js';
import { deleteRules } from '../../../src/ops/delete/rules.js';
import { answeringAws, discover } from './run-deletion.js';

const NAME = 'a.example.com';
const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
const owned = (name: string) => tags({ Name: name, KubernetesCluster: NAME, [`kubernetes.io/cluster/${NAME}`]: 'owned' });

/** EC2 answering each Describe call with the given objects (nothing for the others). */
const fakeAws = (answers: Record<string, object>) => answeringAws(Object.fromEntries(Object.entries(answers).map(([k, v]) => [`ec2:${k}`, () => v])));

/** The network kinds of AWS's discoveries: those that read only EC2's network listings. */
const NETWORK_KINDS = ['vpc', 'dhcp-options', 'internet-gateway', 'egress-only-internet-gateway', 'subnet', 'route-table', 'nat-gateway', 'elastic-ip', 'security-group', 'security-group-rules', 'vpc-peering-connection'];
const network = AWS_DISCOVERIES.filter((d) => NETWORK_KINDS.includes(d.kind));

async function planned(answers: Record<string, object>) {
  const { found } = await discover(fakeAws(answers), NAME, false, network);
  return { found, actions: found.objects.map((r) => `${r.action} ${r.type} ${r.id}`).sort() };
}

describe('ownership by tags', () => {
  test('owned, shared, legacy, and clusters whose name ends like ours', () => {
    const rules = deleteRules(NAME);
    expect(rules.ownership({ [`kubernetes.io/cluster/${NAME}`]: 'owned' })).toBe('owned');
    expect(rules.ownership({ [`kubernetes.io/cluster/${NAME}`]: 'shared' })).toBe('shared');
    expect(rules.ownership({ KubernetesCluster: NAME })).toBe('owned');
    expect(rules.ownership({ KubernetesCluster: `a${NAME}`, [`kubernetes.io/cluster/a${NAME}`]: 'owned' })).toBeUndefined();
    expect(rules.ownership({})).toBeUndefined();
  });

  test("kops's name makes an untagged object the cluster's, not one tagged for another cluster", () => {
    const rules = deleteRules(NAME);
    expect(rules.ownershipOrName({}, true)).toBe('owned');
    expect(rules.ownershipOrName({ KubernetesCluster: 'b.example.com' }, true)).toBeUndefined();
    expect(rules.ownershipOrName({}, false)).toBeUndefined();
  });
});

describe('discovering the network', () => {
  const vpc = { VpcId: 'vpc-1', Tags: owned(NAME) };

  test('untagged gateways and non-main route tables of the cluster VPC go with it; the main table is left to the VPC', async () => {
    const { actions } = await planned({
      DescribeVpcsCommand: { Vpcs: [vpc] },
      DescribeInternetGatewaysCommand: { InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1' }] }] },
      DescribeRouteTablesCommand: {
        RouteTables: [
          { RouteTableId: 'rtb-main', VpcId: 'vpc-1', Associations: [{ Main: true }] },
          { RouteTableId: 'rtb-untagged', VpcId: 'vpc-1' },
        ],
      },
    });
    expect(actions).toEqual(['delete internet-gateway igw-1', 'delete route-table rtb-untagged', 'delete vpc vpc-1']);
  });

  test('a shared VPC and subnet only lose our tags; nothing untagged in them is touched', async () => {
    const shared = tags({ [`kubernetes.io/cluster/${NAME}`]: 'shared' });
    const { actions } = await planned({
      DescribeVpcsCommand: { Vpcs: [{ VpcId: 'vpc-2', Tags: shared }] },
      DescribeSubnetsCommand: {
        Subnets: [
          { SubnetId: 'subnet-shared', VpcId: 'vpc-2', Tags: shared },
          { SubnetId: 'subnet-user', VpcId: 'vpc-2' },
          { SubnetId: 'subnet-ours', VpcId: 'vpc-2', Tags: owned('us-east-1a.' + NAME) },
        ],
      },
      DescribeInternetGatewaysCommand: { InternetGateways: [{ InternetGatewayId: 'igw-user', Attachments: [{ VpcId: 'vpc-2' }] }] },
      DescribeRouteTablesCommand: { RouteTables: [{ RouteTableId: 'rtb-user', VpcId: 'vpc-2' }] },
    });
    expect(actions).toEqual(['delete subnet subnet-ours', 'untag subnet subnet-shared', 'untag vpc vpc-2']);
  });

  test('what the cluster does not own inside its VPC is named as a blocker, not deleted', async () => {
    const { found, actions } = await planned({
      DescribeVpcsCommand: { Vpcs: [vpc] },
      DescribeSubnetsCommand: { Subnets: [{ SubnetId: 'subnet-user', VpcId: 'vpc-1', Tags: tags({ Name: 'mine' }) }] },
      DescribeRouteTablesCommand: { RouteTables: [{ RouteTableId: 'rtb-other', VpcId: 'vpc-1', Tags: tags({ KubernetesCluster: 'b.example.com' }) }] },
      DescribeSecurityGroupsCommand: {
        SecurityGroups: [
          { GroupId: 'sg-default', GroupName: 'default', VpcId: 'vpc-1' },
          { GroupId: 'sg-user', GroupName: 'bastion-by-hand', VpcId: 'vpc-1' },
        ],
      },
      DescribeVpcPeeringConnectionsCommand: {
        VpcPeeringConnections: [{ VpcPeeringConnectionId: 'pcx-1', Status: { Code: 'active' }, RequesterVpcInfo: { VpcId: 'vpc-1' }, AccepterVpcInfo: { VpcId: 'vpc-9' } }],
      },
    });
    expect(actions).toEqual(['delete vpc vpc-1']);
    expect(found.blockers.map((b) => `${b.blocked} <- ${b.by}`)).toEqual([
      'vpc vpc-1 (a.example.com) <- subnet subnet-user (Name=mine)',
      'vpc vpc-1 (a.example.com) <- route table rtb-other (KubernetesCluster=b.example.com)',
      'vpc vpc-1 (a.example.com) <- security group sg-user (Name=bastion-by-hand)',
      'vpc vpc-1 (a.example.com) <- VPC peering connection pcx-1 (no tags)',
    ]);
  });

  test('a NAT gateway our route tables use goes, with its address; rules naming our groups are revoked elsewhere too', async () => {
    const { actions, found } = await planned({
      DescribeVpcsCommand: { Vpcs: [vpc] },
      DescribeRouteTablesCommand: { RouteTables: [{ RouteTableId: 'rtb-private', VpcId: 'vpc-1', Tags: owned('private'), Routes: [{ NatGatewayId: 'nat-1' }] }] },
      DescribeNatGatewaysCommand: { NatGateways: [{ NatGatewayId: 'nat-1', State: 'available', NatGatewayAddresses: [{ AllocationId: 'eipalloc-1', NetworkInterfaceId: 'eni-nat' }] }] },
      DescribeAddressesCommand: { Addresses: [{ AllocationId: 'eipalloc-1', AssociationId: 'eipassoc-1' }] },
      DescribeSecurityGroupsCommand: {
        SecurityGroups: [
          { GroupId: 'sg-nodes', GroupName: `nodes.${NAME}`, VpcId: 'vpc-1', Tags: owned(`nodes.${NAME}`), IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-nodes' }] }] },
          { GroupId: 'sg-db', GroupName: 'db', VpcId: 'vpc-9', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: 'sg-nodes' }, { GroupId: 'sg-app' }] }] },
        ],
      },
    });
    expect(actions).toEqual([
      'delete elastic-ip eipalloc-1',
      'delete nat-gateway nat-1',
      'delete route-table rtb-private',
      'delete security-group sg-nodes',
      'delete security-group-rules sg-db',
      'delete security-group-rules sg-nodes',
      'delete vpc vpc-1',
    ]);
    const rules = (id: string) => found.objects.find((r) => r.type === 'security-group-rules' && r.id === id);
    expect(rules('sg-nodes')?.internal).toBe(true);
    expect(rules('sg-db')?.internal).toBeUndefined();
  });
});
