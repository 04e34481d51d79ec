import {
  AllocateAddressCommand,
  CreateNatGatewayCommand,
  DeleteNatGatewayCommand,
  DescribeAddressesCommand,
  DescribeNatGatewaysCommand,
  DeleteNetworkInterfaceCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
  paginateDescribeNatGateways,
  type Address,
  type NatGateway as Ec2NatGateway,
} from '@aws-sdk/client-ec2';
import type { AwsClients } from '../clients.js';
import { UserError } from '../../../errors.js';
import { ec2Tagging } from '../tagging.js';
import { fromAwsTags, tagSpecifications } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, clusterFilter, collect, findOwned, orUndefined, waitFor } from './common.js';
import { deletedIds, discovery, ignoreGone, type Found } from './discovery.js';

export interface ElasticIpSpec {
  id?: string;
  domain: string;
  publicIp?: string;
  tags?: Record<string, string>;
}

export const ElasticIp = awsResource<ElasticIpSpec>({
  type: 'aws_eip',
  kopsKind: 'ElasticIP',
  tagging: ec2Tagging(),
  fields: {
    domain: { tf: 'domain', immutable: true },
    tags: { tf: 'tags', kind: 'tags' },
  },
  list: async (aws, cluster) => (await aws.ec2.send(new DescribeAddressesCommand({ Filters: clusterFilter(cluster) }))).Addresses ?? [],
  async find(aws, spec, ctx) {
    const eip = spec.id
      ? (await orUndefined(aws.ec2.send(new DescribeAddressesCommand({ AllocationIds: [spec.id] }))))?.Addresses?.[0]
      : spec.publicIp
        ? await addressWithPublicIp(aws, spec.publicIp)
        : await findOwned<Address>(ctx, spec.tags, 'elastic IP', async (filters) => (await aws.ec2.send(new DescribeAddressesCommand({ Filters: filters }))).Addresses);
    if (!eip?.AllocationId) return undefined;
    return { id: eip.AllocationId, attrs: { public_ip: eip.PublicIp }, fields: { domain: eip.Domain, tags: fromAwsTags(eip.Tags) } };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: tagSpecifications('elastic-ip', spec.tags) }));
    return { id: out.AllocationId!, attrs: { public_ip: out.PublicIp } };
  },
  async delete(aws, actual) {
    const associationId = actual.attrs?.associationId as string | undefined;
    if (associationId) await ignoreGone(() => aws.ec2.send(new DisassociateAddressCommand({ AssociationId: associationId })));
    await aws.ec2.send(new ReleaseAddressCommand({ AllocationId: actual.id }));
  },
  discover: discovery({
    kind: 'elastic-ip',
    by: 'tags',
    after: ['nat-gateway', 'instance', 'load-balancer'],
    list: async (aws) => (await aws.ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [],
    async claim(addresses, ctx) {
      // The addresses of the cluster's NAT gateways were not always tagged.
      const ofNats = new Set((await ctx.found('nat-gateway')).filter((n) => n.action === 'delete').flatMap((n) => n.actual.attrs?.allocationIds as string[]));
      const found: Found[] = [];
      for (const address of addresses) {
        const id = address.AllocationId;
        if (!id) continue;
        const tags = fromAwsTags(address.Tags);
        const owner = ctx.rules.ownership(tags) ?? (ofNats.has(id) && !ctx.rules.taggedForOther(tags) ? 'owned' : undefined);
        if (!owner) continue;
        // The address of a NAT gateway is let go by deleting the gateway, not by disassociating it.
        const associationId = ofNats.has(id) ? undefined : address.AssociationId;
        const name = tags.Name ?? address.PublicIp ?? '';
        found.push({ id, name, action: owner === 'owned' ? 'delete' : 'untag', actual: { id, attrs: { associationId }, fields: {} }, tags });
      }
      return found;
    },
  }),
});

/** The user's elastic IP a private zone's NAT gateway is to use (a subnet's `publicIP`): it must exist. */
async function addressWithPublicIp(aws: AwsClients, publicIp: string): Promise<Address> {
  const found = (await aws.ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: 'public-ip', Values: [publicIp] }] }))).Addresses?.[0];
  if (!found) throw new UserError(`no elastic IP ${publicIp} in this account and region (spec.subnets[].publicIP)`, 'allocate it first, or remove publicIP to let kops allocate one');
  return found;
}

export interface NatGatewaySpec {
  /** Set for an existing NAT gateway (a subnet's `egress: nat-...`), found by id. */
  id?: string;
  allocationId?: Val<string>;
  subnetId: Val<string>;
  tags?: Record<string, string>;
}

