import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { CliContext } from './context.js';

export interface EditSession<T> {
  /** The text the user starts from. */
  initial: string;
  /** Turns the edited text (comment lines removed) into the object to save; throws UserError when it is invalid. */
  parse(text: string): Promise<T>;
  save(object: T): Promise<void>;
}

/**
 * kubectl-style edit loop: open the text in $KUBE_EDITOR / $EDITOR; an invalid result re-opens with the error in
 * `#` comment lines on top, and nothing is saved until the text is valid (or the user gives up).
 */
export async function runEditSession<T>(ctx: CliContext, session: EditSession<T>): Promise<number | void> {
  let buffer = session.initial;
  let previous: string | undefined;
  for (;;) {
    const edited = editInTempFile(ctx, buffer);
    const content = stripComments(edited);
    if (previous !== undefined && content === stripComments(previous)) {
      ctx.stderr.write('Edit cancelled, no valid changes were saved.\n');
      return 1;
    }
    if (content === stripComments(session.initial)) {
      ctx.stdout.write('Edit cancelled, no changes made.\n');
      return;
    }
    if (content.trim() === '') {
      ctx.stdout.write('Edit cancelled, saved file was empty.\n');
      return;
    }
    let object: T;
    try {
      object = await session.parse(content);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      buffer = errorHeader(err) + content;
      previous = edited;
      continue;
    }
    await session.save(object);
    return;
  }
}

function editorCommand(ctx: CliContext): string {
  return ctx.env.KUBE_EDITOR || ctx.env.EDITOR || 'vi';
}

function editInTempFile(ctx: CliContext, text: string): string {
  const file = join(tmpdir(), `kops-edit-${randomBytes(6).toString('hex')}.yaml`);
  writeFileSync(file, text, { mode: 0o600 });
  try {
    const editor = editorCommand(ctx);
    const result = spawnSync(`${editor} '${file}'`, { shell: true, stdio: 'inherit', env: { ...process.env, ...ctx.env } });
    if (result.error) throw new UserError(`cannot start editor "${editor}": ${result.error.message}`, 'set KUBE_EDITOR or EDITOR to an editor command');
    if (result.status !== 0) throw new UserError(`editor "${editor}" exited with status ${result.status}; nothing was saved`);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(file, { force: true });
  }
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

function errorHeader(err: UserError): string {
  const lines = [
    'Please fix the object below and save it again. Lines starting with "#" are ignored;',
    'saving an empty file cancels the edit. The problem with the last version:',
    '',
    ...err.message.split('\n'),
    ...(err.hint ? err.hint.split('\n') : []),
  ];
  return lines.map((l) => (l ? `# ${l}` : '#')).join('\n') + '\n#\n';
}
