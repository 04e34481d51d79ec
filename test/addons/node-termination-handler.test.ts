import { describe, expect, test } from 'vitest';
import { defaultQueueName } from '../../src/addons/templates/node-termination-handler.js';
import { addonsWith, fixtureContext, goldenCluster, objectsOf } from './addon-fixture.js';

const PATH = 'addons/node-termination-handler.aws/k8s-1.11.yaml';
const container = (objects: any[]) => objects.find((o) => o.kind === 'DaemonSet' || o.kind === 'Deployment').spec.template.spec.containers[0];
const envOf = (c: any) => Object.fromEntries(c.env.filter((e: any) => 'value' in e).map((e: any) => [e.name, e.value]));

describe('node-termination-handler settings', () => {
  test('IMDS mode: webhook, memory limit, SELinux and draining switches reach the DaemonSet', () => {
    const objects = objectsOf(
      addonsWith((s) => {
        s.nodeTerminationHandler = { ...s.nodeTerminationHandler, enabled: true, enableSQSTerminationDraining: false, webhookURL: 'https://hooks.example.com/x', webhookTemplate: '{"text":"{{ .Message }}"}', memoryLimit: '128Mi', enableRebalanceMonitoring: true };
        s.containerd.selinuxEnabled = true;
      }, 'nth-imds-processor'),
      PATH,
    );
    const c = container(objects);
    expect(envOf(c)).toMatchObject({ WEBHOOK_URL: 'https://hooks.example.com/x', WEBHOOK_TEMPLATE: '{"text":"{{ .Message }}"}', ENABLE_REBALANCE_MONITORING: 'true', ENABLE_ASG_LIFECYCLE_DRAINING: 'true' });
    expect(c.resources.limits).toEqual({ memory: '128Mi' });
    expect(c.securityContext.seLinuxOptions).toEqual({ level: 's0', type: 'spc_t' });
  });

  test('queue mode: the queue URL is the dashed cluster name cut to 75 characters; China regions use amazonaws.com.cn', () => {
    const cluster = goldenCluster('minimal-aws');
    const long = { ...cluster, metadata: { name: `${'a'.repeat(80)}.example.com` } };
    const url = defaultQueueName(long, fixtureContext);
    expect(url.startsWith('https://sqs.us-test-1.amazonaws.com/123456789012/')).toBe(true);
    expect(url.split('/').pop()!.length).toBe(75 + '-nth'.length);
    const china = { ...cluster, spec: { ...cluster.spec, subnets: cluster.spec.subnets.map((s: any) => ({ ...s, zone: 'cn-north-1a' })) } };
    expect(defaultQueueName(china, fixtureContext)).toMatch(/^https:\/\/sqs\.cn-north-1\.amazonaws\.com\.cn\//);
  });
});
