import { isDebianFamily } from '../distributions.js';
import type { Task } from '../tasks.js';
import type { BuildContext } from './context.js';

/** Unattended OS upgrades on Debian-family systems: on with the `automatic` policy, off with `external`. */
export function updateServiceTasks(ctx: BuildContext): Task[] {
  if (!isDebianFamily(ctx.host.distribution)) return [];
  const path = '/etc/apt/apt.conf.d/20auto-upgrades';
  if (ctx.config.UpdatePolicy === 'external') {
    return [{ kind: 'File', path, type: 'file', contents: 'APT::Periodic::Enable "0";\n' }];
  }
  const contents = 'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n\nAPT::Periodic::AutocleanInterval "7";\n';
  return [
    { kind: 'File', path, type: 'file', contents },
    { kind: 'Package', name: 'unattended-upgrades' },
  ];
}
