import { flagsOf } from './parse.js';
import type { CommandSpec, FlagSpec } from './spec.js';

/** Help text in the layout cobra uses, so it reads like the Go kops's help. */
export function renderHelp(chain: CommandSpec[], globals: FlagSpec[]): string {
  const command = chain[chain.length - 1];
  const path = chain.map((c) => c.name).join(' ');
  const visibleChildren = (command.children ?? []).filter((c) => !c.hidden);
  const out: string[] = [command.description ?? command.summary, '', 'Usage:'];
  if (command.handler || visibleChildren.length === 0) {
    out.push(`  ${path}${command.args ? ' ' + command.args : ''} [flags]`);
  }
  if (visibleChildren.length > 0) out.push(`  ${path} [command]`);
  if (command.aliases?.length) out.push('', 'Aliases:', `  ${[command.name, ...command.aliases].join(', ')}`);
  if (command.examples?.length) out.push('', 'Examples:', ...command.examples.map((e) => `  ${e}`));
  if (visibleChildren.length > 0) {
    const sorted = [...visibleChildren].sort((a, b) => a.name.localeCompare(b.name));
    const width = Math.max(...sorted.map((c) => c.name.length));
    out.push('', 'Available Commands:', ...sorted.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`));
  }
  const all = flagsOf(chain, globals);
  const inherited = new Set([...globals, ...chain.slice(0, -1).flatMap((c) => c.flags ?? [])]);
  const own = all.filter((f) => !inherited.has(f) || chain.length === 1);
  const parentFlags = chain.length === 1 ? [] : all.filter((f) => inherited.has(f));
  out.push('', 'Flags:', ...flagTable([...own, helpFlag(command.name)]));
  if (parentFlags.length > 0) out.push('', 'Global Flags:', ...flagTable(parentFlags));
  if (visibleChildren.length > 0) out.push('', `Use "${path} [command] --help" for more information about a command.`);
  return out.join('\n') + '\n';
}

function helpFlag(commandName: string): FlagSpec {
  return { name: 'help', short: 'h', type: 'bool', help: `Show help for ${commandName}` };
}

function flagTable(flags: FlagSpec[]): string[] {
  const visible = flags.filter((f) => !f.hidden).sort((a, b) => a.name.localeCompare(b.name));
  const lefts = visible.map((f) => {
    const short = f.short ? `-${f.short}, ` : '    ';
    const valueName = f.type === 'bool' ? '' : ` ${f.valueName ?? f.type}${f.valueWhenBare ? `[=${f.valueWhenBare}]` : ''}`;
    return `  ${short}--${f.name}${valueName}`;
  });
  const width = Math.max(...lefts.map((l) => l.length));
  return visible.map((f, i) => `${lefts[i].padEnd(width)}   ${f.help}${defaultNote(f)}`);
}

function defaultNote(f: FlagSpec): string {
  if (f.default === undefined || f.default === '' || f.default === 'false') return '';
  return f.type === 'string' ? ` (default "${f.default}")` : ` (default ${f.default})`;
}
