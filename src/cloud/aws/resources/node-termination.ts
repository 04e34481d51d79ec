import { defineResource, type Val } from './declare.js';

export interface SqsQueueSpec {
  name: string;
  messageRetentionSeconds: number;
  policy: string;
  tags?: Record<string, string>;
}

export const SqsQueue = defineResource<SqsQueueSpec>({
  type: 'aws_sqs_queue',
  kopsKind: 'SQS',
  fields: {
    messageRetentionSeconds: { tf: 'message_retention_seconds' },
    name: { tf: 'name', immutable: true },
    policy: { tf: 'policy', kind: 'file' },
    tags: { tf: 'tags', kind: 'map' },
  },
});

export interface EventRuleSpec {
  name: string;
  eventPattern: string;
  tags?: Record<string, string>;
}

export const EventRule = defineResource<EventRuleSpec>({
  type: 'aws_cloudwatch_event_rule',
  kopsKind: 'EventBridgeRule',
  fields: {
    eventPattern: { tf: 'event_pattern', kind: 'file' },
    name: { tf: 'name', immutable: true },
    tags: { tf: 'tags', kind: 'map' },
  },
});

export interface EventTargetSpec {
  arn: Val<string>;
  rule: Val<string>;
}

export const EventTarget = defineResource<EventTargetSpec>({
  type: 'aws_cloudwatch_event_target',
  kopsKind: 'EventBridgeTarget',
  fields: {
    arn: { tf: 'arn' },
    rule: { tf: 'rule', immutable: true },
  },
});
