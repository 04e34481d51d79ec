import { UserError } from '../../errors.js';
import type { LifecycleOverrides } from '../../engine/lifecycle.js';
import { formatPlan, formatSummary, title } from '../../engine/plan.js';
import { runTasks, type RunResult, type TaskEvent } from '../../engine/run.js';
import type { Task } from '../../engine/task.js';
import type { Provider } from '../../engine/ops.js';

export interface DirectUpdateOptions {
  /** The cloud's direct provider (resource types and their calls); access is checked before. */
  provider: Provider;
  /** false: preview only (the plan is printed, nothing is changed). */
  yes: boolean;
  lifecycleOverrides?: LifecycleOverrides;
  concurrency?: number;
  /** Where the plan goes (stdout). */
  out: (text: string) => void;
  /** Progress, warnings and failures, one line each (stderr). */
  log: (line: string) => void;
}

/**
 * `kops update cluster` with the direct target: previews (no --yes) or applies the tasks,
 * reporting progress per task and a final summary. Failures surface as one UserError after every task that
 * could run has run.
 */
export async function updateDirect(tasks: readonly Task[], options: DirectUpdateOptions): Promise<RunResult> {
  const { provider } = options;
  const titles = new Map(tasks.map((t) => [`${t.type}/${t.name}`, `${t.kopsKind}/${t.name}`]));
  const result = await runTasks(tasks, {
    provider,
    apply: options.yes,
    lifecycleOverrides: options.lifecycleOverrides,
    concurrency: options.concurrency,
    onEvent: (e) => {
      const line = progressLine(e, titles.get(e.key) ?? e.key);
      if (line) options.log(line);
    },
  });
  if (!options.yes) options.out(formatPlan(result));
  else options.log(formatSummary(result));
  const roots = result.failed.filter((o) => !o.error!.startsWith('not attempted'));
  if (result.failed.length > 0) {
    const first = roots[0] ?? result.failed[0];
    const more = result.failed.length > 1 ? ` (and ${result.failed.length - 1} more, listed above)` : '';
    throw new UserError(`${title(first)}: ${first.error}${more}`, 'fix the cause and run the update again: what was done is kept');
  }
  return result;
}

function progressLine(e: TaskEvent, name: string): string | undefined {
  switch (e.kind) {
    case 'creating':
      return `Creating ${name}`;
    case 'updating':
      return `Updating ${name} (${e.message})`;
    case 'retrying':
      return `Retrying ${name}: ${e.message}`;
    case 'warning':
      return `Warning: ${name}: ${e.message}`;
    case 'failed':
      return `Error: ${name}: ${e.message}`;
    default:
      return undefined;
  }
}
