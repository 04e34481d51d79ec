import { mkdtempSync, rmSync } from 'node:fs';
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
