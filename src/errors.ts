/**
 * An error a user can meet: one line naming the field path or resource, and optionally a hint saying what to do.
 * The CLI prints these without a stack trace (unless -v is given) and exits with `exitCode`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 1,
  ) {
    super(shortenLongWords(message));
    this.hint = hint === undefined ? undefined : shortenLongWords(hint);
    this.name = 'UserError';
  }
}

/** Values quoted from the input stay readable: a word longer than 200 characters is cut, saying how long it was. */
function shortenLongWords(text: string): string {
  return text.replace(/\S{201,}/g, (word) => `${word.slice(0, 60)}…(${word.length} characters)`);
}

export function formatUserError(err: UserError): string {
  return err.hint ? `error: ${err.message}\n  ${err.hint}` : `error: ${err.message}`;
}
