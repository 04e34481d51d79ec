import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { Invocation } from './invocation.js';

export interface Writer {
  write(text: string): void;
}

/** What every handler gets besides its parsed flags: where to write, how loud to be, and where state lives. */
export interface CliContext {
  stdout: Writer;
  stderr: Writer;
  /** Log verbosity from -v/--v (0 = only warnings and errors). */
  verbosity: number;
  clock: () => Date;
  env: Readonly<Record<string, string | undefined>>;
  /** Whole standard input, for `-f -`. */
  readStdin(): Promise<string>;
  /** Asks a yes/no question on the terminal; undefined (without asking) when stdin is not a terminal. */
  confirm(question: string): Promise<boolean | undefined>;
  /** Logs to stderr when the verbosity is at least `level`. */
  log(level: number, message: string): void;
  /** The state store URL from --state, $KOPS_STATE_STORE or the config file; a UserError when none is set. */
  stateStoreUrl(): Promise<string>;
  /**
   * The cluster name from a positional argument, --name, $KOPS_CLUSTER_NAME or the config file (in that order);
   * a UserError when none is set or the positional argument and --name disagree.
   */
  clusterName(positional?: string): Promise<string>;
}

export interface ContextOptions {
  invocation: Invocation;
  env: Readonly<Record<string, string | undefined>>;
  stdout: Writer;
  stderr: Writer;
  clock?: () => Date;
  readStdin?: () => Promise<string>;
  confirm?: (question: string) => Promise<boolean | undefined>;
}

export function createContext(options: ContextOptions): CliContext {
  const { invocation, env } = options;
  const verbosity = invocation.number('v');
  let configFile: Promise<Record<string, unknown>> | undefined;
  const fromConfigFile = async (key: string): Promise<string | undefined> => {
    configFile ??= readConfigFile(invocation.string('config'), env);
    const value = (await configFile)[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const setting = async (flag: string, envName: string, configKey: string): Promise<string | undefined> =>
    (invocation.isSet(flag) ? invocation.string(flag) : undefined) || env[envName] || fromConfigFile(configKey);

  return {
    stdout: options.stdout,
    stderr: options.stderr,
    verbosity,
    clock: options.clock ?? (() => new Date()),
    env,
    readStdin: options.readStdin ?? readProcessStdin,
    confirm: options.confirm ?? ((question) => askOnTerminal(question, options.stderr)),
    log(level, message) {
      if (verbosity >= level) options.stderr.write(message.endsWith('\n') ? message : message + '\n');
    },
    async stateStoreUrl() {
      const url = await setting('state', 'KOPS_STATE_STORE', 'kops_state_store');
      if (!url) throw new UserError('the state store is not set', 'set --state or KOPS_STATE_STORE (e.g. s3://my-bucket or file:///path)');
      return url.replace(/\/+$/, '');
    },
    async clusterName(positional) {
      const flagName = invocation.isSet('name') ? invocation.string('name') : '';
      if (positional && flagName && positional !== flagName) {
        throw new UserError(`cluster name given twice: "${positional}" as argument and "${flagName}" with --name`, 'give it only once');
      }
      const name = positional || (await setting('name', 'KOPS_CLUSTER_NAME', 'kops_cluster_name'));
      if (!name) throw new UserError('the cluster name is not set', 'pass it as an argument, or set --name or KOPS_CLUSTER_NAME');
      return name;
    },
  };
}

/** kops reads defaults from --config, else ~/.kops.yaml, else ~/.kops/config. */
async function readConfigFile(explicit: string, env: Readonly<Record<string, string | undefined>>): Promise<Record<string, unknown>> {
  const home = env.HOME || homedir();
  const candidates = explicit ? [explicit] : [join(home, '.kops.yaml'), join(home, '.kops', 'config')];
  const path = candidates.find((p) => existsSync(p));
  if (!path) {
    if (explicit) throw new UserError(`--config: ${explicit} does not exist`);
    return {};
  }
  // yaml is loaded only here so that commands which never need the config file start faster.
  const { parse: parseYaml } = await import('./yaml-lazy.js');
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UserError(`${path}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function askOnTerminal(question: string, out: Writer): Promise<boolean | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    out.write(`${question} (y/N) `);
    const answer = await rl.question('');
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
