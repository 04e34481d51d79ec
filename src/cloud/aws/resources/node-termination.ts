import { sqsTagging, eventBridgeTagging } from '../tagging.js';
import {
  DeleteRuleCommand,
  DescribeRuleCommand,
  ListRuleNamesByTargetCommand,
  ListRulesCommand,
  ListTagsForResourceCommand,
  type Rule,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueueTagsCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import type { RunSession } from '../../../engine/ops.js';
import type { Task } from '../../../engine/task.js';
import type { AwsClients } from '../clients.js';
import { fromAwsTags, toAwsTags, type Tags } from '../tags.js';
import type { Val } from '../../../engine/resource.js';
import { awsResource, orUndefined, reportedJson } from './common.js';
import { byOwnership, discovery } from './discovery.js';

export interface SqsQueueSpec {
  name: string;
  messageRetentionSeconds: number;
  policy: string;
  tags?: Record<string, string>;
}

export const SqsQueue = awsResource<SqsQueueSpec>({
  type: 'aws_sqs_queue',
  kopsKind: 'SQS',
  tagging: sqsTagging,
  fields: {
    messageRetentionSeconds: { tf: 'message_retention_seconds' },
    name: { tf: 'name', immutable: true },
    policy: { tf: 'policy', kind: 'file' },
    tags: { tf: 'tags', kind: 'tags' },
  },
  async find(aws, spec) {
    const url = (await orUndefined(aws.sqs.send(new GetQueueUrlCommand({ QueueName: spec.name }))))?.QueueUrl;
    if (!url) return undefined;
    const attributes = (await aws.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes ?? {};
    const tags = (await aws.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags ?? {};
    return {
      id: url,
      attrs: { arn: attributes.QueueArn, url, name: spec.name },
      fields: {
        name: spec.name,
        messageRetentionSeconds: attributes.MessageRetentionPeriod === undefined ? undefined : Number(attributes.MessageRetentionPeriod),
        policy: reportedJson(attributes.Policy, spec.policy),
        tags,
      },
    };
  },
  async create(aws, spec) {
    const out = await aws.sqs.send(
      new CreateQueueCommand({ QueueName: spec.name, Attributes: { MessageRetentionPeriod: String(spec.messageRetentionSeconds), Policy: spec.policy }, tags: spec.tags }),
    );
    const url = out.QueueUrl!;
    const arn = (await aws.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;
    return { id: url, attrs: { arn, url, name: spec.name } };
  },
  async update(aws, actual, spec, changed) {
    const attributes: Record<string, string> = {};
    if (changed.includes('messageRetentionSeconds')) attributes.MessageRetentionPeriod = String(spec.messageRetentionSeconds);
    if (changed.includes('policy')) attributes.Policy = spec.policy;
    if (Object.keys(attributes).length) await aws.sqs.send(new SetQueueAttributesCommand({ QueueUrl: actual.id, Attributes: attributes }));
  },
  async delete(aws, actual) {
    await aws.sqs.send(new DeleteQueueCommand({ QueueUrl: actual.id }));
  },
  discover: discovery({
    kind: 'sqs-queue',
    by: 'naming',
    after: ['eventbridge-rule'],
    // The node-termination-handler queue is named after the cluster: `NAME-with-dashes-nth`.
    async list(aws, ctx) {
      const name = `${ctx.rules.clusterName.replace(/\./g, '-')}-nth`;
      const url = await aws.sqs
        .send(new GetQueueUrlCommand({ QueueName: name }))
        .then((r) => r.QueueUrl)
        .catch((err) => {
          if (/NonExistentQueue|QueueDoesNotExist/.test((err as { name?: string }).name ?? '')) return undefined;
          throw err;
        });
      return url ? [{ url, name }] : [];
    },
    claim: (queues) => queues.map(({ url, name }) => ({ id: url, name, action: 'delete' as const, actual: { id: url, fields: {} } })),
  }),
});

export interface EventRuleSpec {
  name: string;
  eventPattern: string;
  tags?: Record<string, string>;
}

export const EventRule = awsResource<EventRuleSpec>({
  type: 'aws_cloudwatch_event_rule',
  kopsKind: 'EventBridgeRule',
  tagging: eventBridgeTagging,
  fields: {
    eventPattern: { tf: 'event_pattern', kind: 'file' },
    name: { tf: 'name', immutable: true },
    tags: { tf: 'tags', kind: 'tags' },
  },
  async list(aws, clusterName) {
    return pages((NextToken) => aws.eventBridge.send(new ListRulesCommand({ NamePrefix: `${clusterName}-`, NextToken })), (out) => out.Rules);
  },
  async find(aws, spec, { listed }) {
    const rule = (listed as readonly Rule[] | undefined)?.find((r) => r.Name === spec.name) ?? (await orUndefined(aws.eventBridge.send(new DescribeRuleCommand({ Name: spec.name }))));
    if (!rule?.Arn) return undefined;
    // A rule listing does not hold its tags: they are read for each rule.
    const tags = (await aws.eventBridge.send(new ListTagsForResourceCommand({ ResourceARN: rule.Arn }))).Tags;
    return {
      id: spec.name,
      attrs: { arn: rule.Arn, name: spec.name },
      fields: { name: rule.Name, eventPattern: reportedJson(rule.EventPattern, spec.eventPattern), tags: fromAwsTags(tags) },
    };
  },
  async create(aws, spec) {
    const out = await aws.eventBridge.send(new PutRuleCommand({ Name: spec.name, EventPattern: spec.eventPattern, Tags: spec.tags ? toAwsTags(spec.tags) : undefined }));
    return { id: spec.name, attrs: { arn: out.RuleArn, name: spec.name } };
  },
  async update(aws, actual, spec, changed) {
    if (changed.includes('eventPattern')) await aws.eventBridge.send(new PutRuleCommand({ Name: spec.name, EventPattern: spec.eventPattern }));
  },
  async delete(aws, actual) {
    // A rule with targets cannot be deleted.
    const targets = (await aws.eventBridge.send(new ListTargetsByRuleCommand({ Rule: actual.id }))).Targets ?? [];
    if (targets.length) await aws.eventBridge.send(new RemoveTargetsCommand({ Rule: actual.id, Ids: targets.map((t) => t.Id!) }));
    await aws.eventBridge.send(new DeleteRuleCommand({ Name: actual.id }));
  },
  discover: discovery({
    kind: 'eventbridge-rule',
    by: 'tags',
    after: [],
    // kops names the rules `NAME-*`; another cluster's name may start with ours and a dash: only those tagged for it are its.
    async list(aws, ctx) {
      const rules: Rule[] = [];
      let NextToken: string | undefined;
      do {
        const page = await aws.eventBridge.send(new ListRulesCommand({ NamePrefix: `${ctx.rules.clusterName}-`, NextToken }));
        rules.push(...(page.Rules ?? []));
        NextToken = page.NextToken;
      } while (NextToken);
      return Promise.all(rules.map(async (rule) => ({ rule, tags: fromAwsTags((await aws.eventBridge.send(new ListTagsForResourceCommand({ ResourceARN: rule.Arn }))).Tags) })));
    },
    claim: (rules, ctx) => byOwnership(rules, ctx, ({ rule, tags }) => ({ id: rule.Name, name: rule.Name, tags, actual: { id: rule.Name!, attrs: { arn: rule.Arn }, fields: {} } })),
  }),
});

export interface EventTargetSpec {
  arn: Val<string>;
  rule: Val<string>;
}

export const EventTarget = awsResource<EventTargetSpec>({
  type: 'aws_cloudwatch_event_target',
  kopsKind: 'EventBridgeTarget',
  fields: {
    arn: { tf: 'arn' },
    rule: { tf: 'rule', immutable: true },
  },
  async find(aws, spec, { task, session }) {
    // Rules already pointing at the desired target are known from one listing of that target's rules; any other
    // rule (a new one, or one whose target was changed) has its targets read.
    if ((await rulesTargeting(aws, session, spec.arn)).includes(spec.rule)) {
      return { id: targetId(task), attrs: { rule: spec.rule, arn: spec.arn }, fields: { rule: spec.rule, arn: spec.arn } };
    }
    const out = await orUndefined(aws.eventBridge.send(new ListTargetsByRuleCommand({ Rule: spec.rule })));
    const target = out?.Targets?.find((t) => t.Id === targetId(task)) ?? out?.Targets?.find((t) => t.Arn === spec.arn);
    if (!target?.Id) return undefined;
    return { id: target.Id, attrs: { rule: spec.rule, arn: target.Arn }, fields: { rule: spec.rule, arn: target.Arn } };
  },
  async create(aws, spec, task) {
    await aws.eventBridge.send(new PutTargetsCommand({ Rule: spec.rule, Targets: [{ Id: targetId(task), Arn: spec.arn }] }));
    return { id: targetId(task), attrs: { rule: spec.rule, arn: spec.arn } };
  },
  async update(aws, actual, spec) {
    await aws.eventBridge.send(new PutTargetsCommand({ Rule: spec.rule, Targets: [{ Id: actual.id, Arn: spec.arn }] }));
  },
  async delete(aws, actual) {
    // A target found through the target's rule listing is known by its ARN, not its id (the Go kops names it "1").
    const rule = actual.attrs?.rule as string;
    const targets = (await aws.eventBridge.send(new ListTargetsByRuleCommand({ Rule: rule }))).Targets ?? [];
    const ids = targets.filter((t) => t.Id === actual.id || t.Arn === actual.attrs?.arn).map((t) => t.Id!);
    if (ids.length) await aws.eventBridge.send(new RemoveTargetsCommand({ Rule: rule, Ids: ids }));
  },
});

/** The names of the rules that send to `arn`, listed once per run. */
function rulesTargeting(aws: AwsClients, session: RunSession, arn: string): Promise<string[]> {
  return session.memo(`listing:eventbridge-rules-targeting:${arn}`, () =>
    pages((NextToken) => aws.eventBridge.send(new ListRuleNamesByTargetCommand({ TargetArn: arn, NextToken })), (out) => out.RuleNames),
  );
}

/** Every item of an EventBridge listing, following its NextToken. */
async function pages<P extends { NextToken?: string }, T>(call: (token: string | undefined) => Promise<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await call(token);
    out.push(...(pick(page) ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

/** A stable target id from the task name (EventBridge allows 64 characters of [.\-_A-Za-z0-9]). */
function targetId(task: Task): string {
  return task.name.replace(/[^.\-_A-Za-z0-9]/g, '-').slice(0, 64);
}