export const NatGateway = awsResource<NatGatewaySpec>({
  type: 'aws_nat_gateway',
  kopsKind: 'NatGateway',
  tagging: ec2Tagging(),
  fields: {
    allocationId: { tf: 'allocation_id', immutable: true },
    subnetId: { tf: 'subnet_id', immutable: true },
    tags: { tf: 'tags', kind: 'tags' },
  },
  list: (aws, cluster) =>
    collect(paginateDescribeNatGateways({ client: aws.ec2 }, { Filter: clusterFilter(cluster) }), (p) => p.NatGateways?.filter((n) => LIVE.includes(n.State ?? ''))),
  async find(aws, spec, ctx) {
    const nat = spec.id
      ? await describeNatGateway(aws, spec.id)
      : await findOwned<Ec2NatGateway>(ctx, spec.tags, 'NAT gateway', async (filters) =>
          (await aws.ec2.send(new DescribeNatGatewaysCommand({ Filter: filters }))).NatGateways?.filter((n) => LIVE.includes(n.State ?? '')),
        );
    if (!nat?.NatGatewayId || !LIVE.includes(nat.State ?? '')) return undefined;
    return {
      id: nat.NatGatewayId,
      fields: { allocationId: nat.NatGatewayAddresses?.[0]?.AllocationId, subnetId: nat.SubnetId, tags: fromAwsTags(nat.Tags) },
    };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new CreateNatGatewayCommand({ AllocationId: spec.allocationId, SubnetId: spec.subnetId, TagSpecifications: tagSpecifications('natgateway', spec.tags) }),
    );
    const id = out.NatGateway!.NatGatewayId!;
    // Routes through a NAT gateway only work once it is available.
    await waitFor(`NAT gateway ${id} to become available`, async () => {
      const nat = await describeNatGateway(aws, id);
      if (nat?.State === 'failed') throw new Error(`NAT gateway ${id} failed: ${nat.FailureMessage ?? 'no reason given'}`);
      return nat?.State === 'available' ? nat : undefined;
    });
    return { id };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: actual.id }));
    // Its elastic IP and subnet stay in use until it is fully gone.
    await waitFor(
      `NAT gateway ${actual.id} to be deleted`,
      async () => {
        const nat = await describeNatGateway(aws, actual.id);
        return !nat || nat.State === 'deleted' || nat.State === 'failed' ? true : undefined;
      },
      600_000,
    );
    // AWS removes the gateway's interface with it; make sure nothing is left (emulators keep it).
    for (const NetworkInterfaceId of (actual.attrs?.networkInterfaceIds as string[] | undefined) ?? []) {
      await ignoreGone(() => aws.ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId })));
    }
  },
  discover: discovery({
    kind: 'nat-gateway',
    by: 'tags',
    after: [],
    list: (aws) => collect(paginateDescribeNatGateways({ client: aws.ec2 }, {}), (p) => p.NatGateways?.filter((n) => LIVE_OR_GOING.includes(n.State ?? ''))),
    async claim(nats, ctx) {
      const routedFromOwned = new Set((await ctx.found('route-table')).filter((r) => r.action === 'delete').flatMap((r) => r.actual.attrs?.natGatewayIds as string[]));
      const ownedSubnets = await deletedIds(ctx, 'subnet');
      const found: Found[] = [];
      for (const nat of nats) {
        const id = nat.NatGatewayId!;
        const tags = fromAwsTags(nat.Tags);
        // One the cluster's route tables use was not always tagged.
        const owner = ctx.rules.ownership(tags) ?? (routedFromOwned.has(id) && !ctx.rules.taggedForOther(tags) ? 'owned' : undefined);
        if (!owner) {
          if (ownedSubnets.has(nat.SubnetId ?? '')) ctx.block({ blockedId: nat.SubnetId!, by: ctx.rules.foreign('NAT gateway', id, tags), hint: ctx.rules.hint(`delete ${id}`) });
          continue;
        }
        const addresses = nat.NatGatewayAddresses ?? [];
        const attrs = {
          networkInterfaceIds: addresses.map((a) => a.NetworkInterfaceId).filter((i): i is string => !!i),
          allocationIds: addresses.map((a) => a.AllocationId).filter((i): i is string => !!i),
        };
        found.push({ id, name: tags.Name ?? '', action: owner === 'owned' ? 'delete' : 'untag', actual: { id, attrs, fields: {} }, tags });
      }
      return found;
    },
  }),
});

async function describeNatGateway(aws: AwsClients, id: string): Promise<Ec2NatGateway | undefined> {
  return (await orUndefined(aws.ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }))))?.NatGateways?.[0];
}

const LIVE = ['pending', 'available'];
/** NAT gateways still holding their subnet and address. */
const LIVE_OR_GOING = [...LIVE, 'deleting'];
