import {
  AttachInternetGatewayCommand,
  CreateEgressOnlyInternetGatewayCommand,
  CreateInternetGatewayCommand,
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteInternetGatewayCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInternetGatewaysCommand,
  DetachInternetGatewayCommand,
} from '@aws-sdk/client-ec2';
import { ec2Tagging } from '../tagging.js';
import { fromAwsTags, ownerFilters, tagSpecifications } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, orUndefined, single } from './common.js';

export interface InternetGatewaySpec {
  id?: string;
  vpcId: Val<string>;
  tags?: Record<string, string>;
}

export const InternetGateway = awsResource<InternetGatewaySpec>({
  type: 'aws_internet_gateway',
  kopsKind: 'InternetGateway',
  tagging: ec2Tagging(),
  fields: {
    tags: { tf: 'tags', kind: 'tags' },
    vpcId: { tf: 'vpc_id' },
  },
  async find(aws, spec) {
    const filters = spec.id ? undefined : ownerFilters(spec.tags);
    if (!spec.id && !filters) return undefined;
    const out = await orUndefined(aws.ec2.send(new DescribeInternetGatewaysCommand(spec.id ? { InternetGatewayIds: [spec.id] } : { Filters: filters })));
    const igw = single(out?.InternetGateways, 'internet gateway', filters);
    if (!igw?.InternetGatewayId) return undefined;
    // AWS reports an attached internet gateway as "available", outside its own enum.
    const attached = igw.Attachments?.find((a) => ['available', 'attached', 'attaching'].includes(String(a.State)));
    return {
      id: igw.InternetGatewayId,
      attrs: { vpcId: attached?.VpcId },
      fields: { id: spec.id === undefined ? undefined : igw.InternetGatewayId, vpcId: attached?.VpcId ?? '', tags: fromAwsTags(igw.Tags) },
    };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(new CreateInternetGatewayCommand({ TagSpecifications: tagSpecifications('internet-gateway', spec.tags) }));
    const id = out.InternetGateway!.InternetGatewayId!;
    await aws.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: spec.vpcId }));
    return { id, attrs: { vpcId: spec.vpcId } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('vpcId')) {
      const was = actual.fields.vpcId as string;
      if (was) await aws.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: actual.id, VpcId: was }));
      await aws.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: actual.id, VpcId: spec.vpcId }));
    }
  },
  async delete(aws, actual) {
    const vpcId = (actual.attrs?.vpcId ?? actual.fields.vpcId) as string | undefined;
    if (vpcId) await orUndefined(aws.ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: actual.id, VpcId: vpcId })));
    await aws.ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: actual.id }));
  },
});

export const EgressOnlyInternetGateway = awsResource<InternetGatewaySpec>({
  type: 'aws_egress_only_internet_gateway',
  kopsKind: 'EgressOnlyInternetGateway',
  tagging: ec2Tagging(),
  fields: {
    tags: { tf: 'tags', kind: 'tags' },
    vpcId: { tf: 'vpc_id', immutable: true },
  },
  async find(aws, spec) {
    const filters = ownerFilters(spec.tags);
    if (!filters) return undefined;
    const out = await aws.ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: filters }));
    const live = out.EgressOnlyInternetGateways?.filter((g) => g.Attachments?.some((a) => a.State !== 'detached'));
    const eigw = single(live, 'egress-only internet gateway', filters);
    if (!eigw?.EgressOnlyInternetGatewayId) return undefined;
    return { id: eigw.EgressOnlyInternetGatewayId, fields: { vpcId: eigw.Attachments?.[0]?.VpcId, tags: fromAwsTags(eigw.Tags) } };
  },
  async create(aws, spec) {
    const out = await aws.ec2.send(
      new CreateEgressOnlyInternetGatewayCommand({ VpcId: spec.vpcId, TagSpecifications: tagSpecifications('egress-only-internet-gateway', spec.tags) }),
    );
    return { id: out.EgressOnlyInternetGateway!.EgressOnlyInternetGatewayId! };
  },
  async delete(aws, actual) {
    await aws.ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: actual.id }));
  },
});
