import { Command, CommanderError } from 'commander';
import { UserError, formatUserError } from '../errors.js';
import { buildProgram } from './tree.js';

async function main(argv: string[]): Promise<number> {
  const program: Command = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : err.exitCode || 1;
    }
    if (err instanceof UserError) {
      process.stderr.write(formatUserError(err) + '\n');
      if (verbose(argv) && err.stack) process.stderr.write(err.stack + '\n');
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${message}\n`);
    if (verbose(argv) && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
    return 1;
  }
}

function verbose(argv: string[]): boolean {
  return argv.some((a) => /^(-v|--v)(=?[1-9]\d*)?$/.test(a) || /^-v[1-9]$/.test(a));
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
