import { describe, expect, test } from 'vitest';
import { addonsWith, objectsOf } from './addon-fixture.js';

const CM = 'addons/certmanager.io/k8s-1.16.yaml';
const LBC = 'addons/aws-load-balancer-controller.addons.k8s.io/k8s-1.19.yaml';
const deployment = (objects: any[], name: string) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name).spec.template.spec;

describe('cert-manager settings', () => {
  test('defaultIssuer, featureGates (one flag each), nameservers and the AWS region reach the controller', () => {
    const objects = objectsOf(
      addonsWith((s) => {
        s.certManager = { enabled: true, defaultIssuer: 'letsencrypt', featureGates: { B: false, A: true }, nameservers: ['1.1.1.1', '8.8.8.8'] };
      }),
      CM,
    );
    const pod = deployment(objects, 'cert-manager');
    const args: string[] = pod.containers[0].args;
    expect(args.slice(-5)).toEqual([
      '--default-issuer-name=letsencrypt',
      '--default-issuer-kind=ClusterIssuer',
      '--default-issuer-group=cert-manager.io',
      '--feature-gates=A=true',
      '--feature-gates=B=false',
    ]);
    expect(pod.dnsConfig).toEqual({ nameservers: ['1.1.1.1', '8.8.8.8'] });
    expect(pod.dnsPolicy).toBe('None');
    expect(pod.containers[0].env).toContainEqual({ name: 'AWS_REGION', value: 'us-test-1' });
  });

  test('without those settings: no issuer flags, no DNS override', () => {
    const pod = deployment(objectsOf(addonsWith((s) => (s.certManager = { enabled: true })), CM), 'cert-manager');
    expect(pod.containers[0].args.some((a: string) => a.startsWith('--default-issuer') || a.startsWith('--feature-gates'))).toBe(false);
    expect(pod.dnsConfig).toBeUndefined();
  });
});

describe('aws-load-balancer-controller settings', () => {
  test('WAF, WAFv2, Shield, version, resources and cloud labels as default tags', () => {
    const objects = objectsOf(
      addonsWith((s) => {
        s.awsLoadBalancerController = { enabled: true, enableWAF: true, enableWAFv2: true, enableShield: true, version: 'v9.9.9', cpuRequest: '1', memoryLimit: '1Gi' };
        s.cloudLabels = { team: 'net', Owner: 'me' };
      }),
      LBC,
    );
    const container = deployment(objects, 'aws-load-balancer-controller').containers[0];
    expect(container.args).toEqual(expect.arrayContaining(['--enable-waf=true', '--enable-wafv2=true', '--enable-shield=true', '--default-tags=KubernetesCluster=minimal-aws.example.com,Owner=me,team=net']));
    expect(container.image).toBe('public.ecr.aws/eks/aws-load-balancer-controller:v9.9.9');
    expect(container.resources).toEqual({ limits: { cpu: '200m', memory: '1Gi' }, requests: { cpu: '1', memory: '200Mi' } });
  });
});
