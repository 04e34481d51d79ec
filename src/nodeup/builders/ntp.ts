import { isDebianFamily, isRHELFamily } from '../distributions.js';
import type { Task } from '../tasks.js';
import type { BuildContext } from './context.js';

/**
 * chrony keeps the clock right (AWS refuses API calls from a clock more than five minutes off), synced to the
 * cloud's own time service where there is one (ntp.go). Off when the cluster manages time itself, and on Flatcar and
 * COS, which bring their own.
 */
export function ntpTasks(ctx: BuildContext): Task[] {
  if (ctx.config.NTPUnmanaged === true) return [];
  const d = ctx.host.distribution;
  const layout = isDebianFamily(d) ? { conf: '/etc/chrony/chrony.conf', unit: 'chrony' } : isRHELFamily(d) ? { conf: '/etc/chrony.conf', unit: 'chronyd' } : undefined;
  if (!layout) return [];
  const server = timeServer(ctx.cloudProvider);
  const tasks: Task[] = [{ kind: 'Package', name: 'chrony' }];
  if (server) {
    // The package's unit is not nodeup's: a new configuration reaches chronyd through a restart.
    tasks.push({ kind: 'File', path: layout.conf, type: 'file', mode: '0644', contents: chronyConf(server), onChangeExecute: [['systemctl', 'restart', layout.unit]] });
  }
  tasks.push({ kind: 'Service', name: layout.unit, running: true, enabled: true, manageState: true, smartRestart: true });
  return tasks;
}

/** The cloud's link-local or public time service; elsewhere the package's default pool stays. */
function timeServer(cloudProvider: string | undefined): string | undefined {
  if (cloudProvider === 'aws') return '169.254.169.123';
  if (cloudProvider === 'gce') return 'time.google.com';
  return undefined;
}

function chronyConf(server: string): string {
  return [
    '# Built by kOps - do NOT edit',
    '',
    `pool ${server} prefer iburst`,
    'driftfile /var/lib/chrony/drift',
    'leapsectz right/UTC',
    'logdir /var/log/chrony',
    'makestep 1.0 3',
    'maxupdateskew 100.0',
    'rtcsync',
    '',
  ].join('\n');
}
