import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { kops, sharedDir } from '../helpers/cli.js';
import { CLUSTER_NAME, smallCluster, smallManifest, smallNodes, tempFile, tempStore } from './fixtures.js';

const minimalAws = join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws/in-v1alpha2.yaml');

/** One `error:` line, optionally followed by one indented hint line. */
function expectOneClearError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines.length, stderr).toBeLessThanOrEqual(2);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
  if (lines[1] !== undefined) expect(lines[1]).toMatch(/^ {2}\S/);
}

describe('kops create -f', () => {
  test('stores a realistic cluster and its instance groups, which kops get then shows', async () => {
    const store = tempStore();
    const env = { KOPS_STATE_STORE: store.url };
    const created = await kops(['create', '-f', minimalAws], { env });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created cluster/minimal-aws.example.com');
    expect(created.stdout).toContain('Created instancegroup/nodes');
    expect(created.stdout).toContain('kops update cluster --name minimal-aws.example.com --yes');
    expect(store.files()).toEqual([
      'minimal-aws.example.com/config',
      'minimal-aws.example.com/instancegroup/master-us-test-1a',
      'minimal-aws.example.com/instancegroup/nodes',
    ]);

    const clusters = await kops(['get', 'clusters'], { env });
    expect(clusters.code).toBe(0);
    expect(clusters.stdout).toBe('NAME\t\t\tCLOUD\tZONES\nminimal-aws.example.com\taws\tus-test-1a\n');

    const groups = await kops(['get', 'ig', '--name', 'minimal-aws.example.com'], { env });
    expect(groups.stdout.split('\n')).toEqual([
      'NAME\t\t\tROLE\t\tMACHINETYPE\tMIN\tMAX\tZONES',
      'master-us-test-1a\tControlPlane\tm3.medium\t1\t1\tus-test-1a',
      'nodes\t\t\tNode\t\tt2.medium\t2\t2\tus-test-1a',
      '',
    ]);
  });

  test('reads objects from stdin with -f -, and get -o yaml prints what was stored', async () => {
    const store = tempStore();
    const env = { KOPS_STATE_STORE: store.url };
    expect((await kops(['create', '-f', '-'], { env, input: smallManifest })).code).toBe(0);
    const yaml = await kops(['get', 'ig', 'nodes', '--name', CLUSTER_NAME, '-o', 'yaml'], { env });
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toMatch(/^apiVersion: kops.k8s.io\/v1alpha2\nkind: InstanceGroup\n/);
    expect(yaml.stdout).toContain('  maxSize: 3\n');
    expect(yaml.stdout).toContain(`    kops.k8s.io/cluster: ${CLUSTER_NAME}\n`);
    const json = JSON.parse((await kops(['get', 'clusters', CLUSTER_NAME, '-o', 'json'], { env })).stdout);
    expect(json.spec.subnets[0].zone).toBe('us-east-1a');
  });

  test('objects of other API groups are kept with the cluster, and kops get all lists them', async () => {
    const store = tempStore();
    const env = { KOPS_STATE_STORE: store.url };
    const addon = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: blue\nspec:\n  version: 1.2.3\n';
    const created = await kops(['create', '-f', tempFile(`${smallManifest}---\n${addon}`)], { env });
    expect(created.code).toBe(0);
    expect(store.files()).toContain(`${CLUSTER_NAME}/clusteraddons/default`);
    const all = await kops(['get', 'all', CLUSTER_NAME], { env });
    expect(all.stdout).toBe(
      'Cluster\nNAME\t\t\tCLOUD\tZONES\nsmall.example.com\taws\tus-east-1a\n' +
        '\nInstance Groups\nNAME\t\t\t\tROLE\t\tMACHINETYPE\tMIN\tMAX\tZONES\n' +
        'control-plane-us-east-1a\tControlPlane\tt3.medium\t1\t1\tus-east-1a\n' +
        'nodes\t\t\t\tNode\t\tt3.medium\t1\t3\tus-east-1a\n' +
        '\nAddon Objects\nNAME\tKIND\tVERSION\nblue\tWidget\t1.2.3\n',
    );
    const yaml = await kops(['get', CLUSTER_NAME, '-o', 'yaml'], { env });
    expect(yaml.stderr).toContain('deprecated: use `kops get all [CLUSTER]`');
    expect(yaml.stdout.split('\n---\n').length).toBe(4);
    expect(yaml.stdout).toContain('kind: Widget');
  });

  test('an instance group can be added later to a cluster that is already stored', async () => {
    const store = tempStore();
    const env = { KOPS_STATE_STORE: store.url };
    expect((await kops(['create', '-f', tempFile(smallCluster)], { env })).code).toBe(0);
    const added = await kops(['create', '-f', tempFile(smallNodes)], { env });
    expect(added.code).toBe(0);
    expect(store.files()).toContain(`${CLUSTER_NAME}/instancegroup/nodes`);
  });

  const badInputs: Array<[string, string, RegExp]> = [
    ['malformed YAML', smallCluster.replace('  name: small', '  name: [small'), /invalid YAML/],
    ['a wrong apiVersion', smallCluster.replace('kops.k8s.io/v1alpha2', 'kops.k8s.io/v9'), /apiVersion kops.k8s.io\/v9/],
    ['an unknown kind', smallCluster.replace('kind: Cluster', 'kind: Clustr'), /Clustr/],
    ['an unknown field', smallCluster.replace('  networkCIDR:', '  networkCDIR:'), /networkCDIR/],
    ['a field of the wrong type', smallManifest.replace('  maxSize: 3', '  maxSize: lots'), /maxSize/],
    ['two instance groups of the same name', `${smallManifest}---\n${smallNodes}`, /InstanceGroup "nodes".*more than once/],
    ['an instance group whose cluster does not exist', smallNodes, /cluster "small.example.com" not found/],
    ['an instance group without the cluster label', smallNodes.replace(/ {2}labels:\n.*\n/, ''), /kops.k8s.io\/cluster label is missing/],
    ['an instance group in a subnet the cluster does not have', smallManifest.replace(/- us-east-1a\n$/, '- us-east-1z\n'), /spec.subnets\[0\].*us-east-1z/],
  ];

  test.each(badInputs)('%s fails with one clear line and writes nothing', async (_, text, message) => {
    const store = tempStore();
    const r = await kops(['create', '-f', tempFile(text)], { env: { KOPS_STATE_STORE: store.url } });
    expect(r.code).toBe(1);
    expectOneClearError(r.stderr, message);
    expect(store.files()).toEqual([]);
  });

  test('a bad object later in the input stops the objects before it from being written too', async () => {
    const store = tempStore();
    const text = `${smallManifest}---\n${smallNodes.replace('name: nodes', 'name: more').replace('role: Node', 'role: Worker')}`;
    const r = await kops(['create', '-f', tempFile(text)], { env: { KOPS_STATE_STORE: store.url } });
    expect(r.code).toBe(1);
    expectOneClearError(r.stderr, /spec.role/);
    expect(store.files()).toEqual([]);
  });

  test('an SSHCredential is stored as the cluster admin key, under its fingerprint', async () => {
    const store = tempStore();
    const text = `${smallCluster}---\n${sshCredential(opensshRsaPublicKey())}`;
    const r = await kops(['create', '-f', tempFile(text)], { env: { KOPS_STATE_STORE: store.url } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added ssh credential');
    expect(store.files()).toEqual([`${CLUSTER_NAME}/config`, expect.stringMatching(new RegExp(`^${CLUSTER_NAME}/pki/ssh/public/admin/[0-9a-f]{32}$`))]);
  });

  test('an SSHCredential with a broken key writes nothing', async () => {
    const store = tempStore();
    const text = `${smallCluster}---\n${sshCredential('ssh-rsa AAAAnotakey')}`;
    const r = await kops(['create', '-f', tempFile(text)], { env: { KOPS_STATE_STORE: store.url } });
    expect(r.code).toBe(1);
    expectOneClearError(r.stderr, /SSHCredential "admin" spec.publicKey/);
    expect(store.files()).toEqual([]);
  });

  test('an existing cluster is not overwritten', async () => {
    const store = tempStore();
    const env = { KOPS_STATE_STORE: store.url };
    await kops(['create', '-f', tempFile(smallCluster)], { env });
    const before = readFileSync(join(store.dir, CLUSTER_NAME, 'config'), 'utf8');
    const again = await kops(['create', '-f', tempFile(smallCluster.replace('1.32.0', '1.33.0'))], { env });
    expect(again.code).toBe(1);
    expectOneClearError(again.stderr, /already exists/);
    expect(readFileSync(join(store.dir, CLUSTER_NAME, 'config'), 'utf8')).toBe(before);
  });

  test('an unknown state store scheme is one clear error', async () => {
    const r = await kops(['create', '-f', tempFile(smallManifest)], { env: { KOPS_STATE_STORE: 'ftp://bucket/x' } });
    expect(r.code).toBe(1);
    expectOneClearError(r.stderr, /unsupported state store "ftp:\/\/bucket\/x"/);
  });

  test('a missing state store says how to set one', async () => {
    const r = await kops(['create', '-f', tempFile(smallManifest)], { env: { HOME: tempStore().dir } });
    expect(r.code).toBe(1);
    expectOneClearError(r.stderr, /state store is not set/);
    expect(r.stderr).toContain('set --state or KOPS_STATE_STORE');
  });

  test('a missing input file is one clear error', async () => {
    const r = await kops(['create', '-f', '/nonexistent/cluster.yaml'], { env: { KOPS_STATE_STORE: tempStore().url } });
    expect(r.code).toBe(1);
    expectOneClearError(r.stderr, /\/nonexistent\/cluster.yaml: no such file/);
  });
});

describe('kops replace -f', () => {
  test('overwrites stored objects, refuses missing ones without --force, and creates them with it', async () => {
    const store = tempStore();
    const env = { KOPS_STATE_STORE: store.url };
    const input = tempFile(smallManifest.replace('maxSize: 3', 'maxSize: 5'));
    const missing = await kops(['replace', '-f', input], { env });
    expect(missing.code).toBe(1);
    expectOneClearError(missing.stderr, /cluster "small.example.com" does not exist/);
    expect(missing.stderr).toContain('--force');
    expect(store.files()).toEqual([]);

    expect((await kops(['replace', '-f', input, '--force'], { env })).code).toBe(0);
    expect(readFileSync(join(store.dir, CLUSTER_NAME, 'instancegroup/nodes'), 'utf8')).toContain('maxSize: 5');

    const changed = tempFile(smallManifest.replace('maxSize: 3', 'maxSize: 7'));
    expect((await kops(['replace', '-f', changed], { env })).code).toBe(0);
    const stored = readFileSync(join(store.dir, CLUSTER_NAME, 'instancegroup/nodes'), 'utf8');
    expect(stored).toContain('maxSize: 7');
    expect(stored).toContain('generation: 1');
  });
});

function sshCredential(publicKey: string): string {
  return `apiVersion: kops.k8s.io/v1alpha2
kind: SSHCredential
metadata:
  name: admin
  labels:
    kops.k8s.io/cluster: ${CLUSTER_NAME}
spec:
  publicKey: ${JSON.stringify(publicKey)}
`;
}

/** A fresh RSA public key in OpenSSH form: "ssh-rsa" then base64 of (type, e, n) as SSH wire strings. */
function opensshRsaPublicKey(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const jwk = publicKey.export({ format: 'jwk' });
  const wire = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, 0].map((_, i) => (b.length >>> (8 * (3 - i))) & 0xff)), b]);
  const mpint = (b64: string) => {
    const raw = Buffer.from(b64, 'base64url');
    return wire(raw[0] & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw);
  };
  const blob = Buffer.concat([wire(Buffer.from('ssh-rsa')), mpint(jwk.e!), mpint(jwk.n!)]);
  return `ssh-rsa ${blob.toString('base64')} test@example`;
}
