import { isDebianFamily } from '../distributions.js';
import type { Task } from '../tasks.js';
import type { BuildContext } from './context.js';

const FLATCAR_UPDATE_SERVICE = 'update-service';

/**
 * Automatic OS updates (update_service.go): on Debian-family systems unattended upgrades, on with the `automatic`
 * policy and off with `external`; on Flatcar a unit that masks the reboot scheduler (locksmithd), unless a hook of
 * the same name takes its place.
 */
export function updateServiceTasks(ctx: BuildContext): Task[] {
  if (ctx.host.distribution === 'flatcar') return flatcarUpdateService(ctx);
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

function flatcarUpdateService(ctx: BuildContext): Task[] {
  const hookNames = (ctx.config.Hooks ?? []).flatMap((hooks) => hooks ?? []).map((hook) => String(hook.name ?? ''));
  if (hookNames.some((n) => n === FLATCAR_UPDATE_SERVICE || n === `${FLATCAR_UPDATE_SERVICE}.service`)) return [];
  const definition = [
    '[Unit]',
    'Description=Disable OS Update Scheduler',
    'Before=locksmithd.service',
    '',
    '[Service]',
    'Type=oneshot',
    'ExecStart=/usr/bin/systemctl mask --now locksmithd.service',
    '',
  ].join('\n');
  return [{ kind: 'Service', name: `${FLATCAR_UPDATE_SERVICE}.service`, definition, running: true, enabled: true, manageState: true, smartRestart: true }];
}
