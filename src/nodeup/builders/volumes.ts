import type { Task } from '../tasks.js';
import type { BuildContext } from './context.js';

type Data = Record<string, unknown>;

/**
 * The instance group's volume mounts: each device on its path, as ext4 unless the group names a filesystem. As in the
 * Go nodeup, formatOptions are not used (it formats with the defaults of mount-utils).
 */
export function volumeMountTasks(ctx: BuildContext): Task[] {
  const mounts = (ctx.config.VolumeMounts as Data[] | undefined) ?? [];
  return mounts.map((m) => ({
    kind: 'VolumeMount',
    name: String(m.path),
    device: String(m.device),
    filesystem: m.filesystem ? String(m.filesystem) : 'ext4',
    mountOptions: ((m.mountOptions as string[] | undefined) ?? []).map(String),
  }));
}
