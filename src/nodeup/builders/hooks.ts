import type { ServiceTask, Task } from '../tasks.js';
import type { BuildContext } from './context.js';

interface Hook {
  name?: string;
  disabled?: boolean;
  manifest?: string;
  useRawManifest?: boolean;
  before?: string[];
  requires?: string[];
  execContainer?: { image: string; command?: string[]; environment?: Record<string, string> };
}

/** User hooks (instance group's first, then the cluster's) as systemd units; unnamed ones are `kops-hook-<n>`. */
export function hookTasks(ctx: BuildContext): Task[] {
  const tasks: Task[] = [];
  const seen = new Set<string>();
  for (const list of ctx.config.Hooks ?? []) {
    (list ?? []).forEach((raw, i) => {
      const hook = raw as Hook;
      const name = unitName(hook.name ?? `kops-hook-${i}`);
      if (seen.has(name)) return;
      seen.add(name);
      tasks.push(hookService(name, hook));
    });
  }
  return tasks;
}

function unitName(name: string): string {
  return name.endsWith('.service') ? name : `${name}.service`;
}

function hookService(name: string, hook: Hook): ServiceTask {
  const enabled = !hook.disabled;
  const service = { kind: 'Service' as const, name, running: enabled, enabled, manageState: true, smartRestart: true };
  if (hook.useRawManifest) return { ...service, definition: hook.manifest ?? '' };
  const unit = ['[Unit]', `Description=Kops Hook ${name.replace(/\.service$/, '')}`];
  const requires = [...(hook.requires ?? [])];
  if (hook.execContainer) requires.unshift('containerd.service');
  for (const r of requires) unit.push(`Requires=${r}`);
  for (const b of hook.before ?? []) unit.push(`Before=${b}`);
  unit.push('', '[Service]');
  if (hook.execContainer) unit.push(...execContainerLines(name.replace(/\.service$/, ''), hook.execContainer));
  else if (hook.manifest) unit.push(hook.manifest.trimEnd());
  unit.push('', '[Install]', 'WantedBy=multi-user.target', '');
  return { ...service, definition: unit.join('\n') };
}

/** A hook container run by ctr with the host's root, D-Bus and systemd mounted in. */
function execContainerLines(name: string, exec: NonNullable<Hook['execContainer']>): string[] {
  const image = qualifiedImage(exec.image);
  const env = Object.entries(exec.environment ?? {}).map(([k, v]) => `--env ${k}=${v}`);
  const run = [
    '/usr/bin/ctr --namespace k8s.io run --rm',
    '--mount type=bind,src=/,dst=/rootfs,options=rbind:rslave',
    '--mount type=bind,src=/var/run/dbus,dst=/var/run/dbus,options=rbind:rprivate',
    '--mount type=bind,src=/run/systemd,dst=/run/systemd,options=rbind:rprivate',
    '--net-host --privileged',
    ...env,
    image,
    name,
    ...(exec.command ?? []).map((arg) => (/\s/.test(arg) ? `"${arg}"` : arg)),
  ];
  return [`ExecStartPre=/usr/bin/ctr --namespace k8s.io image pull ${image}`, `ExecStart=${run.join(' ')}`, 'Type=oneshot'];
}

/** A Docker-style short image name as ctr needs it: registry, `library/` and tag made explicit. */
export function qualifiedImage(image: string): string {
  const parts = image.split('/');
  const hasRegistry = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost');
  let name = hasRegistry ? image : `docker.io/${parts.length === 1 ? `library/${image}` : image}`;
  const last = name.split('/').pop()!;
  if (!last.includes(':') && !last.includes('@')) name += ':latest';
  return name;
}
