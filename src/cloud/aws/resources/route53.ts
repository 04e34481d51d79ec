import {
  AssociateVPCWithHostedZoneCommand,
  ChangeResourceRecordSetsCommand,
  DisassociateVPCFromHostedZoneCommand,
  GetHostedZoneCommand,
  ListResourceRecordSetsCommand,
  paginateListHostedZones,
  type ListResourceRecordSetsCommandInput,
  type ListResourceRecordSetsCommandOutput,
  type ResourceRecordSet,
  type RRType,
  type VPCRegion,
} from '@aws-sdk/client-route-53';
import type { AwsClients } from '../clients.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, collect, orUndefined, type Resolved } from './common.js';
import { discovery } from './discovery.js';
import { isClusterRecord, zoneAboveCluster } from '../../dns.js';

export interface Route53RecordSpec {
  name: string;
  type: string;
  zoneId: string;
  alias?: { evaluateTargetHealth: boolean; name: Val<string>; zoneId: Val<string> };
  records?: string[];
  ttl?: number;
}

export function zoneId(id: string): string {
  return id.replace(/^\/?hostedzone\//, '');
}

type RecordSpec = Resolved<Route53RecordSpec>;

function recordSet(spec: RecordSpec): ResourceRecordSet {
  return {
    Name: spec.name,
    Type: spec.type as RRType,
    TTL: spec.alias ? undefined : spec.ttl,
    ResourceRecords: spec.alias ? undefined : spec.records?.map((Value) => ({ Value })),
    AliasTarget: spec.alias && { DNSName: spec.alias.name, HostedZoneId: spec.alias.zoneId, EvaluateTargetHealth: spec.alias.evaluateTargetHealth },
  };
}

async function changeRecord(aws: AwsClients, zone: string, action: 'UPSERT' | 'DELETE', set: ResourceRecordSet): Promise<void> {
  await aws.route53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId(zone), ChangeBatch: { Changes: [{ Action: action, ResourceRecordSet: set }] } }));
}

export const Route53Record = awsResource<Route53RecordSpec>({
  type: 'aws_route53_record',
  kopsKind: 'DNSName',
  fields: {
    alias: {
      tf: 'alias',
      kind: 'block',
      fields: { evaluateTargetHealth: { tf: 'evaluate_target_health' }, name: { tf: 'name' }, zoneId: { tf: 'zone_id' } },
    },
    name: { tf: 'name', immutable: true },
    records: { tf: 'records' },
    ttl: { tf: 'ttl' },
    type: { tf: 'type', immutable: true },
    zoneId: { tf: 'zone_id', immutable: true },
  },
  async find(aws, spec) {
    const out = await orUndefined(
      aws.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId(spec.zoneId), StartRecordName: spec.name, StartRecordType: spec.type as RRType, MaxItems: 1 })),
    );
    const set = out?.ResourceRecordSets?.find((r) => sameDnsName(r.Name, spec.name) && r.Type === spec.type);
    if (!set) return undefined;
    const alias = set.AliasTarget;
    return {
      id: `${zoneId(spec.zoneId)}_${spec.name}_${spec.type}`,
      attrs: { zoneId: spec.zoneId, recordSet: set, fqdn: set.Name },
      fields: {
        name: sameDnsName(set.Name, spec.name) ? spec.name : set.Name,
        type: set.Type,
        zoneId: spec.zoneId,
        ttl: set.TTL,
        records: set.ResourceRecords?.map((r) => r.Value!),
        alias: alias && {
          name: sameDnsName(alias.DNSName, spec.alias?.name) ? spec.alias?.name : alias.DNSName,
          zoneId: alias.HostedZoneId,
          evaluateTargetHealth: alias.EvaluateTargetHealth,
        },
      },
    };
  },
  async create(aws, spec) {
    await changeRecord(aws, spec.zoneId, 'UPSERT', recordSet(spec));
    return { id: `${zoneId(spec.zoneId)}_${spec.name}_${spec.type}`, attrs: { zoneId: spec.zoneId, recordSet: recordSet(spec) } };
  },
  async update(aws, _actual, spec) {
    await changeRecord(aws, spec.zoneId, 'UPSERT', recordSet(spec));
    return { attrs: { zoneId: spec.zoneId, recordSet: recordSet(spec) } };
  },
  async delete(aws, actual) {
    const a = actual.attrs as { zoneId: string; recordSet: ResourceRecordSet };
    await changeRecord(aws, a.zoneId, 'DELETE', a.recordSet);
  },
  discover: discovery({
    kind: 'route53-record',
    by: 'naming',
    after: [],
    /** The cluster's records (api, api.internal, kops-controller.internal, bastion, legacy etcd-*) in the zones above its name. */
    async list(aws, ctx) {
      if (!ctx.dns) return [];
      const cluster = ctx.rules.clusterName;
      const zones = (await collect(paginateListHostedZones({ client: aws.route53 }, {}), (p) => p.HostedZones)).filter((z) => zoneAboveCluster(z.Name ?? '', cluster));
      const perZone = await Promise.all(
        zones.map(async (zone) => (await listRecords(aws, zone.Id!)).filter((r) => isClusterRecord({ name: r.Name, type: r.Type }, cluster)).map((record) => ({ zoneId: zoneId(zone.Id!), record }))),
      );
      return perZone.flat();
    },
    claim: (records) =>
      records.map(({ zoneId, record }) => ({
        id: `${zoneId}/${record.Type}/${record.Name}`,
        name: record.Name ?? '',
        action: 'delete' as const,
        actual: { id: `${zoneId}/${record.Type}/${record.Name}`, attrs: { zoneId, recordSet: record }, fields: {} },
      })),
  }),
});

