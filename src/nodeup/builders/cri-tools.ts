import type { FileTask, Task } from '../tasks.js';
import type { BuildContext } from './context.js';

type Data = Record<string, unknown>;

/** crictl, from its release archive in the config's assets (crictl.go). */
export function crictlTasks(ctx: BuildContext): Task[] {
  return cliTool(ctx, 'crictl', 'installCriCtl');
}

/** nerdctl, from its release archive in the config's assets (nerdctl.go). */
export function nerdctlTasks(ctx: BuildContext): Task[] {
  return cliTool(ctx, 'nerdctl', 'installNerdCtl');
}

/**
 * A container CLI installed wherever the config lists its binary, unless containerd is left to the OS image and the
 * tool was not asked for explicitly.
 */
function cliTool(ctx: BuildContext, name: 'crictl' | 'nerdctl', installField: string): Task[] {
  const containerd = ctx.config.containerdConfig as Data | undefined;
  if (containerd?.skipInstall && !containerd[installField]) return [];
  const source = ctx.assets[name];
  if (!source) return [];
  return [{ kind: 'File', path: `${toolDir(ctx)}/${name}`, type: 'file', mode: '0755', contents: { asset: { key: name, path: source } } } satisfies FileTask];
}

/** Flatcar's and COS's /usr is read-only: tools go where the OS leaves room for them. */
function toolDir(ctx: BuildContext): string {
  if (ctx.host.distribution === 'flatcar') return '/opt/kops/bin';
  if (ctx.host.distribution === 'containeros') return '/home/kubernetes/bin';
  return '/usr/local/bin';
}
