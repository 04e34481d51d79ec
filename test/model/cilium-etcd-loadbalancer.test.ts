/** Cilium's managed etcd behind the API load balancer when nodes have no DNS (pkg/model/awsmodel/api_loadbalancer.go). */
import { describe, expect, test } from 'vitest';
import { runOutput, withSamples, keystoreDir } from '../apis/fields/harness.js';
import type { EffectEntry } from '../../src/apis/fields/registry.js';

const member = { instanceGroup: 'master-us-test-1a', name: 'us-test-1a' };
const KEYSTORE = 'update_cluster/privateciliumadvanced';

async function terraform(etcdManaged: boolean, dns: 'None' | 'Public'): Promise<string> {
  const entry = {
    kind: 'Cluster',
    at: 'spec.networking.cilium.etcdManaged',
    sample: etcdManaged,
    keystore: KEYSTORE,
    settings: [
      ['spec.etcdClusters', ['main', 'events', 'cilium'].map((name) => ({ name, etcdMembers: [member] }))],
      ['spec.api', { loadBalancer: { type: 'Public', class: 'Network' } }],
      ['spec.topology', { dns: { type: dns } }],
      ['spec.networking', { cilium: {} }],
    ],
  } as unknown as EffectEntry;
  return (await runOutput(withSamples([entry]), keystoreDir(entry))).get('kubernetes.tf')!;
}

/** The Terraform block that starts with `start`. */
const block = (tf: string, start: string) => {
  const from = tf.indexOf(start);
  expect(from).toBeGreaterThanOrEqual(0);
  return tf.slice(from, tf.indexOf('\nresource ', from + 1));
};

describe('etcd-cilium on the API load balancer', () => {
  test('without DNS, control-plane nodes serve Cilium etcd through its own listener, target group and rule', async () => {
    const tf = await terraform(true, 'None');
    expect(tf).toContain('resource "aws_lb_listener" "etcd-cilium-minimal-aws-example-com-4003"');
    expect(block(tf, 'resource "aws_lb_target_group" "etcd-cilium-')).toMatch(/\n\s*port\s+= 4003\n/);
    expect(block(tf, 'resource "aws_security_group_rule" "etcd-cilium-elb-to-cp"')).toMatch(/from_port\s+= 4003/);
    expect(tf).toMatch(/target_group_arns\s+= \[aws_lb_target_group\.etcd-cilium-/);
  });

  test('not with DNS, nor without managed etcd', async () => {
    expect(await terraform(true, 'Public')).not.toContain('etcd-cilium-elb-to-cp');
    expect(await terraform(false, 'None')).not.toContain('etcd-cilium-elb-to-cp');
  });
});
