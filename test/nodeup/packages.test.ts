import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { applyTasks } from '../../src/nodeup/apply.js';
import { packageTasks } from '../../src/nodeup/builders/packages.js';
import type { BuildContext } from '../../src/nodeup/builders/context.js';
import { parseNodeupConfig } from '../../src/nodeup/config.js';
import { distributionFromOsRelease, type Distribution } from '../../src/nodeup/distributions.js';
import type { QueryResult } from '../../src/nodeup/packages.js';
import type { Task } from '../../src/nodeup/tasks.js';

const scratch = mkdtempSync(join(tmpdir(), 'nodeup-packages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function context(distribution: Distribution, extra: Record<string, unknown> = {}): BuildContext {
  const config = parseNodeupConfig(JSON.stringify({ ClusterName: 'c.example.com', KubernetesVersion: '1.34.0', KubeletConfig: {}, Assets: { amd64: [] }, ...extra }), 'test');
  return { config, role: 'Node', host: { distribution, architecture: 'amd64' }, assets: {}, remote: new Map() };
}

const names = (tasks: Task[]) => tasks.map((t) => (t.kind === 'Package' ? t.name : `not a package: ${t.kind}`));

describe('the OS packages a host gets (packages.go)', () => {
  test('Debian family: iptables, AppArmor and seccomp libraries, util-linux, then the spec packages once each', () => {
    expect(names(packageTasks(context('ubuntu', { packages: ['jq', 'iptables'] })))).toEqual(['iptables', 'libapparmor1', 'libseccomp2', 'util-linux', 'jq']);
  });

  test('nftables joins when kube-proxy is explicitly enabled in nftables mode', () => {
    const nft = { KubeProxy: { enabled: true, proxyMode: 'nftables' } };
    expect(names(packageTasks(context('debian', nft)))).toEqual(['iptables', 'libapparmor1', 'libseccomp2', 'nftables', 'util-linux']);
    expect(names(packageTasks(context('debian', { KubeProxy: { proxyMode: 'nftables' } })))).not.toContain('nftables');
  });

  test('RPM family: the iptables flavour depends on the release; container-selinux always', () => {
    expect(names(packageTasks(context('amazonlinux2023')))).toEqual(['iptables-nft', 'libseccomp', 'util-linux', 'container-selinux']);
    expect(names(packageTasks(context('rhel9')))).toEqual(['iptables', 'libseccomp', 'util-linux', 'container-selinux']);
    expect(names(packageTasks(context('rocky10')))).toEqual(['nftables', 'iptables-nft', 'libseccomp', 'util-linux', 'container-selinux']);
    expect(names(packageTasks(context('rhel9', { KubeProxy: { enabled: true, proxyMode: 'nftables' } })))).toEqual(['iptables', 'libseccomp', 'nftables', 'util-linux', 'container-selinux']);
  });

  test('immutable and unknown systems get none, not even the spec packages', () => {
    for (const d of ['flatcar', 'containeros', 'unknown'] as const) expect(packageTasks(context(d, { packages: ['jq'] }))).toEqual([]);
  });
});

test('the distribution is read from os-release as kops reads it', () => {
  expect(distributionFromOsRelease('NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n')).toBe('ubuntu');
  expect(distributionFromOsRelease('ID=debian\nVERSION_ID="12"\n')).toBe('debian');
  expect(distributionFromOsRelease('ID="rocky"\nVERSION_ID="9.4"\n')).toBe('rocky9');
  expect(distributionFromOsRelease('ID="amzn"\nVERSION_ID="2023"\n')).toBe('amazonlinux2023');
  expect(distributionFromOsRelease('ID=flatcar\nVERSION_ID=4152.2.0\n')).toBe('flatcar');
  expect(distributionFromOsRelease('ID=ubuntu\nVERSION_ID="20.04"\n')).toBe('unknown');
  expect(distributionFromOsRelease('')).toBe('unknown');
});

describe('installing packages through the host executor', () => {
  const sysctl: Task = { kind: 'File', path: '/etc/sysctl.d/99-k8s-general.conf', type: 'file', contents: 'x\n', onChangeExecute: [['sysctl', '--system']] };
  const packages = (...list: string[]): Task[] => list.map((name) => ({ kind: 'Package', name }));

  test('apt: lists refreshed once, each missing package installed, a broken one repaired; before any file is written', async () => {
    const root = join(scratch, 'apt');
    const ran: string[] = [];
    const filesWhenInstalling: boolean[] = [];
    const dpkg: Record<string, QueryResult> = {
      iptables: { status: 0, output: 'ii \t1.8.10\n' },
      conntrack: { status: 1, output: 'dpkg-query: no packages found matching conntrack\n' },
      socat: { status: 0, output: 'un \t\n' },
      chrony: { status: 0, output: 'iF \t4.5\n' },
    };
    const queried: string[] = [];
    const report = await applyTasks([sysctl, ...packages('iptables', 'conntrack', 'socat', 'chrony')], {
      root,
      dryRun: false,
      unitDir: '/lib/systemd/system',
      packageManager: 'apt',
      query: async (argv) => (queried.push(argv.join(' ')), dpkg[argv[argv.length - 1]]),
      runCommand: async (argv) => {
        ran.push(argv.join(' '));
        if (argv.includes('apt-get')) filesWhenInstalling.push(existsSync(join(root, 'etc/sysctl.d/99-k8s-general.conf')));
      },
    });
    expect(queried).toContain('dpkg-query -f ${db:Status-Abbrev}\\t${Version}\\n -W iptables');
    expect(ran).toEqual([
      'dpkg --configure -a',
      'env DEBIAN_FRONTEND=noninteractive apt-get update',
      'env DEBIAN_FRONTEND=noninteractive apt-get install --yes --no-install-recommends conntrack',
      'env DEBIAN_FRONTEND=noninteractive apt-get install --yes --no-install-recommends socat',
      'sysctl --system',
    ]);
    expect(filesWhenInstalling).toEqual([false, false, false]);
    expect(report.packages).toEqual(['chrony', 'conntrack', 'iptables', 'socat']);
  });

  test('apt: nothing runs when every package is installed', async () => {
    const ran: string[] = [];
    await applyTasks(packages('iptables'), {
      root: join(scratch, 'apt-done'),
      dryRun: false,
      unitDir: '/lib/systemd/system',
      packageManager: 'apt',
      query: async () => ({ status: 0, output: 'ii \t1.8.10\n' }),
      runCommand: async (argv) => void ran.push(argv.join(' ')),
    });
    expect(ran).toEqual([]);
  });

  test('dnf: rpm asked, the missing package installed without weak dependencies', async () => {
    const ran: string[] = [];
    await applyTasks(packages('libseccomp', 'container-selinux'), {
      root: join(scratch, 'dnf'),
      dryRun: false,
      unitDir: '/usr/lib/systemd/system',
      packageManager: 'dnf',
      query: async (argv) => (argv[2] === 'libseccomp' ? { status: 0, output: 'libseccomp 2.5.2' } : { status: 1, output: `package ${argv[2]} is not installed\n` }),
      runCommand: async (argv) => void ran.push(argv.join(' ')),
    });
    expect(ran).toEqual(['/usr/bin/dnf install -y --setopt=install_weak_deps=False container-selinux']);
  });

  test('a package query that fails for another reason stops nodeup, naming the package', async () => {
    const run = applyTasks(packages('iptables'), {
      root: join(scratch, 'apt-broken'),
      dryRun: false,
      unitDir: '/lib/systemd/system',
      packageManager: 'apt',
      query: async () => ({ status: 2, output: 'dpkg-query: error: database locked\n' }),
      runCommand: async () => undefined,
    });
    await expect(run).rejects.toThrow(/package iptables: .*database locked/);
  });

  test('rendering into another root cannot inspect the host: every package is listed for install, nothing runs', async () => {
    const report = await applyTasks(packages('iptables'), { root: join(scratch, 'render'), dryRun: false, unitDir: '/lib/systemd/system', packageManager: 'apt' });
    expect(report.commands).toEqual([
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update'],
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '--yes', '--no-install-recommends', 'iptables'],
    ]);
  });
});
