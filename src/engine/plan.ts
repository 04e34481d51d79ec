import { isPlainObject, Pending } from './refs.js';
import type { RunResult, TaskOutcome } from './run.js';

/**
 * The preview, laid out as the Go kops dry-run target prints it: "Will create resources:" with each declared
 * field, "Will modify resources:" with `old -> new` per changed field, or "No changes need to be applied".
 */
export function formatPlan(result: RunResult): string {
  const byName = (a: TaskOutcome, b: TaskOutcome) => compare(title(a), title(b));
  const creates = result.outcomes.filter((o) => o.action === 'create' && !o.error).sort(byName);
  const updates = result.outcomes.filter((o) => o.action === 'update' && !o.error).sort(byName);
  let out = '';
  if (creates.length > 0) {
    out += 'Will create resources:\n';
    for (const o of creates) {
      out += `  ${title(o)}\n`;
      // Whole documents (user data, policies, state-store files) would drown the plan: they show as <resource>.
      for (const c of o.changes) out += fieldLines(fieldTitle(c.field), isDocument(c.new) ? '<resource>' : formatValue(c.new));
      out += '\n';
    }
  }
  if (updates.length > 0) {
    out += 'Will modify resources:\n';
    for (const o of updates) {
      out += `  ${title(o)}\n`;
      for (const c of o.changes) out += fieldLines(fieldTitle(c.field), describeChange(c.old, c.new));
      if (o.immutableChanges.length > 0) out += `  \tcannot change in place: ${o.immutableChanges.join(', ')}\n`;
      out += '\n';
    }
  }
  const notes = result.outcomes.flatMap((o) => [...o.warnings.map((w) => `Warning: ${title(o)}: ${w}`), ...(o.error ? [`Error: ${title(o)}: ${o.error}`] : [])]);
  if (notes.length > 0) out += `${notes.join('\n')}\n\n`;
  if (creates.length === 0 && updates.length === 0) out += 'No changes need to be applied\n';
  return out;
}

/** One line for the end of an apply. */
export function formatSummary(result: RunResult): string {
  const count = (action: string) => result.outcomes.filter((o) => o.action === action && o.applied).length;
  const unchanged = result.outcomes.filter((o) => o.action === 'none').length;
  const parts = [`created ${count('create')}`, `updated ${count('update')}`, `unchanged ${unchanged}`];
  if (result.failed.length > 0) parts.push(`failed ${result.failed.length}`);
  return `Resources: ${parts.join(', ')}`;
}

export function title(o: TaskOutcome): string {
  return `${o.task.kopsKind}/${o.task.name}`;
}

/** A value as the preview shows it (a not-yet-known reference as `name:<task>`). */
function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '<nil>';
  if (value instanceof Pending) return value.toString();
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${k}: ${formatValue(value[k])}`)
      .join(', ')}}`;
  }
  return String(value);
}

function isDocument(value: unknown): boolean {
  return typeof value === 'string' && value.includes('\n');
}

/** `old -> new`; for multi-line text (user data, policies), the lines that differ. */
function describeChange(old: unknown, now: unknown): string {
  if (typeof old === 'string' && typeof now === 'string' && (isDocument(old) || isDocument(now))) return lineDiff(old, now);
  return ` ${formatValue(old)} -> ${formatValue(now)}`;
}

/** A line diff (longest common subsequence): removed lines `- `, added `+ `, unchanged ones left out. */
function lineDiff(old: string, now: string): string {
  const a = old.split('\n');
  const b = now.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  return out.join('\n');
}

function fieldTitle(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

function fieldLines(name: string, description: string): string {
  const lines = description.split('\n');
  if (lines.length === 1) return `  \t${name.padEnd(20)}\t${description}\n`;
  return `  \t${name.padEnd(20)}\n${lines.map((l) => `  \t${''.padEnd(20)}\t${l}\n`).join('')}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