/**
 * A zone's record sets in Route 53's order (names with their labels reversed, then types), from `start` (the first
 * record when absent), page after page until the listing ends or `enough` says the records so far suffice.
 */
export async function listRecords(
  aws: AwsClients,
  HostedZoneId: string,
  options: { start?: string; enough?: (records: readonly ResourceRecordSet[]) => boolean } = {},
): Promise<ResourceRecordSet[]> {
  const out: ResourceRecordSet[] = [];
  for (let input: ListResourceRecordSetsCommandInput | undefined = { HostedZoneId, StartRecordName: options.start }; input; ) {
    const page: ListResourceRecordSetsCommandOutput = await aws.route53.send(new ListResourceRecordSetsCommand(input));
    out.push(...(page.ResourceRecordSets ?? []));
    input =
      page.IsTruncated && !options.enough?.(out)
        ? { HostedZoneId, StartRecordName: page.NextRecordName, StartRecordType: page.NextRecordType, StartRecordIdentifier: page.NextRecordIdentifier }
        : undefined;
  }
  return out;
}

export interface Route53ZoneAssociationSpec {
  zoneId: string;
  vpcId: Val<string>;
}

export const Route53ZoneAssociation = awsResource<Route53ZoneAssociationSpec>({
  type: 'aws_route53_zone_association',
  kopsKind: 'DNSZone',
  fields: {
    vpcId: { tf: 'vpc_id', immutable: true },
    zoneId: { tf: 'zone_id', immutable: true },
  },
  async find(aws, spec) {
    const zone = await orUndefined(aws.route53.send(new GetHostedZoneCommand({ Id: zoneId(spec.zoneId) })));
    const vpc = zone?.VPCs?.find((v) => v.VPCId === spec.vpcId);
    if (!vpc) return undefined;
    return { id: `${zoneId(spec.zoneId)}:${spec.vpcId}`, attrs: { zoneId: spec.zoneId, vpcId: spec.vpcId, region: vpc.VPCRegion }, fields: { ...spec } };
  },
  async create(aws, spec) {
    await aws.route53.send(new AssociateVPCWithHostedZoneCommand({ HostedZoneId: zoneId(spec.zoneId), VPC: { VPCId: spec.vpcId, VPCRegion: aws.region as VPCRegion } }));
    return { id: `${zoneId(spec.zoneId)}:${spec.vpcId}`, attrs: { zoneId: spec.zoneId, vpcId: spec.vpcId, region: aws.region } };
  },
  async delete(aws, actual) {
    const a = actual.attrs as { zoneId: string; vpcId: string; region: VPCRegion };
    await aws.route53.send(new DisassociateVPCFromHostedZoneCommand({ HostedZoneId: zoneId(a.zoneId), VPC: { VPCId: a.vpcId, VPCRegion: a.region } }));
  },
});

/** Route53 names are case-insensitive and fully qualified: `API.Example.com` equals `api.example.com.`. */
function sameDnsName(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\.$/, '').replace(/\\052/g, '*');
  return a !== undefined && b !== undefined && norm(a) === norm(b);
}
