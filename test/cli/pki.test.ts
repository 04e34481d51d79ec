import { beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kops, sharedDir } from '../helpers/cli.js';

const cluster = 'minimal-aws.example.com';

describe('keypairs, secrets, SSH keys and kubeconfig through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kops-cli-pki-'));
  const env = { KOPS_STATE_STORE: `file://${dir}/store`, KOPS_CLUSTER_NAME: cluster, HOME: dir, USER: 'tester' };

  beforeAll(async () => {
    const input = join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws/in-v1alpha2.yaml');
    const created = await kops(['create', '-f', input], { env });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
  });

  test('an SSH public key is stored under pki/ssh/public/admin/<md5 id> and listed', async () => {
    const pub = join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws/id_rsa.pub');
    const r = await kops(['create', 'sshpublickey', '-i', pub], { env });
    expect(r.code).toBe(0);
    const id = 'c4a6ed9aa889b9e2c39cd663eb9c7157';
    expect(readFileSync(join(dir, 'store', cluster, 'pki/ssh/public/admin', id), 'utf8').trim()).toBe(readFileSync(pub, 'utf8').trim());
    const list = await kops(['get', 'sshpublickeys'], { env });
    expect(list.stdout).toMatch(new RegExp(`admin\\s+${id}`));
    const bad = await kops(['create', 'sshpublickey', '-i', join(dir, 'missing.pub')], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/cannot read .*missing\.pub/);
  });

  test('secrets are stored 0600, listed by name, and printed only with -o plaintext, never in logs', async () => {
    const value = '{"auths":{"registry.example.com":{"auth":"c2VjcmV0LXZhbHVlLTQyOnB3"}}}';
    const file = join(dir, 'docker.json');
    writeFileSync(file, value);
    const created = await kops(['create', 'secret', 'dockerconfig', '-f', file, '-v', '10'], { env });
    expect(created.code).toBe(0);
    expect(created.stdout + created.stderr).not.toContain('c2VjcmV0LXZhbHVlLTQy');
    expect(statSync(join(dir, 'store', cluster, 'secrets/dockerconfig')).mode & 0o777).toBe(0o600);

    const again = await kops(['create', 'secret', 'dockerconfig', '-f', file], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    for (const output of ['table', 'yaml', 'json']) {
      const listed = await kops(['get', 'secrets', '-o', output, '-v', '10'], { env });
      expect(listed.code).toBe(0);
      expect(listed.stdout).toContain('dockerconfig');
      expect(listed.stdout + listed.stderr).not.toContain('c2VjcmV0LXZhbHVlLTQy');
    }
    const plain = await kops(['get', 'secrets', 'dockerconfig', '-o', 'plaintext'], { env });
    expect(plain.stdout.trim()).toBe(value);

    writeFileSync(join(dir, 'bad.json'), '{not json');
    const bad = await kops(['create', 'secret', 'dockerconfig', '-f', join(dir, 'bad.json'), '--force'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not valid JSON/);
    expect((await kops(['get', 'secrets', 'dockerconfig', '-o', 'plaintext'], { env })).stdout.trim()).toBe(value);

    expect((await kops(['delete', 'secret', 'dockerconfig'], { env })).code).toBe(0);
    expect((await kops(['get', 'secrets', 'dockerconfig'], { env })).code).toBe(1);
  });

  test('keypair rotation and an admin kubeconfig that kubectl reads', async () => {
    expect((await kops(['create', 'keypair', 'kubernetes-ca', '--primary'], { env })).code).toBe(0);
    expect((await kops(['create', 'keypair', 'kubernetes-ca'], { env })).code).toBe(0);
    const listed = await kops(['get', 'keypairs', '-o', 'json'], { env });
    const rows = JSON.parse(listed.stdout);
    expect(rows).toHaveLength(2);
    expect(rows.filter((r: { primary: boolean }) => r.primary)).toHaveLength(1);
    expect(listed.stdout).not.toMatch(/PRIVATE KEY/);
    expect((await kops(['promote', 'keypair', 'kubernetes-ca'], { env })).code).toBe(0);
    const distrusted = await kops(['distrust', 'keypair', 'kubernetes-ca'], { env });
    expect(distrusted.stdout).toMatch(/Distrusted keypair \d+ in keyset kubernetes-ca/);
    expect(JSON.parse((await kops(['get', 'keypairs', '-o', 'json'], { env })).stdout)).toHaveLength(1);
    expect(JSON.parse((await kops(['get', 'keypairs', '--distrusted', '-o', 'json'], { env })).stdout)).toHaveLength(2);

    const kubeconfig = join(dir, 'kubeconfig');
    const exported = await kops(['export', 'kubeconfig', '--admin', '--kubeconfig', kubeconfig], { env });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(statSync(kubeconfig).mode & 0o777).toBe(0o600);
    const view = JSON.parse(execFileSync('kubectl', ['--kubeconfig', kubeconfig, 'config', 'view', '-o', 'json'], { encoding: 'utf8' }));
    expect(view['current-context']).toBe(cluster);
    expect(view.clusters[0].cluster.server).toBe(`https://api.${cluster}`);
  });

  test('export kubeconfig refuses a cluster with no CA yet', async () => {
    const other = mkdtempSync(join(tmpdir(), 'kops-cli-pki-noca-'));
    const e = { ...env, KOPS_STATE_STORE: `file://${other}` };
    const input = join(sharedDir, 'kops-reference/conformance/update_cluster/minimal-aws/in-v1alpha2.yaml');
    await kops(['create', '-f', input], { env: e });
    const r = await kops(['export', 'kubeconfig', '--admin', '--kubeconfig', join(other, 'kc')], { env: e });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no kubernetes-ca keyset yet/);
  });
});
