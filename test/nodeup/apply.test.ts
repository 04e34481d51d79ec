import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { applyTasks, type ApplyOptions } from '../../src/nodeup/apply.js';
import type { Task } from '../../src/nodeup/tasks.js';

const scratch = mkdtempSync(join(tmpdir(), 'nodeup-apply-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tasks: Task[] = [
  { kind: 'File', path: '/etc/sysctl.d/99-k8s-general.conf', type: 'file', contents: 'net.ipv4.ip_forward = 1\n', onChangeExecute: [['sysctl', '--system']] },
  { kind: 'Service', name: 'kubelet.service', definition: '[Unit]\n', running: true, enabled: true, manageState: true, smartRestart: true },
  { kind: 'Service', name: 'warm.service', definition: '[Unit]\n', running: false, enabled: false, manageState: true, smartRestart: true },
];

test('on the host, changed settings are applied and changed units reloaded, enabled and restarted; unchanged ones only started', async () => {
  const ran: string[] = [];
  const options: ApplyOptions = { root: join(scratch, 'host'), dryRun: false, unitDir: '/lib/systemd/system', runCommand: async (argv) => void ran.push(argv.join(' ')) };

  await applyTasks(tasks, options);
  expect(ran).toEqual(['sysctl --system', 'systemctl daemon-reload', 'systemctl enable kubelet.service', 'systemctl restart kubelet.service']);

  ran.length = 0;
  const second = await applyTasks(tasks, options);
  expect(second.changes).toEqual([]);
  expect(ran).toEqual(['systemctl enable kubelet.service', 'systemctl start kubelet.service']);
});

test('a dry run runs nothing, but says what it would run', async () => {
  const ran: string[] = [];
  const report = await applyTasks(tasks, { root: join(scratch, 'dry'), dryRun: true, unitDir: '/lib/systemd/system', runCommand: async (argv) => void ran.push(argv.join(' ')) });
  expect(ran).toEqual([]);
  expect(report.commands.map((c) => c.join(' '))).toContain('systemctl daemon-reload');
});

test('an instance group volume is formatted when blank and mounted, before anything else; once mounted it is left alone', async () => {
  const root = join(scratch, 'volumes');
  const volume: Task = { kind: 'VolumeMount', name: '/data', device: '/dev/xvdd', filesystem: 'ext4', mountOptions: ['noatime', 'discard'] };
  const ran: string[] = [];
  const options: ApplyOptions = { root, dryRun: false, unitDir: '/lib/systemd/system', runCommand: async (argv) => void ran.push(argv.join(' ')) };

  await applyTasks([...tasks, volume], options);
  expect(ran.slice(0, 2)).toEqual(['sh -c blkid -p /dev/xvdd >/dev/null 2>&1 || mkfs.ext4 -F -m0 /dev/xvdd', 'mount -t ext4 -o noatime,discard /dev/xvdd /data']);
  expect(statSync(join(root, 'data')).isDirectory()).toBe(true);

  mkdirSync(join(root, 'proc'));
  writeFileSync(join(root, 'proc/mounts'), '/dev/xvdd /data ext4 rw,noatime 0 0\n');
  ran.length = 0;
  await applyTasks([...tasks, volume], options);
  expect(ran.filter((c) => /mount|mkfs/.test(c))).toEqual([]);
});
