import { configureAwsRetries } from '../aws-retry.js';
import { createContext, type Writer } from './context.js';
import { renderHelp } from './help.js';
import { findChild, parseCommandLine, unknownCommandError } from './parse.js';
import type { CommandSpec } from './spec.js';
import { commandTree, globalFlags } from './tree.js';

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env: Readonly<Record<string, string | undefined>>;
  clock?: () => Date;
  readStdin?: () => Promise<string>;
}

/** No AWS call is retried past this long after a command starts. */
const COMMAND_DEADLINE_MS = 60 * 60_000;

/** Runs one kops command line (without the leading `node kops.js`) and returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'help') {
    io.stdout.write(renderHelp(chainFor(argv.slice(1)), globalFlags));
    return 0;
  }
  const { chain, invocation, helpRequested } = parseCommandLine(argv, commandTree, globalFlags);
  const command = chain[chain.length - 1];
  if (helpRequested) {
    io.stdout.write(renderHelp(chain, globalFlags));
    return 0;
  }
  if (!command.handler) {
    if (command.children?.length) {
      if (invocation.args.length > 0) {
        throw unknownCommandError(command, invocation.args[0], invocation.commandPath);
      }
      io.stdout.write(renderHelp(chain, globalFlags));
      return 0;
    }
    io.stderr.write(`not implemented yet: ${invocation.commandPath}\n`);
    return 2;
  }
  const module = await command.handler();
  const ctx = createContext({ invocation, env: io.env, stdout: io.stdout, stderr: io.stderr, clock: io.clock, readStdin: io.readStdin });
  configureAwsRetries({
    deadline: Date.now() + COMMAND_DEADLINE_MS,
    onRetry: (r) => ctx.log(2, `retrying ${r.service} ${r.action} in ${r.delayMs}ms (attempt ${r.attempt + 1}): ${r.error}`),
  });
  return (await module.run(invocation, ctx)) ?? 0;
}

/** The command chain named by words like `get ig` (for `kops help get ig`); stops at the first unknown word. */
function chainFor(words: string[]): CommandSpec[] {
  const chain = [commandTree];
  for (const word of words) {
    const child = findChild(chain[chain.length - 1], word);
    if (!child) break;
    chain.push(child);
  }
  return chain;
}
