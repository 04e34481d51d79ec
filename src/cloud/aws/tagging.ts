import { CreateOrUpdateTagsCommand, DeleteTagsCommand as DeleteAsgTagsCommand } from '@aws-sdk/client-auto-scaling';
import { CreateTagsCommand, DeleteTagsCommand } from '@aws-sdk/client-ec2';
import { AddTagsCommand, RemoveTagsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-eventbridge';
import {
  TagInstanceProfileCommand,
  TagOpenIDConnectProviderCommand,
  TagRoleCommand,
  UntagInstanceProfileCommand,
  UntagOpenIDConnectProviderCommand,
  UntagRoleCommand,
} from '@aws-sdk/client-iam';
import { TagQueueCommand, UntagQueueCommand } from '@aws-sdk/client-sqs';
import type { Actual } from '../../engine/ops.js';
import type { AwsClients } from './clients.js';
import { toAwsTags, type Tags } from './tags.js';

/**
 * How the tags of one family of AWS objects are written and removed. A resource type names its family; the
 * generic update writes changed tags through it, and delete removes the cluster's tags from shared objects with it.
 */
export interface Tagging {
  write(aws: AwsClients, actual: Actual, tags: Tags): Promise<void>;
  remove(aws: AwsClients, actual: Actual, keys: readonly string[]): Promise<void>;
}

/** EC2 objects, tagged by id (key pairs by their `key_pair_id` attribute: their id is their name). */
export function ec2Tagging(idOf: (actual: Actual) => string = (a) => a.id): Tagging {
  return {
    async write(aws, actual, tags) {
      await aws.ec2.send(new CreateTagsCommand({ Resources: [idOf(actual)], Tags: toAwsTags(tags) }));
    },
    async remove(aws, actual, keys) {
      await aws.ec2.send(new DeleteTagsCommand({ Resources: [idOf(actual)], Tags: keys.map((Key) => ({ Key })) }));
    },
  };
}

export const elbv2Tagging: Tagging = {
  async write(aws, actual, tags) {
    await aws.elbv2.send(new AddTagsCommand({ ResourceArns: [actual.id], Tags: toAwsTags(tags) }));
  },
  async remove(aws, actual, keys) {
    await aws.elbv2.send(new RemoveTagsCommand({ ResourceArns: [actual.id], TagKeys: [...keys] }));
  },
};

/** Autoscaling group tags, propagated to the instances the group launches. */
export const autoscalingTagging: Tagging = {
  async write(aws, actual, tags) {
    await aws.autoScaling.send(new CreateOrUpdateTagsCommand({ Tags: asgTags(actual.id, tags) }));
  },
  async remove(aws, actual, keys) {
    await aws.autoScaling.send(new DeleteAsgTagsCommand({ Tags: keys.map((Key) => ({ Key, ResourceId: actual.id, ResourceType: 'auto-scaling-group' })) }));
  },
};

export function asgTags(name: string, tags: Tags) {
  return Object.keys(tags)
    .sort()
    .map((Key) => ({ Key, Value: tags[Key], PropagateAtLaunch: true, ResourceId: name, ResourceType: 'auto-scaling-group' }));
}

export const iamRoleTagging: Tagging = {
  async write(aws, actual, tags) {
    await aws.iam.send(new TagRoleCommand({ RoleName: actual.id, Tags: toAwsTags(tags) }));
  },
  async remove(aws, actual, keys) {
    await aws.iam.send(new UntagRoleCommand({ RoleName: actual.id, TagKeys: [...keys] }));
  },
};

export const iamInstanceProfileTagging: Tagging = {
  async write(aws, actual, tags) {
    await aws.iam.send(new TagInstanceProfileCommand({ InstanceProfileName: actual.id, Tags: toAwsTags(tags) }));
  },
  async remove(aws, actual, keys) {
    await aws.iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: actual.id, TagKeys: [...keys] }));
  },
};

export const iamOidcProviderTagging: Tagging = {
  async write(aws, actual, tags) {
    await aws.iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: actual.id, Tags: toAwsTags(tags) }));
  },
  async remove(aws, actual, keys) {
    await aws.iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: actual.id, TagKeys: [...keys] }));
  },
};

/** SQS queues, tagged by their URL (the queue's id). */
export const sqsTagging: Tagging = {
  async write(aws, actual, tags) {
    await aws.sqs.send(new TagQueueCommand({ QueueUrl: actual.id, Tags: tags }));
  },
  async remove(aws, actual, keys) {
    await aws.sqs.send(new UntagQueueCommand({ QueueUrl: actual.id, TagKeys: [...keys] }));
  },
};

/** EventBridge rules, tagged by their ARN. */
export const eventBridgeTagging: Tagging = {
  async write(aws, actual, tags) {
    await aws.eventBridge.send(new TagResourceCommand({ ResourceARN: actual.attrs?.arn as string, Tags: toAwsTags(tags) }));
  },
  async remove(aws, actual, keys) {
    await aws.eventBridge.send(new UntagResourceCommand({ ResourceARN: actual.attrs?.arn as string, TagKeys: [...keys] }));
  },
};
