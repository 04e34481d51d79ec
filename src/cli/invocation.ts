import { UserError } from '../errors.js';

export type FlagValue = boolean | string | string[] | number;

/** What a command handler receives: its canonical path, positional arguments and typed flag values. */
export class Invocation {
  constructor(
    /** Canonical command names below the root, e.g. `['get', 'instancegroups']`. */
    readonly path: string[],
    readonly args: string[],
    private readonly values: ReadonlyMap<string, FlagValue>,
    /** Flags the user gave explicitly (pflag's `Changed`), as opposed to defaults. */
    readonly changed: ReadonlySet<string>,
  ) {}

  get commandPath(): string {
    return ['kops', ...this.path].join(' ');
  }

  isSet(name: string): boolean {
    return this.changed.has(name);
  }

  string(name: string): string {
    return this.typed(name, 'string', (v): v is string => typeof v === 'string');
  }

  bool(name: string): boolean {
    return this.typed(name, 'boolean', (v): v is boolean => typeof v === 'boolean');
  }

  /** Integers, and durations in milliseconds. */
  number(name: string): number {
    return this.typed(name, 'number', (v): v is number => typeof v === 'number');
  }

  strings(name: string): string[] {
    return this.typed(name, 'list', (v): v is string[] => Array.isArray(v));
  }

  private typed<T extends FlagValue>(name: string, kind: string, is: (v: FlagValue) => v is T): T {
    const value = this.values.get(name);
    if (value === undefined || !is(value)) {
      // A handler asked for a flag its command does not declare: a programming error, not a user one.
      throw new Error(`${this.commandPath}: flag --${name} is not a declared ${kind} flag`);
    }
    return value;
  }
}

/** pflag-style positional check shared by handlers. */
export function expectArgs(inv: Invocation, min: number, max: number, what: string): void {
  if (inv.args.length < min || inv.args.length > max) {
    throw new UserError(`${inv.commandPath}: expected ${what}, got ${inv.args.length === 0 ? 'none' : inv.args.join(' ')}`, `see '${inv.commandPath} --help'`);
  }
}
