/**
 * An error the user caused and can fix: its message is shown as is (one Chinese line saying
 * what is wrong, where, and how to fix it); commands exit with code 1 and write nothing.
 * `about`: the records it is about, when it is about some (an import names the rows they came from).
 */
export class UserError extends Error {
  override readonly name = 'UserError';

  constructor(
    message: string,
    readonly about: readonly object[] = [],
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
