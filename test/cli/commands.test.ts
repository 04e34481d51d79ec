import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { kops, kopsBin } from '../helpers/cli.js';
import { CLUSTER_NAME, smallManifest, tempFile, tempStore } from './fixtures.js';

describe('the command tree as a user meets it', () => {
  test('help lists every top-level command of kops', async () => {
    const r = await kops(['--help']);
    expect(r.code).toBe(0);
    const listed = [...r.stdout.split('Available Commands:\n')[1].split('\n\n')[0].matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]);
    expect(listed).toEqual([
      'completion', 'create', 'delete', 'distrust', 'edit', 'export', 'get', 'promote', 'reconcile', 'replace',
      'rolling-update', 'toolbox', 'trust', 'update', 'upgrade', 'validate', 'version',
    ]);
  });

  test('kops help CMD and CMD --help print the same help, with aliases and inherited flags', async () => {
    const viaHelp = await kops(['help', 'get', 'ig']);
    const viaFlag = await kops(['get', 'instancegroups', '-h']);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaFlag.stdout).toContain('kops get instancegroups [INSTANCE_GROUP]... [flags]');
    expect(viaFlag.stdout).toContain('instancegroups, instancegroup, ig');
    expect(viaFlag.stdout).toMatch(/-o, --output string +.*\(default "table"\)/);
  });

  test('a group command without a subcommand shows its help', async () => {
    const r = await kops(['toolbox']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('instance-selector');
  });

  test('a command that has no implementation yet exits 2 and names itself', async () => {
    const r = await kops(['toolbox', 'enroll', '--host', 'h']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('not implemented yet: kops toolbox enroll\n');
  });

  test('an unknown command or flag is one clear usage error', async () => {
    const cmd = await kops(['get', 'nodes-of-doom']);
    expect(cmd.code).toBe(1);
    const flag = await kops(['get', 'clusters', '--colour']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toBe("error: unknown flag: --colour\n  see 'kops get clusters --help'\n");
    const sub = await kops(['update', 'clustr']);
    expect(sub.code).toBe(1);
    expect(sub.stderr).toBe(`error: unknown command "clustr" for "kops update"\n  did you mean 'kops update cluster'?\n`);
    const typo = await kops(['creat', 'cluster']);
    expect(typo.stderr).toBe(`error: unknown command "creat" for "kops"\n  did you mean 'kops create'?\n`);
    const far = await kops(['toolbox', 'frobnicate']);
    expect(far.stderr).toBe(`error: unknown command "frobnicate" for "kops toolbox"\n  see 'kops toolbox --help'\n`);
  });

  test('the state store comes from --state, then KOPS_STATE_STORE, then the config file', async () => {
    const home = tempStore();
    const { writeFileSync } = await import('node:fs');
    const fromFile = tempStore();
    writeFileSync(`${home.dir}/.kops.yaml`, `kops_state_store: ${fromFile.url}\n`);
    const viaConfig = await kops(['get', 'clusters'], { env: { HOME: home.dir } });
    expect(viaConfig.stderr).toContain(`no clusters found in state store ${fromFile.url}`);
    const viaEnv = await kops(['get', 'clusters'], { env: { HOME: home.dir, KOPS_STATE_STORE: 'file:///env-store' } });
    expect(viaEnv.stderr).toContain('file:///env-store');
    const viaFlag = await kops(['get', 'clusters', '--state', 'file:///flag-store'], { env: { HOME: home.dir, KOPS_STATE_STORE: 'file:///env-store' } });
    expect(viaFlag.stderr).toContain('file:///flag-store');
  });
});

describe('kops completion', () => {
  const complete = (words: string[], env: Record<string, string> = {}) => {
    // `kops` on PATH, as it would be for a user, so the script can ask it for cluster and instance group names.
    const bin = mkdtempSync(join(tmpdir(), 'kops-bin-'));
    writeFileSync(join(bin, 'kops'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(kopsBin)} "$@"\n`, { mode: 0o755 });
    const script = `source <(kops completion bash)
COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}
__kops_complete; echo "\${COMPREPLY[*]}"`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}` } });
    expect(r.stderr).toBe('');
    return r.stdout.trim().split(' ').filter(Boolean).sort();
  };

  test('bash completes subcommands and aliases from the command tree', () => {
    expect(complete(['kops', 'get', 'in'])).toEqual(['instance', 'instancegroup', 'instancegroups', 'instances']);
    expect(complete(['kops', 'ro'])).toEqual(['rolling-update']);
  });

  test('bash completes flags of the command reached through an alias, skipping flag values', () => {
    expect(complete(['kops', '--state', 's3://b', 'get', 'ig', '--o'])).toEqual(['--output']);
    expect(complete(['kops', 'create', 'cluster', '--control-plane-s'])).toEqual(['--control-plane-security-groups', '--control-plane-size']);
  });

  test('bash completes the known values of a flag, and leaves other flag values to file completion', () => {
    expect(complete(['kops', 'get', 'clusters', '-o', ''])).toEqual(['json', 'table', 'yaml']);
    expect(complete(['kops', 'create', 'ig', 'x', '--role', 'n'])).toEqual(['node']);
    expect(complete(['kops', 'create', '-f', 'cl'])).toEqual([]);
  });

  test('bash completes cluster and instance group names from the state store', async () => {
    const store = tempStore();
    const env = { KOPS_STATE_STORE: store.url };
    expect((await kops(['create', '-f', tempFile(smallManifest)], { env })).code).toBe(0);
    expect(complete(['kops', 'get', 'all', ''], env)).toEqual([CLUSTER_NAME]);
    expect(complete(['kops', 'delete', 'ig', '--name', CLUSTER_NAME, ''], env)).toEqual(['control-plane-us-east-1a', 'nodes']);
    expect(complete(['kops', '--state', store.url, 'edit', 'cluster', 's'])).toEqual([CLUSTER_NAME]);
    expect(complete(['kops', 'create', 'cluster', ''], env)).toEqual([]);
  });

  test.each(['zsh', 'fish', 'powershell'])('%s gets a script that knows every command', async (shell) => {
    const r = await kops(['completion', shell]);
    expect(r.code).toBe(0);
    for (const word of ['instancegroups', 'rolling-update', 'instance-selector', 'control-plane-size']) expect(r.stdout).toContain(word);
  });

  test('--no-descriptions leaves the help texts out', async () => {
    const r = await kops(['completion', 'fish', '--no-descriptions']);
    expect(r.stdout).not.toContain('List instance groups');
    expect((await kops(['completion', 'fish'])).stdout).toContain('List instance groups');
  });
});
