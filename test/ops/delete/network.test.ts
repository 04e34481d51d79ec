import { describe, expect, test } from 'vitest';
import { planNetwork, type NetworkSnapshot } from '../../../src/cloud/aws/discovery/network.js';
import { ownership } from '../../../src/cloud/aws/discovery/resource.js';

const NAME = 'a.example.com';
const tags = (t: Record<string, string>) => Object.entries(t).map(([Key, Value]) => ({ Key, Value }));
const owned = (name: string) => tags({ Name: name, KubernetesCluster: NAME, [`kubernetes.io/cluster/${NAME}`]: 'owned' });

function snapshot(s: Partial<NetworkSnapshot>): NetworkSnapshot {
  return { vpcs: [], subnets: [], routeTables: [], internetGateways: [], egressOnlyInternetGateways: [], securityGroups: [], natGateways: [], addresses: [], dhcpOptions: [], peerings: [], ...s };
}

const planned = (s: Partial<NetworkSnapshot>) => {
  const plan = planNetwork(snapshot(s), NAME);
  return { plan, actions: plan.resources.map((r) => `${r.action} ${r.type} ${r.id}`).sort() };
};

describe('ownership by tags', () => {
  test('owned, shared, legacy, and clusters whose name ends like ours', () => {
    expect(ownership({ [`kubernetes.io/cluster/${NAME}`]: 'owned' }, NAME)).toBe('owned');
    expect(ownership({ [`kubernetes.io/cluster/${NAME}`]: 'shared' }, NAME)).toBe('shared');
    expect(ownership({ KubernetesCluster: NAME }, NAME)).toBe('owned');
    expect(ownership({ KubernetesCluster: `a${NAME}`, [`kubernetes.io/cluster/a${NAME}`]: 'owned' }, NAME)).toBeUndefined();
    expect(ownership({}, NAME)).toBeUndefined();
  });
});

describe('planNetwork', () => {
  const vpc = { VpcId: 'vpc-1', Tags: owned(NAME) };

  test('untagged gateways and non-main route tables of the cluster VPC go with it; the main table is left to the VPC', () => {
    const { actions } = planned({
      vpcs: [vpc],
      internetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1' }] }],
      routeTables: [
        { RouteTableId: 'rtb-main', VpcId: 'vpc-1', Associations: [{ Main: true }] },
        { RouteTableId: 'rtb-untagged', VpcId: 'vpc-1' },
      ],
    });
    expect(actions).toEqual(['delete internet-gateway igw-1', 'delete route-table rtb-untagged', 'delete vpc vpc-1']);
  });

  test('a shared VPC and subnet only lose our tags; nothing untagged in them is touched', () => {
    const shared = tags({ [`kubernetes.io/cluster/${NAME}`]: 'shared' });
    const { actions } = planned({
      vpcs: [{ VpcId: 'vpc-2', Tags: shared }],
      subnets: [
        { SubnetId: 'subnet-shared', VpcId: 'vpc-2', Tags: shared },
        { SubnetId: 'subnet-user', VpcId: 'vpc-2' },
        { SubnetId: 'subnet-ours', VpcId: 'vpc-2', Tags: owned('us-east-1a.' + NAME) },
      ],
      internetGateways: [{ InternetGatewayId: 'igw-user', Attachments: [{ VpcId: 'vpc-2' }] }],
      routeTables: [{ RouteTableId: 'rtb-user', VpcId: 'vpc-2' }],
    });
    expect(actions).toEqual(['delete subnet subnet-ours', 'untag subnet subnet-shared', 'untag vpc vpc-2']);
  });

  test('what the cluster does not own inside its VPC is named as a blocker, not deleted', () => {
    const { plan, actions } = planned({
      vpcs: [vpc],
      subnets: [{ SubnetId: 'subnet-user', VpcId: 'vpc-1', Tags: tags({ Name: 'mine' }) }],
      routeTables: [{ RouteTableId: 'rtb-other', VpcId: 'vpc-1', Tags: tags({ KubernetesCluster: 'b.example.com' }) }],
      securityGroups: [
        { GroupId: 'sg-default', GroupName: 'default', VpcId: 'vpc-1' },
        { GroupId: 'sg-user', GroupName: 'bastion-by-hand', VpcId: 'vpc-1' },
      ],
      peerings: [{ VpcPeeringConnectionId: 'pcx-1', Status: { Code: 'active' }, RequesterVpcInfo: { VpcId: 'vpc-1' }, AccepterVpcInfo: { VpcId: 'vpc-9' } }],
    });
    expect(actions).toEqual(['delete vpc vpc-1']);
    expect(plan.blockers.map((b) => `${b.blocked} <- ${b.by}`)).toEqual([
      'vpc vpc-1 (a.example.com) <- subnet subnet-user (Name=mine)',
      'vpc vpc-1 (a.example.com) <- route table rtb-other (KubernetesCluster=b.example.com)',
      'vpc vpc-1 (a.example.com) <- security group sg-user (Name=bastion-by-hand)',
      'vpc vpc-1 (a.example.com) <- VPC peering connection pcx-1 (no tags)',
    ]);
  });

  test('a NAT gateway our route tables use goes, with its address; rules naming our groups are revoked elsewhere too', () => {
    const { actions, plan } = planned({
      vpcs: [vpc],
      routeTables: [{ RouteTableId: 'rtb-private', VpcId: 'vpc-1', Tags: owned('private'), Routes: [{ NatGatewayId: 'nat-1' }] }],
      natGateways: [{ NatGatewayId: 'nat-1', State: 'available', NatGatewayAddresses: [{ AllocationId: 'eipalloc-1', NetworkInterfaceId: 'eni-nat' }] }],
      addresses: [{ AllocationId: 'eipalloc-1', AssociationId: 'eipassoc-1' }],
      securityGroups: [
        { GroupId: 'sg-nodes', GroupName: `nodes.${NAME}`, VpcId: 'vpc-1', Tags: owned(`nodes.${NAME}`), IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-nodes' }] }] },
        { GroupId: 'sg-db', GroupName: 'db', VpcId: 'vpc-9', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: 'sg-nodes' }, { GroupId: 'sg-app' }] }] },
      ],
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
    expect(plan.natInterfaceIds).toEqual(new Set(['eni-nat']));
    expect(plan.resources.find((r) => r.type === 'security-group-rules' && r.id === 'sg-nodes')?.internal).toBe(true);
    expect(plan.resources.find((r) => r.type === 'security-group-rules' && r.id === 'sg-db')?.internal).toBe(false);
  });
});
