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
    super(message);
    this.name = 'UserError';
  }
}

export function formatUserError(err: UserError): string {
  return err.hint ? `error: ${err.message}\n  ${err.hint}` : `error: ${err.message}`;
}
