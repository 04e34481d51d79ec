import { UserError } from '../errors.js';
import { parseGoDuration } from './duration.js';
import { Invocation, type FlagValue } from './invocation.js';
import type { CommandSpec, FlagSpec } from './spec.js';

/** The result of reading argv against the command tree, before any handler runs. */
export interface ParsedCommandLine {
  /** Root first, the command to run last. */
  chain: CommandSpec[];
  invocation: Invocation;
  helpRequested: boolean;
}

/**
 * Flags a command accepts: its own, the persistent flags of its ancestors, and the global ones. A flag of the
 * command shadows an inherited one of the same name (e.g. `--name` of `toolbox clusterapi generate machinedeployment`).
 */
export function flagsOf(chain: CommandSpec[], globals: FlagSpec[]): FlagSpec[] {
  const inherited = chain.slice(0, -1).flatMap((c) => (c.flags ?? []).filter((f) => f.persistent));
  const all = [...(chain[chain.length - 1].flags ?? []), ...inherited.reverse(), ...globals];
  return all.filter((f, i) => all.findIndex((g) => g.name === f.name) === i);
}

export function findChild(command: CommandSpec, word: string): CommandSpec | undefined {
  return command.children?.find((c) => c.name === word || c.aliases?.includes(word));
}

interface RawFlag {
  flag: FlagSpec;
  spelled: string;
  value: string;
}

/**
 * Reads argv the way cobra/pflag do: flags may come anywhere, `--flag=value` or `--flag value`, bool flags take
 * only `=true|false`, shorthands combine (`-yv2`), `--` ends flags, and the first plain word at a level that names
 * a subcommand (or one of its aliases) descends into it.
 */
export function parseCommandLine(argv: string[], root: CommandSpec, globals: FlagSpec[]): ParsedCommandLine {
  const chain: CommandSpec[] = [root];
  const args: string[] = [];
  const raw: RawFlag[] = [];
  let helpRequested = false;
  let known = flagsOf(chain, globals);
  const current = () => chain[chain.length - 1];

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (token === '--help' || token === '-h') {
      helpRequested = true;
    } else if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
      const flag = lookupLong(known, name) ?? unknownFlag(`--${name}`, chain);
      let value = eq < 0 ? undefined : token.slice(eq + 1);
      if (value === undefined) {
        value = flag.type === 'bool' ? 'true' : (flag.valueWhenBare ?? argv[++i]);
        if (value === undefined) throw usageError(`flag needs an argument: --${name}`, chain);
      }
      raw.push({ flag, spelled: `--${name}`, value });
    } else if (token.startsWith('-') && token.length > 1) {
      i = readShorthands(token, argv, i, known, chain, raw, () => (helpRequested = true));
    } else if (args.length === 0 && findChild(current(), token)) {
      chain.push(findChild(current(), token)!);
      known = flagsOf(chain, globals);
    } else {
      args.push(token);
    }
  }

  // A flag seen before descending may not exist on the final command (e.g. `create -f x cluster`).
  const final = flagsOf(chain, globals);
  for (const r of raw) if (!final.includes(r.flag)) unknownFlag(r.spelled, chain);
  const { values, changed } = resolveValues(final, raw, chain);
  const path = chain.slice(1).map((c) => c.name);
  return { chain, invocation: new Invocation(path, args, values, changed), helpRequested };
}

function readShorthands(
  token: string,
  argv: string[],
  index: number,
  known: FlagSpec[],
  chain: CommandSpec[],
  raw: RawFlag[],
  onHelp: () => void,
): number {
  const letters = token.slice(1);
  for (let j = 0; j < letters.length; j++) {
    const letter = letters[j];
    if (letter === 'h') {
      onHelp();
      continue;
    }
    const flag = known.find((f) => f.short === letter);
    if (!flag) throw usageError(`unknown shorthand flag: '${letter}' in ${token}`, chain);
    const rest = letters.slice(j + 1);
    if (flag.type === 'bool' && !rest.startsWith('=')) {
      raw.push({ flag, spelled: `-${letter}`, value: 'true' });
      continue;
    }
    let value: string | undefined = rest.startsWith('=') ? rest.slice(1) : rest;
    if (value === '') value = flag.valueWhenBare ?? argv[++index];
    if (value === undefined) throw usageError(`flag needs an argument: '${letter}' in ${token}`, chain);
    raw.push({ flag, spelled: `-${letter}`, value });
    break;
  }
  return index;
}

function lookupLong(known: FlagSpec[], name: string): FlagSpec | undefined {
  return known.find((f) => f.name === name) ?? known.find((f) => f.aliases?.includes(name));
}

function resolveValues(flags: FlagSpec[], raw: RawFlag[], chain: CommandSpec[]) {
  const values = new Map<string, FlagValue>();
  const changed = new Set<string>();
  for (const flag of flags) {
    if (!values.has(flag.name)) values.set(flag.name, convert(flag, flag.default, `--${flag.name}`, chain));
  }
  for (const r of raw) {
    const value = convert(r.flag, r.value, r.spelled, chain);
    const previous = values.get(r.flag.name);
    const repeatable = r.flag.type === 'strings' || r.flag.type === 'stringArray';
    values.set(r.flag.name, repeatable && changed.has(r.flag.name) ? [...(previous as string[]), ...(value as string[])] : value);
    changed.add(r.flag.name);
  }
  return { values, changed };
}

function convert(flag: FlagSpec, text: string | undefined, spelled: string, chain: CommandSpec[]): FlagValue {
  const invalid = (why: string) => usageError(`invalid argument "${text}" for "${spelled}" flag: ${why}`, chain);
  switch (flag.type) {
    case 'bool': {
      if (text === undefined) return false;
      const b = parseGoBool(text);
      if (b === undefined) throw invalid('expected true or false');
      return b;
    }
    case 'string':
      return text ?? '';
    case 'strings':
    case 'stringArray': {
      if (text === undefined || text === '[]') return [];
      const inner = /^\[(.*)\]$/.exec(text)?.[1] ?? text;
      return flag.type === 'strings' ? inner.split(',').filter((s) => s !== '') : [text];
    }
    case 'int': {
      if (text === undefined) return 0;
      if (!/^[-+]?\d+$/.test(text)) throw invalid('not an integer');
      return parseInt(text, 10);
    }
    case 'duration': {
      if (text === undefined) return 0;
      const ms = parseGoDuration(text);
      if (ms === undefined) throw invalid('not a duration (examples: 30s, 15m, 1h30m)');
      return ms;
    }
  }
}

function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(text)) return false;
  return undefined;
}

function commandPathOf(chain: CommandSpec[]): string {
  return chain.map((c) => c.name).join(' ');
}

function usageError(message: string, chain: CommandSpec[]): UserError {
  return new UserError(message, `see '${commandPathOf(chain)} --help'`);
}

function unknownFlag(spelled: string, chain: CommandSpec[]): never {
  throw usageError(`unknown flag: ${spelled}`, chain);
}

/** The error for a word that names no subcommand, suggesting the closest one as cobra does ("did you mean ..."). */
export function unknownCommandError(command: CommandSpec, word: string, commandPath: string): UserError {
  const close = (command.children ?? [])
    .filter((c) => !c.hidden)
    .filter((c) => [c.name, ...(c.aliases ?? [])].some((n) => n.startsWith(word) || editDistance(n, word) <= 2))
    .map((c) => c.name);
  const hint = close.length > 0 ? `did you mean ${close.map((n) => `'${commandPath} ${n}'`).join(' or ')}?` : `see '${commandPath} --help'`;
  return new UserError(`unknown command "${word}" for "${commandPath}"`, hint);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
