import { describe, expect, test } from 'vitest';
import { addonsWith, objectsOf } from './addon-fixture.js';

const PATH = 'addons/networking.amazon-vpc-routed-eni/k8s-1.16.yaml';
const vpc = (settings: Record<string, unknown>) => objectsOf(addonsWith((s) => (s.networking = { amazonvpc: settings }), 'many-addons'), PATH);
const awsNode = (objects: any[]) => objects.find((o) => o.kind === 'DaemonSet' && o.metadata.name === 'aws-node').spec.template.spec;

describe('Amazon VPC CNI settings reach the manifest', () => {
  test('images: imageName, initImageName and networkPolicyAgentImage replace the defaults', () => {
    const pod = awsNode(vpc({ imageName: 'example.com/cni:1', initImageName: 'example.com/cni-init:1', networkPolicyAgentImage: 'example.com/npa:1' }));
    expect(pod.initContainers[0].image).toBe('example.com/cni-init:1');
    expect(pod.containers.map((c: { image: string }) => c.image)).toEqual(['example.com/cni:1', 'example.com/npa:1']);
  });

  test('env overrides the chart defaults; ANNOTATE_POD_IP lets aws-node patch pods', () => {
    const objects = vpc({ env: [{ name: 'WARM_IP_TARGET', value: '5' }, { name: 'AWS_VPC_ENI_MTU', value: '1500' }, { name: 'ANNOTATE_POD_IP', value: 'true' }] });
    const env = Object.fromEntries(awsNode(objects).containers[0].env.filter((e: any) => 'value' in e).map((e: any) => [e.name, e.value]));
    expect(env).toMatchObject({ WARM_IP_TARGET: '5', AWS_VPC_ENI_MTU: '1500', ENABLE_IPv4: 'true', ADDITIONAL_ENI_TAGS: '{"KubernetesCluster":"many-addons.example.com","kubernetes.io/cluster/many-addons.example.com":"owned"}' });
    const role = objects.find((o) => o.kind === 'ClusterRole' && o.metadata.name === 'aws-node');
    expect(role.rules.find((r: any) => r.resources.includes('pods')).verbs).toContain('patch');
    const plainRole = vpc({}).find((o) => o.kind === 'ClusterRole' && o.metadata.name === 'aws-node');
    expect(plainRole.rules.find((r: any) => r.resources.includes('pods')).verbs).not.toContain('patch');
  });
});
