import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildAwsModel, phaseOf } from '../../src/model/aws.js';
import { parseGoDuration } from '../../src/model/autoscaling.js';
import { jwks } from '../../src/model/discovery.js';
import { truncateName } from '../../src/apis/go/truncate.js';
import { resourceName32 } from '../../src/model/names.js';
import { sshKeyFingerprint } from '../../src/model/sshkey.js';
import { UserError } from '../../src/errors.js';
import { goldenModelInputs, updateClusterDir } from '../helpers/golden-cases.js';

describe('names', () => {
  test('load balancer and target group names are cut to 32 characters with a hash of the full name', () => {
    expect(resourceName32('privatecalico.example.com', 'api')).toBe('api-privatecalico-example-0uch4k');
    expect(resourceName32('privatecalico.example.com', 'tcp')).toBe('tcp-privatecalico-example-lveo5b');
    expect(truncateName('short', 64, false)).toBe('short');
  });

  test('the key pair fingerprint is the MD5 of the key blob, as AWS shows it', () => {
    const key = readFileSync(join(updateClusterDir, 'minimal-aws/id_rsa.pub'), 'utf8');
    expect(sshKeyFingerprint(key)).toBe('c4:a6:ed:9a:a8:89:b9:e2:c3:9c:d6:63:eb:9c:71:57');
    expect(() => sshKeyFingerprint('not-a-key')).toThrow(UserError);
  });

  test('Go durations become seconds, and a malformed one is a user error', () => {
    expect(parseGoDuration('48h20m')).toBe(174000);
    expect(parseGoDuration('0')).toBe(0);
    expect(() => parseGoDuration('2 days')).toThrow(UserError);
  });

  test('the key set kid is the base64url SHA-256 of the public key DER', () => {
    const pem = `-----BEGIN RSA PUBLIC KEY-----
MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBANiW3hfHTcKnxCig+uWhpVbOfH1pANKm
XVSysPKgE80QSU4tZ6m49pAEeIMsvwvDMaLsb2v6JvXe0qvCmueU+/sCAwEAAQ==
-----END RSA PUBLIC KEY-----`;
    expect(JSON.parse(jwks(pem)).keys[0].kid).toBe('3mNcULfgtWECYyZWY5ow1rOHjiRwEZHx28HQcRec3Ew');
  });
});

describe('buildAwsModel', () => {
  test('is deterministic: the same inputs give the same tasks', () => {
    const g = goldenModelInputs('privatecalico');
    expect(buildAwsModel(g.cluster, g.instanceGroups, g.ctx)).toEqual(buildAwsModel(g.cluster, g.instanceGroups, g.ctx));
  });

  test('with a phase, objects of other phases are left alone', () => {
    const g = goldenModelInputs('privatecalico');
    const tasks = buildAwsModel(g.cluster, g.instanceGroups, { ...g.ctx, phase: 'network' });
    const managed = tasks.filter((t) => t.lifecycle === 'Sync');
    expect(managed.length).toBeGreaterThan(5);
    expect(managed.every((t) => phaseOf(t.kopsKind) === 'network')).toBe(true);
    expect(tasks.find((t) => t.type === 'aws_launch_template')?.lifecycle).toBe('Ignore');
  });

  test('lifecycle overrides apply to every task of the named kind', () => {
    const g = goldenModelInputs('minimal-aws');
    const tasks = buildAwsModel(g.cluster, g.instanceGroups, { ...g.ctx, lifecycleOverrides: { IAMRole: 'ExistsAndWarnIfChanges' } });
    const roles = tasks.filter((t) => t.kopsKind === 'IAMRole');
    expect(roles.length).toBe(2);
    expect(roles.every((t) => t.lifecycle === 'ExistsAndWarnIfChanges')).toBe(true);
  });

  test('a private subnet needs a utility subnet in its zone for the NAT gateway', () => {
    const g = goldenModelInputs('privatecalico');
    const subnets = (g.cluster.spec.subnets ?? []).filter((s) => s.type !== 'Utility');
    const cluster = { ...g.cluster, spec: { ...g.cluster.spec, subnets } };
    expect(() => buildAwsModel(cluster, g.instanceGroups.filter((ig) => ig.spec.role !== 'Bastion'), g.ctx)).toThrow(/no utility subnet/);
  });

  test('an instance group whose image was not resolved is a user error naming the group', () => {
    const g = goldenModelInputs('minimal-aws');
    expect(() => buildAwsModel(g.cluster, g.instanceGroups, { ...g.ctx, images: {} })).toThrow(/instance group nodes: image/);
  });

  test('a warm pool with a lifecycle hook: the pool on the autoscaling group, and a hook nodeup completes', () => {
    const g = goldenModelInputs('minimal-aws');
    const igs = g.instanceGroups.map((ig) => (ig.metadata.name === 'nodes' ? { ...ig, spec: { ...ig.spec, warmPool: { minSize: 1, maxSize: 3, enableLifecycleHook: true } } } : ig));
    const tasks = buildAwsModel(g.cluster, igs, g.ctx);
    const asg = tasks.find((t) => t.type === 'aws_autoscaling_group' && t.name === 'nodes.minimal-aws.example.com');
    expect(asg?.spec.warmPool).toEqual({ minSize: 1, maxGroupPreparedCapacity: 3 });
    const hook = tasks.find((t) => t.name === 'kops-warmpool-nodes');
    expect(hook?.spec).toMatchObject({ name: 'kops-warmpool', defaultResult: 'ABANDON', lifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING' });
  });

  test('before Kubernetes 1.27 instances accept IMDSv1 unless the group asks for tokens', () => {
    const g = goldenModelInputs('minimal-aws');
    const cluster = { ...g.cluster, spec: { ...g.cluster.spec, kubernetesVersion: '1.26.5' } };
    const lt = buildAwsModel(cluster, g.instanceGroups, g.ctx).find((t) => t.type === 'aws_launch_template');
    expect((lt?.spec.metadataOptions as { httpTokens: string }).httpTokens).toBe('optional');
  });
});
