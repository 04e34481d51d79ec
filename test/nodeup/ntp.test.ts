import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { applyTasks, type ApplyOptions } from '../../src/nodeup/apply.js';
import type { BuildContext } from '../../src/nodeup/builders/context.js';
import { ntpTasks } from '../../src/nodeup/builders/ntp.js';
import { parseNodeupConfig } from '../../src/nodeup/config.js';
import type { Distribution } from '../../src/nodeup/distributions.js';
import { serializeTasks } from '../../src/nodeup/tasks.js';

const scratch = mkdtempSync(join(tmpdir(), 'nodeup-ntp-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function context(distribution: Distribution, cloudProvider: string | undefined, extra: Record<string, unknown> = {}): BuildContext {
  const config = parseNodeupConfig(JSON.stringify({ ClusterName: 'c.example.com', KubernetesVersion: '1.34.0', KubeletConfig: {}, Assets: { amd64: [] }, ...extra }), 'test');
  return { config, role: 'Node', host: { distribution, architecture: 'amd64' }, assets: {}, remote: new Map(), cloudProvider };
}

const AWS_CONF = `# Built by kOps - do NOT edit

pool 169.254.169.123 prefer iburst
driftfile /var/lib/chrony/drift
leapsectz right/UTC
logdir /var/log/chrony
makestep 1.0 3
maxupdateskew 100.0
rtcsync
`;

describe('chrony (ntp.go)', () => {
  test('Ubuntu on AWS: the package, its config pointing at the Amazon Time Sync Service, the chrony unit', () => {
    expect(serializeTasks(ntpTasks(context('ubuntu', 'aws')))).toBe(
      [
        `contents: |\n${AWS_CONF.trimEnd().split('\n').map((l) => (l ? `  ${l}` : '')).join('\n')}`,
        'mode: "0644"',
        'onChangeExecute:\n- - systemctl\n  - restart\n  - chrony',
        'path: /etc/chrony/chrony.conf\ntype: file\n---\nName: chrony\n---\nName: chrony\nenabled: true\nmanageState: true\nrunning: true\nsmartRestart: true',
      ].join('\n'),
    );
  });

  test('RPM systems on GCE: /etc/chrony.conf with Google time, the chronyd unit', () => {
    const tasks = ntpTasks(context('rocky9', 'gce'));
    const conf = tasks.find((t) => t.kind === 'File');
    expect(conf).toMatchObject({ path: '/etc/chrony.conf', onChangeExecute: [['systemctl', 'restart', 'chronyd']] });
    expect(String(conf?.kind === 'File' && conf.contents)).toContain('pool time.google.com prefer iburst\n');
    expect(tasks.filter((t) => t.kind === 'Service').map((t) => t.name)).toEqual(['chronyd']);
  });

  test('another cloud keeps the package default servers; unmanaged time, Flatcar, COS and unknown systems get nothing', () => {
    expect(ntpTasks(context('debian', 'openstack')).map((t) => t.kind)).toEqual(['Package', 'Service']);
    expect(ntpTasks(context('ubuntu', 'aws', { NTPUnmanaged: true }))).toEqual([]);
    for (const d of ['flatcar', 'containeros', 'unknown'] as const) expect(ntpTasks(context(d, 'aws'))).toEqual([]);
  });

  test('on the host: chrony installed, configured, restarted, enabled; a second run only makes sure it runs', async () => {
    const root = join(scratch, 'host');
    const ran: string[] = [];
    let installed = false;
    const options: ApplyOptions = {
      root,
      dryRun: false,
      unitDir: '/lib/systemd/system',
      packageManager: 'apt',
      query: async () => (installed ? { status: 0, output: 'ii \t4.5\n' } : { status: 1, output: 'dpkg-query: no packages found matching chrony\n' }),
      runCommand: async (argv) => {
        ran.push(argv.join(' '));
        if (argv.includes('install')) installed = true;
      },
    };
    const tasks = ntpTasks(context('ubuntu', 'aws'));
    await applyTasks(tasks, options);
    expect(ran).toEqual([
      'env DEBIAN_FRONTEND=noninteractive apt-get update',
      'env DEBIAN_FRONTEND=noninteractive apt-get install --yes --no-install-recommends chrony',
      'systemctl restart chrony',
      'systemctl enable chrony',
      'systemctl start chrony',
    ]);
    expect(readFileSync(join(root, 'etc/chrony/chrony.conf'), 'utf8')).toBe(AWS_CONF);

    ran.length = 0;
    await applyTasks(tasks, options);
    expect(ran).toEqual(['systemctl enable chrony', 'systemctl start chrony']);
  });
});
