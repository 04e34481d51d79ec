import type { CliContext } from './context.js';
import type { Invocation } from './invocation.js';

/** Value kinds, as pflag knows them; `strings` splits on commas and repeats, `stringArray` only repeats. */
export type FlagType = 'bool' | 'string' | 'strings' | 'stringArray' | 'int' | 'duration';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  help: string;
  /** Default as the user would type it (`'10s'`, `'true'`, `'main,events'`); absent means the zero value. */
  default?: string;
  /** Value used when the flag is given without `=value` (pflag's NoOptDefVal), e.g. `--admin` meaning 18h. */
  valueWhenBare?: string;
  /** Name shown for the value in help (`severity`, `Level`, `target`); defaults to the type. */
  valueName?: string;
  /** The values a shell may offer when completing this flag's value (not enforced when parsing). */
  choices?: string[];
  /** Old names still accepted and mapped onto this flag (e.g. `master-size` for `control-plane-size`). */
  aliases?: string[];
  /** Flags on a command that subcommands inherit (cobra's persistent flags). */
  persistent?: boolean;
  hidden?: boolean;
}

export interface CommandModule {
  run(invocation: Invocation, ctx: CliContext): Promise<number | void>;
}

export interface CommandSpec {
  name: string;
  aliases?: string[];
  summary: string;
  /** Longer help; the summary is used when absent. */
  description?: string;
  /** Positional part of the usage line, e.g. `[CLUSTER]` or `INSTANCE_GROUP`. */
  args?: string;
  examples?: string[];
  flags?: FlagSpec[];
  /** Lazily imported implementation; a leaf without one reports "not implemented yet". */
  handler?: () => Promise<CommandModule>;
  children?: CommandSpec[];
  hidden?: boolean;
}
