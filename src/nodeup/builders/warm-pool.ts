import type { PullImageTask, Task } from '../tasks.js';
import type { BuildContext } from './context.js';

/** An AWS instance warming up in its group's warm pool pulls the images its pods will need (warm_pool.go). */
export function warmPoolTasks(ctx: BuildContext): Task[] {
  if (ctx.cloudProvider !== 'aws' || !ctx.host.warming) return [];
  return (ctx.config.warmPoolImages ?? []).map((name) => ({ kind: 'PullImage', name }) satisfies PullImageTask);
}
