import { UserError } from '../errors.js';
import type { Lifecycle, Task } from './task.js';

const LIFECYCLES: readonly Lifecycle[] = ['Sync', 'Ignore', 'WarnIfInsufficientAccess', 'ExistsAndValidates', 'ExistsAndWarnIfChanges'];

/** Lifecycle per Go kops task kind (`IAMRole`, `SecurityGroup`, ...), as given to `--lifecycle-overrides`. */
export type LifecycleOverrides = ReadonlyMap<string, Lifecycle>;

/**
 * Parses `--lifecycle-overrides` values: each a comma separated list of `Kind=Lifecycle` (the flag may repeat).
 * Lifecycle names are matched case-insensitively, as the Go kops does.
 */
export function parseLifecycleOverrides(values: readonly string[]): LifecycleOverrides {
  const overrides = new Map<string, Lifecycle>();
  for (const item of values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UserError(`--lifecycle-overrides: "${item}" is not of the form TaskKind=Lifecycle`, `for example: IAMRole=ExistsAndWarnIfChanges`);
    const kind = item.slice(0, eq).trim();
    const name = item.slice(eq + 1).trim();
    const lifecycle = LIFECYCLES.find((l) => l.toLowerCase() === name.toLowerCase());
    if (!lifecycle) throw new UserError(`--lifecycle-overrides: unknown lifecycle "${name}" for ${kind}`, `use one of ${LIFECYCLES.join(', ')}`);
    overrides.set(kind, lifecycle);
  }
  return overrides;
}

export function effectiveLifecycle(task: Task, overrides: LifecycleOverrides | undefined): Lifecycle {
  return overrides?.get(task.kopsKind) ?? task.lifecycle;
}
