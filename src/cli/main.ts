import { UserError, formatUserError } from '../errors.js';
import { runCli } from './run.js';

// The SDK's notice that future releases need Node 22 is for developers, not for someone running kops; it would
// otherwise interleave a multi-line warning with our one-line errors.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `kops get ig -o yaml | head` closes the pipe early; that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

async function main(argv: string[]): Promise<number> {
  try {
    return await runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
  } catch (err) {
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

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
