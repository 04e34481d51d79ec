import { DeleteRuleCommand, ListRulesCommand, ListTagsForResourceCommand, ListTargetsByRuleCommand, RemoveTargetsCommand, type Rule } from '@aws-sdk/client-eventbridge';
import {
  ChangeResourceRecordSetsCommand,
  ListResourceRecordSetsCommand,
  paginateListHostedZones,
  type ListResourceRecordSetsCommandInput,
  type ListResourceRecordSetsCommandOutput,
  type ResourceRecordSet,
} from '@aws-sdk/client-route-53';
import { DeleteQueueCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import type { AwsClients } from '../clients.js';
import { collect, ignoreGone, tagsOf } from './aws-util.js';
import { ownership, type ClusterResource } from './resource.js';

const RECORD_TYPES = new Set(['A', 'AAAA', 'TXT']);
/** The names kops publishes under the cluster name. */
const RECORD_PREFIXES = new Set(['api', 'api.internal', 'bastion', 'kops-controller.internal']);

const trimDot = (s: string) => s.replace(/\.$/, '');

/** The cluster's records (api, api.internal, kops-controller.internal, bastion, legacy etcd-*) in the zones above its name. */
export async function planDnsRecords(aws: AwsClients, clusterName: string): Promise<ClusterResource[]> {
  const suffix = `.${trimDot(clusterName)}`;
  const zones = (await collect(paginateListHostedZones({ client: aws.route53 }, {}), (p) => p.HostedZones)).filter((z) =>
    suffix.endsWith(`.${trimDot(z.Name ?? '')}`),
  );
  const perZone = await Promise.all(
    zones.map(async (zone) => {
      const zoneId = zone.Id!.replace(/^\/hostedzone\//, '');
      const records = await listRecords(aws, zone.Id!);
      return records.filter((r) => isClusterRecord(r, suffix)).map((record) => recordResource(zoneId, record));
    }),
  );
  return perZone.flat();
}

async function listRecords(aws: AwsClients, HostedZoneId: string): Promise<ResourceRecordSet[]> {
  const out: ResourceRecordSet[] = [];
  for (let input: ListResourceRecordSetsCommandInput | undefined = { HostedZoneId }; input; ) {
    const page: ListResourceRecordSetsCommandOutput = await aws.route53.send(new ListResourceRecordSetsCommand(input));
    out.push(...(page.ResourceRecordSets ?? []));
    input = page.IsTruncated
      ? { HostedZoneId, StartRecordName: page.NextRecordName, StartRecordType: page.NextRecordType, StartRecordIdentifier: page.NextRecordIdentifier }
      : undefined;
  }
  return out;
}

function isClusterRecord(record: ResourceRecordSet, suffix: string): boolean {
  const name = `.${trimDot(record.Name ?? '')}`;
  if (!RECORD_TYPES.has(record.Type ?? '') || !name.endsWith(suffix)) return false;
  let prefix = name.slice(1, name.length - suffix.length);
  // TXT ownership records of AAAA records carry an "aaaa-" prefix.
  if (record.Type === 'TXT') prefix = prefix.replace(/^aaaa-/, '');
  return RECORD_PREFIXES.has(prefix) || prefix.startsWith('etcd-');
}

function recordResource(zoneId: string, record: ResourceRecordSet): ClusterResource {
  return {
    type: 'route53-record',
    id: `${zoneId}/${record.Type}/${record.Name}`,
    name: record.Name ?? '',
    action: 'delete',
    run: (aws) =>
      ignoreGone(() =>
        aws.route53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: [{ Action: 'DELETE', ResourceRecordSet: record }] } })),
      ),
  };
}

/** The node-termination-handler queue (`NAME-with-dashes-nth`) and the EventBridge rules (`NAME-*`) feeding it. */
export async function planEventResources(aws: AwsClients, clusterName: string): Promise<ClusterResource[]> {
  const [queue, rules] = await Promise.all([nthQueue(aws, clusterName), eventRules(aws, clusterName)]);
  return [...queue, ...rules];
}

async function nthQueue(aws: AwsClients, clusterName: string): Promise<ClusterResource[]> {
  const name = `${clusterName.replace(/\./g, '-')}-nth`;
  const url = await aws.sqs
    .send(new GetQueueUrlCommand({ QueueName: name }))
    .then((r) => r.QueueUrl)
    .catch((err) => {
      if (/NonExistentQueue|QueueDoesNotExist/.test((err as { name?: string }).name ?? '')) return undefined;
      throw err;
    });
  if (!url) return [];
  return [{ type: 'sqs-queue', id: url, name, action: 'delete', run: (a) => ignoreGone(() => a.sqs.send(new DeleteQueueCommand({ QueueUrl: url }))) }];
}

async function eventRules(aws: AwsClients, clusterName: string): Promise<ClusterResource[]> {
  const rules: Rule[] = [];
  let NextToken: string | undefined;
  do {
    const page = await aws.eventBridge.send(new ListRulesCommand({ NamePrefix: `${clusterName}-`, NextToken }));
    rules.push(...(page.Rules ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  // Another cluster's name may start with ours and a dash: only rules tagged for this cluster are ours.
  const tagged = await Promise.all(
    rules.map(async (r) => ({ rule: r, tags: tagsOf(await aws.eventBridge.send(new ListTagsForResourceCommand({ ResourceARN: r.Arn }))) })),
  );
  return tagged
    .filter(({ tags }) => ownership(tags, clusterName) === 'owned')
    .map(({ rule }) => {
      const name = rule.Name!;
      return {
        type: 'eventbridge-rule' as const,
        id: name,
        name,
        action: 'delete' as const,
        run: async (a: AwsClients) => {
          const { Targets } = await a.eventBridge.send(new ListTargetsByRuleCommand({ Rule: name })).catch(() => ({ Targets: [] }));
          const ids = (Targets ?? []).map((t) => t.Id!);
          if (ids.length) await ignoreGone(() => a.eventBridge.send(new RemoveTargetsCommand({ Rule: name, Ids: ids })));
          await ignoreGone(() => a.eventBridge.send(new DeleteRuleCommand({ Name: name })));
        },
      };
    });
}
