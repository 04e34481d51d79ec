import { EventRule, EventTarget, SqsQueue } from '../cloud/aws/resources/node-termination.js';
import { ref, type Task } from '../engine/task.js';
import type { ModelContext } from './context.js';

/** Event patterns of the rules that feed the node-termination-handler queue (texts as the Go kops writes them). */
const EVENT_PATTERNS: [string, string][] = [
  ['ASGLifecycle', '{"source":["aws.autoscaling"],"detail-type":["EC2 Instance-terminate Lifecycle Action"]}'],
  [
    'InstanceScheduledChange',
    '{"source": ["aws.health"],"detail-type": ["AWS Health Event"],"detail": {"service": ["EC2"],"eventTypeCategory": ["scheduledChange"]}}',
  ],
  ['InstanceStateChange', '{"source": ["aws.ec2"],"detail-type": ["EC2 Instance State-change Notification"]}'],
  ['SpotInterruption', '{"source": ["aws.ec2"],"detail-type": ["EC2 Spot Instance Interruption Warning"]}'],
];

const REBALANCE_PATTERN: [string, string] = ['RebalanceRecommendation', '{"source": ["aws.ec2"],"detail-type": ["EC2 Instance Rebalance Recommendation"]}'];

export function nthQueueName(m: ModelContext): string {
  return `${m.clusterName.replace(/\./g, '-')}-nth`;
}

/** The SQS queue node-termination-handler drains, and the EventBridge rules that feed it. */
export function buildNodeTerminationQueue(m: ModelContext): Task[] {
  if (!m.nthQueueProcessing) return [];
  const queueName = nthQueueName(m);
  const queueArn = m.arn('sqs', queueName, m.aws.region, m.aws.accountId);
  const policy = JSON.stringify(
    {
      Statement: [
        {
          Action: 'sqs:SendMessage',
          Effect: 'Allow',
          Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] },
          Resource: queueArn,
        },
      ],
      Version: '2012-10-17',
    },
    null,
    2,
  );
  const queue = SqsQueue.task(queueName, { name: queueName, messageRetentionSeconds: 300, policy, tags: m.cloudTags(queueName) });
  const tasks: Task[] = [queue];
  const patterns = [...EVENT_PATTERNS];
  if (m.spec.nodeTerminationHandler?.enableRebalanceDraining) patterns.push(REBALANCE_PATTERN);
  for (const [suffix, eventPattern] of patterns) {
    const name = `${m.clusterName}-${suffix}`;
    const rule = EventRule.task(name, { name, eventPattern, tags: m.cloudTags(name) });
    tasks.push(rule, EventTarget.task(`${name}-Target`, { arn: ref(queue, 'arn'), rule: ref(rule) }));
  }
  return tasks;
}
